using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using DeepSeekHw.Catalog;
using DeepSeekHw.Sizing;

namespace DeepSeekHw.Benchmarks;

/// <summary>
/// The whole sizing space in one operation: every catalog model × every precision × 6 context lengths × every GPU,
/// each with the smallest-layout search. Requests a given engine cannot run are counted, not timed out.
/// </summary>
[MemoryDiagnoser]
public class SizingSweepBenchmark
{
    private static readonly int[] Contexts = { 2048, 4096, 8192, 32768, 65536, 131072 };
    private List<SizingRequest> _requests = new();

    [GlobalSetup]
    public void Setup()
    {
        var catalog = DeepSeekCatalog.Builtin;
        var precisions = System.Enum.GetValues<WeightPrecision>();
        _requests = (from model in catalog.Models
                     from precision in precisions
                     from context in Contexts
                     from gpu in catalog.Gpus
                     select new SizingRequest(model) { Precision = precision, ContextLength = context, Gpu = gpu, Force = true }).ToList();
    }

    [Benchmark]
    public int SweepAllModelsPrecisionsContextsGpus()
    {
        var answered = 0;
        foreach (var request in _requests)
        {
            try
            {
                SizingEngine.Estimate(request);
                answered++;
            }
            catch (SizingException)
            {
                // e.g. FP8 on a GPU without FP8 units under SGLang: refused by design
            }
        }

        return answered;
    }

    public int RequestCount => _requests.Count;
}
