using DeepSeekHw.Catalog;
using DeepSeekHw.Sizing;

namespace DeepSeekHw.Core.Tests.Sizing;

/// <summary>SGLang decoded V3.1 on 8×MI300X 1.8–2.2× and R1 on 8×MI325X 1.2–1.4× below the estimate (docs/accuracy.md): AMD MoE estimates say so.</summary>
public sealed class AmdDecodeNoteTests
{
    private static bool Warns(string model, string gpu, int tensorParallel, string engine = "SGLang") =>
        SizingEngine.Estimate(new SizingRequest(DeepSeekCatalog.Builtin.FindModel(model)!)
        {
            Engine = engine,
            Gpu = DeepSeekCatalog.Builtin.FindGpu(gpu),
            TensorParallel = tensorParallel,
            ContextLength = 2048,
        }).Assumptions.Any(a => a.StartsWith("Measured slower on AMD:", StringComparison.Ordinal));

    [Fact]
    public void Moe_across_amd_gpus_is_an_upper_bound() => Assert.True(Warns("DeepSeek-V3.1", "MI300X", 8));

    [Fact]
    public void The_same_layout_on_nvidia_is_not_flagged() => Assert.False(Warns("DeepSeek-V3.1", "H200-SXM", 8));

    [Fact]
    public void A_dense_model_on_one_amd_gpu_is_not_flagged() => Assert.False(Warns("DeepSeek-R1-Distill-Qwen-7B", "MI300X", 1, "vLLM"));
}
