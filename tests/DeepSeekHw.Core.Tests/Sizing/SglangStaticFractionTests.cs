using DeepSeekHw.Catalog;
using DeepSeekHw.Sizing;

namespace DeepSeekHw.Core.Tests.Sizing;

/// <summary>SGLang's default mem_fraction_static, worked out as server_args.py does from the GPU and the layout.</summary>
public sealed class SglangStaticFractionTests
{
    private static SizingEstimate Size(string model, string gpu, int? tp = null, int? dp = null, bool dpAttention = false, bool mtp = false) =>
        SizingEngine.Estimate(new SizingRequest(DeepSeekCatalog.Builtin.FindModel(model)!)
        {
            Engine = "SGLang", Gpu = DeepSeekCatalog.Builtin.FindGpu(gpu), TensorParallel = tp, DataParallel = dp, DataParallelAttention = dpAttention,
            MultiTokenPrediction = mtp, ContextLength = 4096,
        });

    [Theory]
    // 143,771 MiB less 512 + 1.5 x 8192 + 2 x 512 + 8 x 128 = 14,848 MiB.
    [InlineData("DeepSeek-R1-0528", "H200-SXM", 8, 0.897)]
    // 81,559 MiB less 512 + 12,288 + 2 x 256 + 128 = 13,440 MiB.
    [InlineData("DeepSeek-R1-Distill-Llama-8B", "H100-SXM", 1, 0.835)]
    // A 24 GB card at TP 4: 2k chunks and CUDA graphs up to 80, 512 + 3,072 + 160 + 512 = 4,256 MiB.
    [InlineData("DeepSeek-R1-Distill-Qwen-32B", "L4", 4, 0.815)]
    public void The_default_share_is_the_gpu_less_sglangs_reserve(string model, string gpu, int tp, double share)
    {
        var e = Size(model, gpu, tp);

        Assert.Equal(share, e.MemoryUtilization);
        Assert.Equal((long)(e.GpuMemoryBytes!.Value * share), e.PerGpuBudgetBytes);
    }

    [Fact]
    public void Dp_attention_and_an_mtp_draft_reserve_more()
    {
        // DP attention over 8 ranks: 14,848 + 3 x 512 x 8 + 1.5 x 512 x 8 = 33,280 MiB of 143,771.
        Assert.Equal(0.769, Size("DeepSeek-V3", "H200-SXM", 1, 8, dpAttention: true).MemoryUtilization);
        // An EAGLE draft adds 2,048 MiB: (143,771 - 16,896) / 143,771.
        Assert.Equal(0.882, Size("DeepSeek-R1-0528", "H200-SXM", 8, mtp: true).MemoryUtilization);
    }

    [Fact]
    public void A_share_given_is_kept_and_vllm_keeps_its_fixed_default()
    {
        Assert.Equal(0.8, SizingEngine.Estimate(new SizingRequest(DeepSeekCatalog.Builtin.FindModel("DeepSeek-R1-0528")!)
        {
            Engine = "SGLang", Gpu = DeepSeekCatalog.Builtin.FindGpu("H200-SXM"), TensorParallel = 8, MemoryUtilization = 0.8,
        }).MemoryUtilization);
        Assert.Equal(0.9, SizingEngine.Estimate(new SizingRequest(DeepSeekCatalog.Builtin.FindModel("DeepSeek-R1-0528")!)
        {
            Engine = "vLLM", Gpu = DeepSeekCatalog.Builtin.FindGpu("H200-SXM"), TensorParallel = 8,
        }).MemoryUtilization);
    }

    [Fact]
    public void A_layout_chosen_under_the_single_gpu_share_is_checked_against_its_own()
    {
        var e = SizingEngine.Estimate(new SizingRequest(DeepSeekCatalog.Builtin.FindModel("DeepSeek-R1-0528")!)
        {
            Engine = "SGLang", Gpu = DeepSeekCatalog.Builtin.FindGpu("H200-SXM"), ContextLength = 4096,
        });

        Assert.Equal(8, e.TensorParallel);
        Assert.Equal(0.897, e.MemoryUtilization);
        Assert.True(e.Fits);
    }
}
