using DeepSeekHw.Catalog;
using DeepSeekHw.Sizing;

namespace DeepSeekHw.Core.Tests.Sizing;

/// <summary>llama.cpp's compute buffer: a ubatch of outputs in F32, and the scores where it has no flash attention.</summary>
public sealed class LlamaCppComputeBufferTests
{
    private static SizingEstimate Size(string model, string gpu, int context) => SizingEngine.Estimate(new SizingRequest(DeepSeekCatalog.Builtin.FindModel(model)!)
    {
        Precision = WeightPrecision.Q4_K_M, Engine = "llama.cpp", Gpu = DeepSeekCatalog.Builtin.FindGpu(gpu), GpuCount = 8, ContextLength = context,
    });

    [Fact]
    public void The_output_phase_holds_the_logits_of_a_whole_ubatch_whatever_the_context()
    {
        // 512 tokens x (152,064 vocabulary + 3,584 hidden) x 4 bytes.
        Assert.Equal(512L * (152_064 + 3_584) * 4, Size("DeepSeek-R1-Distill-Qwen-7B", "RTX-3090", 2048).ActivationBytes);
        Assert.Equal(512L * (152_064 + 3_584) * 4, Size("DeepSeek-R1-Distill-Qwen-7B", "RTX-3090", 32768).ActivationBytes);
    }

    [Fact]
    public void Mla_before_ampere_holds_one_layers_scores_against_the_whole_cache()
    {
        var volta = Size("DeepSeek-R1", "V100-SXM2-32GB", 8192);
        var ampere = Size("DeepSeek-R1", "A100-SXM4-80GB", 8192);

        Assert.Equal(128L * 8192 * 512 * 4, volta.ActivationBytes);
        Assert.Equal(4 * volta.ActivationBytes, Size("DeepSeek-R1", "V100-SXM2-32GB", 32768).ActivationBytes);
        Assert.Contains(volta.Assumptions, a => a.StartsWith("Attention: llama.cpp has no flash attention for MLA heads on V100", StringComparison.Ordinal));
        Assert.True(ampere.ActivationBytes < 300L << 20);
        Assert.DoesNotContain(ampere.Assumptions, a => a.Contains("no flash attention", StringComparison.Ordinal));
        Assert.Equal(Size("DeepSeek-R1-Distill-Qwen-7B", "A100-SXM4-80GB", 8192).ActivationBytes, Size("DeepSeek-R1-Distill-Qwen-7B", "V100-SXM2-32GB", 8192).ActivationBytes);
    }
}
