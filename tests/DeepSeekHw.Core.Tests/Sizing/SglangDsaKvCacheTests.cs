using DeepSeekHw.Catalog;
using DeepSeekHw.Sizing;

namespace DeepSeekHw.Core.Tests.Sizing;

/// <summary>SGLang caches DeepSeek V3.2 (sparse attention, an indexer) in FP8 by default on Blackwell, BF16 before.</summary>
public sealed class SglangDsaKvCacheTests
{
    private static SizingEstimate Size(string engine, string gpu, KvCacheType type = KvCacheType.Auto, string model = "DeepSeek-V3.2-Exp") =>
        SizingEngine.Estimate(new SizingRequest(DeepSeekCatalog.Builtin.FindModel(model)!)
        {
            Engine = engine,
            Gpu = DeepSeekCatalog.Builtin.FindGpu(gpu),
            GpuCount = 8,
            KvCacheType = type,
            ContextLength = 8192,
        });

    [Theory]
    [InlineData("SGLang", "B200", KvCacheType.Auto, "FP8")]
    [InlineData("SGLang", "H200-SXM", KvCacheType.Auto, "BF16")]
    [InlineData("SGLang", "B200", KvCacheType.BF16, "BF16")]
    [InlineData("vLLM", "B200", KvCacheType.Auto, "BF16")]
    public void The_default_kv_cache_follows_the_engine_and_the_gpu_generation(string engine, string gpu, KvCacheType asked, string expected)
    {
        var estimate = Size(engine, gpu, asked);

        Assert.Equal(expected, estimate.KvCacheType);
        Assert.Equal(expected == "FP8" && asked == KvCacheType.Auto, estimate.Assumptions.Any(n => n.StartsWith("KV cache type: FP8, SGLang's default", StringComparison.Ordinal)));
    }

    [Fact]
    public void Models_without_an_indexer_keep_bf16_on_blackwell()
    {
        Assert.Equal("BF16", Size("SGLang", "B200", model: "DeepSeek-R1").KvCacheType);
    }

    [Fact]
    public void The_fp8_default_halves_the_latent_and_keeps_the_indexer_key()
    {
        var fp8 = Size("SGLang", "B200").KvCacheBytesPerToken;
        var bf16 = Size("SGLang", "B200", KvCacheType.BF16).KvCacheBytesPerToken;

        Assert.Equal(61L * (576 + 132), fp8);
        Assert.Equal(61L * ((576 * 2) + 132), bf16);
    }
}
