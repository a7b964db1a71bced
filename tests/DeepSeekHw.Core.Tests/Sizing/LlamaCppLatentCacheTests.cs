using DeepSeekHw.Catalog;
using DeepSeekHw.Sizing;

namespace DeepSeekHw.Core.Tests.Sizing;

/// <summary>
/// llama.cpp's 8-bit cache is q8_0 (34 bytes per 32 values). For MLA models it holds the 576-element latent in it (a
/// K-only cache), which only its flash-attention kernels read: on GPUs where llama.cpp has no flash attention for MLA
/// heads (before Ampere) the request is refused, elsewhere the latent costs 612 bytes per token and layer.
/// </summary>
public sealed class LlamaCppLatentCacheTests
{
    private static SizingRequest Request(string model, string? gpu, string engine = "llama.cpp", KvCacheType kv = KvCacheType.FP8) =>
        new(DeepSeekCatalog.Builtin.FindModel(model)!)
        {
            Engine = engine, Precision = WeightPrecision.Q8_0, Gpu = gpu is null ? null : DeepSeekCatalog.Builtin.FindGpu(gpu),
            KvCacheType = kv, ContextLength = 32768,
        };

    [Fact]
    public void The_latent_is_cached_in_q8_0_under_flash_attention()
    {
        var lite = DeepSeekCatalog.Builtin.FindModel("DeepSeek-V2-Lite")!;
        var estimate = SizingEngine.Estimate(Request("DeepSeek-V2-Lite", "RTX-3090"));
        var sixteenBit = SizingEngine.Estimate(Request("DeepSeek-V2-Lite", "RTX-3090", kv: KvCacheType.Auto));

        Assert.Equal(576, lite.KvLoraRank + lite.QkRopeHeadDim);
        Assert.Equal(lite.NumLayers * 612L, estimate.KvCacheBytesPerToken); // 576 / 32 blocks × 34 bytes
        Assert.Equal(lite.NumLayers * 1152L, sixteenBit.KvCacheBytesPerToken);
        Assert.Contains(estimate.Assumptions, a => a.Contains("q8_0 latents of a layer after converting them to F16", StringComparison.Ordinal)
                                                   && a.Contains("36 MiB here", StringComparison.Ordinal)); // 1,152 B × 32,768 tokens
        Assert.DoesNotContain(sixteenBit.Assumptions, a => a.Contains("converting them to F16", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_flash_attention_for_MLA_heads_the_8_bit_cache_is_refused()
    {
        var error = Assert.Throws<SizingException>(() => SizingEngine.Estimate(Request("DeepSeek-V2-Lite", "V100-SXM2-32GB")));

        Assert.Equal(SizingErrorIds.PrecisionNotSupported, error.ErrorId);
        Assert.Contains("only under flash attention", error.Message, StringComparison.Ordinal);
        Assert.Contains("compute capability 8.0 and newer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void On_the_cpu_the_latent_cache_is_8_bit_too()
    {
        var cpu = SizingEngine.Estimate(Request("DeepSeek-V2-Lite", gpu: null));
        var lite = DeepSeekCatalog.Builtin.FindModel("DeepSeek-V2-Lite")!;

        Assert.Equal(lite.NumLayers * 612L, cpu.KvCacheBytesPerToken);
    }

    [Fact]
    public void Engines_that_cache_decompressed_heads_still_have_no_8_bit_MLA_cache()
    {
        var error = Assert.Throws<SizingException>(() => SizingEngine.Estimate(Request("DeepSeek-V2-Lite", "RTX-3090", engine: "Ollama")));

        Assert.Equal(SizingErrorIds.PrecisionNotSupported, error.ErrorId);
        Assert.Contains("Ollama has no 8-bit KV cache for MLA models", error.Message, StringComparison.Ordinal);
        Assert.Contains("llama.cpp", error.Message, StringComparison.Ordinal);
    }
}
