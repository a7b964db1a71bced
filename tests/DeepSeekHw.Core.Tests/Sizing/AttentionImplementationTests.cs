using DeepSeekHw.Catalog;
using DeepSeekHw.Sizing;

namespace DeepSeekHw.Core.Tests.Sizing;

public sealed class AttentionImplementationTests
{
    private static SizingEstimate Size(AttentionImplementation attention, string engine = "Transformers", int context = 4096, int concurrency = 4, SizingWorkload workload = SizingWorkload.Inference) =>
        SizingEngine.Estimate(new SizingRequest(DeepSeekCatalog.Builtin.FindModel("DeepSeek-R1-Distill-Qwen-7B")!)
        {
            Precision = WeightPrecision.BF16,
            Gpu = DeepSeekCatalog.Builtin.FindGpu("H100-SXM"),
            GpuCount = 1,
            Engine = engine,
            ContextLength = context,
            Concurrency = concurrency,
            AttentionImplementation = attention,
            Workload = workload,
        });

    [Fact]
    public void Eager_attention_holds_the_score_matrix_of_the_whole_prompt()
    {
        var sdpa = Size(AttentionImplementation.Sdpa);
        var eager = Size(AttentionImplementation.Eager);

        // 28 heads × 4,096² scores × 4 sequences × 8 bytes (BF16 scores, FP32 softmax, BF16 result) = 15 GiB.
        Assert.InRange(eager.ActivationBytes - sdpa.ActivationBytes, (28L * 4096 * 4096 * 4 * 8) - 1, (28L * 4096 * 4096 * 4 * 8) + 1);
        Assert.Equal("Eager", eager.AttentionImplementation);
        Assert.True(eager.MaxContextLength < sdpa.MaxContextLength || eager.MaxConcurrency < sdpa.MaxConcurrency);
    }

    [Fact]
    public void Auto_is_sdpa_and_flash_attention_needs_no_more()
    {
        var auto = Size(AttentionImplementation.Auto);
        Assert.Equal("Sdpa", auto.AttentionImplementation);
        Assert.Equal(auto.ActivationBytes, Size(AttentionImplementation.Sdpa).ActivationBytes);
        Assert.Equal(auto.ActivationBytes, Size(AttentionImplementation.FlashAttention2).ActivationBytes);
    }

    [Fact]
    public void The_score_matrix_grows_with_the_square_of_the_prompt()
    {
        var short1 = Size(AttentionImplementation.Eager, context: 1024, concurrency: 1).ActivationBytes - Size(AttentionImplementation.Sdpa, context: 1024, concurrency: 1).ActivationBytes;
        var long1 = Size(AttentionImplementation.Eager, context: 4096, concurrency: 1).ActivationBytes - Size(AttentionImplementation.Sdpa, context: 4096, concurrency: 1).ActivationBytes;
        Assert.InRange(long1 / (double)short1, 15.99, 16.01);
    }

    [Fact]
    public void Serving_engines_refuse_an_attention_implementation()
    {
        var ex = Assert.Throws<SizingException>(() => Size(AttentionImplementation.Eager, engine: "vLLM"));
        Assert.Equal(SizingErrorIds.AttentionImplementationNotSupported, ex.ErrorId);
        Assert.Null(Size(AttentionImplementation.Auto, engine: "vLLM").AttentionImplementation);
    }

    [Fact]
    public void Training_with_eager_attention_adds_korthikantis_score_term()
    {
        var flash = Size(AttentionImplementation.Auto, engine: null!, context: 2048, concurrency: 2, workload: SizingWorkload.FullFineTune);
        var eager = Size(AttentionImplementation.Eager, engine: null!, context: 2048, concurrency: 2, workload: SizingWorkload.FullFineTune);

        // Without checkpointing every layer keeps 5·a·s²·b bytes of scores: 28 layers × 5 × 28 heads × 2048² × 2.
        Assert.Equal(28L * 5 * 28 * 2048L * 2048 * 2, eager.ActivationBytes - flash.ActivationBytes);
    }
}
