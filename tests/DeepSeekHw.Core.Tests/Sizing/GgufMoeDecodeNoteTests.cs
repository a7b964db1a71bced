using DeepSeekHw.Catalog;
using DeepSeekHw.Sizing;

namespace DeepSeekHw.Core.Tests.Sizing;

/// <summary>llama.cpp's MoE decode on GPUs is measured far below the bandwidth estimate: the estimate says so.</summary>
public sealed class GgufMoeDecodeNoteTests
{
    private static SizingEstimate Size(string model, WeightPrecision precision, string engine) =>
        SizingEngine.Estimate(new SizingRequest(DeepSeekCatalog.Builtin.FindModel(model)!)
        {
            Precision = precision,
            Engine = engine,
            Gpu = DeepSeekCatalog.Builtin.FindGpu("H100-SXM"),
            GpuCount = 2,
            ContextLength = 2048,
        });

    [Theory]
    [InlineData("DeepSeek-R1", WeightPrecision.IQ1_S, "llama.cpp", true)]
    [InlineData("DeepSeek-Coder-V2-Lite", WeightPrecision.Q4_K_M, "Ollama", true)]
    [InlineData("DeepSeek-R1-Distill-Llama-70B", WeightPrecision.Q4_K_M, "llama.cpp", false)]
    [InlineData("DeepSeek-Coder-V2-Lite", WeightPrecision.BF16, "vLLM", false)]
    public void Gguf_engines_running_moe_models_on_gpus_say_the_decode_speed_is_an_upper_bound(string model, WeightPrecision precision, string engine, bool said)
    {
        var notes = Size(model, precision, engine).Assumptions;

        Assert.Equal(said, notes.Any(n => n.StartsWith("Measured slower:", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("llama.cpp", 1, false)]
    [InlineData("llama.cpp", 8, true)]
    [InlineData("Ollama", 2, true)]
    [InlineData("vLLM", 8, false)]
    public void Multi_token_steps_pay_per_expert_kernels_only_where_the_engine_runs_them_one_by_one(string engine, int concurrency, bool charged)
    {
        var estimate = SizingEngine.Estimate(new SizingRequest(DeepSeekCatalog.Builtin.FindModel("DeepSeek-V2-Lite")!)
        {
            Precision = engine == "vLLM" ? WeightPrecision.BF16 : WeightPrecision.Q4_0,
            Engine = engine,
            Gpu = DeepSeekCatalog.Builtin.FindGpu("H100-SXM"),
            ContextLength = 512,
            Concurrency = concurrency,
        });

        Assert.Equal(charged, estimate.Assumptions.Any(n => n.StartsWith("Batched MoE:", StringComparison.Ordinal)));
    }
}
