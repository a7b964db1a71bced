using DeepSeekHw.Catalog;
using DeepSeekHw.Sizing;

namespace DeepSeekHw.Core.Tests.Sizing;

/// <summary>
/// llama.cpp's 8-bit cache is q8_0 (34 bytes per 32 values). For MLA models it holds the 576-element latent in it (a
/// K-only cache), which only its flash-attention kernels read: those cover every CUDA GPU, so the latent costs 612 bytes
/// per token and layer; where an engine turns flash attention off (Ollama before Pascal) an 8-bit cache is refused.
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
    public void The_latent_is_cached_in_q8_0_on_every_cuda_gpu()
    {
        var lite = DeepSeekCatalog.Builtin.FindModel("DeepSeek-V2-Lite")!;

        Assert.Equal(lite.NumLayers * 612L, SizingEngine.Estimate(Request("DeepSeek-V2-Lite", "V100-SXM2-32GB")).KvCacheBytesPerToken);
        Assert.Equal(lite.NumLayers * 612L, SizingEngine.Estimate(Request("DeepSeek-V2-Lite", "Tesla-P40")).KvCacheBytesPerToken);
    }

    [Fact]
    public void Without_flash_attention_the_8_bit_cache_is_refused()
    {
        // Ollama passes llama-server --flash-attn off below compute capability 6.0, and ggml keeps no q8_0 cache without it.
        var error = Assert.Throws<SizingException>(() => SizingEngine.Estimate(Request("DeepSeek-R1-Distill-Qwen-7B", "Tesla-M40", engine: "Ollama")));

        Assert.Equal(SizingErrorIds.PrecisionNotSupported, error.ErrorId);
        Assert.Contains("only under flash attention, which it turns off on Tesla-M40 (compute capability 5.2, below 6.0)", error.Message, StringComparison.Ordinal);
        Assert.True(SizingEngine.Estimate(Request("DeepSeek-R1-Distill-Qwen-7B", "Tesla-P40", engine: "Ollama")).KvCacheBytesPerToken > 0);
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
