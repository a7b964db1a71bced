using DeepSeekHw.Catalog;
using DeepSeekHw.Sizing;

namespace DeepSeekHw.Core.Tests.Sizing;

/// <summary>A user comparing the pool with a current vLLM log is told what that release takes out of it besides.</summary>
public sealed class PoolLogCaveatTests
{
    private static string PoolNote(string engine) =>
        SizingEngine.Estimate(new SizingRequest(DeepSeekCatalog.Builtin.FindModel("DeepSeek-R1-Distill-Llama-8B")!)
        {
            Engine = engine, Gpu = DeepSeekCatalog.Builtin.FindGpu("H100-SXM"), GpuCount = 1, ContextLength = 8192,
        }).Assumptions.Single(a => a.StartsWith("KV cache pool per GPU:", StringComparison.Ordinal));

    [Fact]
    public void Vllm_says_later_releases_also_subtract_their_cuda_graph_estimate()
    {
        var note = PoolNote("vLLM");
        Assert.Contains("Estimated CUDA graph memory", note, StringComparison.Ordinal);
        Assert.Contains("VLLM_MEMORY_PROFILER_ESTIMATE_CUDAGRAPHS=0", note, StringComparison.Ordinal);
    }

    [Fact]
    public void Sglang_names_its_log_lines_without_that_caveat() =>
        Assert.DoesNotContain("CUDA graph", PoolNote("SGLang"), StringComparison.Ordinal);
}
