using DeepSeekHw.Catalog;
using DeepSeekHw.Sizing;

namespace DeepSeekHw.Core.Tests.Sizing;

/// <summary>Each engine's KV pool follows its own rule (docs/sizing.md §4).</summary>
public sealed class EnginePoolTests
{
    private static SizingEstimate Size(string engine, int gpus = 1) =>
        SizingEngine.Estimate(new SizingRequest(DeepSeekCatalog.Builtin.FindModel("DeepSeek-R1-Distill-Qwen-7B")!)
        {
            Precision = WeightPrecision.BF16,
            Gpu = DeepSeekCatalog.Builtin.FindGpu("H100-SXM"),
            GpuCount = gpus,
            Engine = engine,
            ContextLength = 8192,
            Concurrency = 8,
        });

    [Fact]
    public void Vllm_pool_is_the_utilization_share_less_weights_profile_peak_and_non_torch_memory()
    {
        var e = Size("vLLM");
        Assert.Equal(e.PerGpuBudgetBytes - e.WeightBytesPerGpu - e.ActivationBytes - 139_586_437, e.KvCachePoolBytes);
        Assert.Equal(139_586_437, e.OverheadBytes); // no CUDA context: it sits in the 1 - utilization margin
    }

    [Fact]
    public void Sglang_static_fraction_holds_weights_and_kv_only()
    {
        var e = Size("SGLang");
        Assert.True(e.ActivationBytes > 0);
        Assert.Equal(e.PerGpuBudgetBytes - e.WeightBytesPerGpu - e.OverheadBytes, e.KvCachePoolBytes);
        Assert.Equal(e.WeightBytesPerGpu + e.KvCacheBytesPerGpu + e.OverheadBytes, e.PerGpuBytes); // activations use the rest
        Assert.Equal(512L << 20, e.OverheadBytes);

        var tp2 = Size("SGLang", gpus: 2);
        Assert.Equal((512L << 20) + (384L << 20), tp2.OverheadBytes); // NCCL buffers once GPUs talk
    }
}
