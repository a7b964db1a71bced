using System.IO;
using DeepSeekHw.Catalog;
using DeepSeekHw.Sizing;

namespace DeepSeekHw.Core.Tests.Sizing;

/// <summary>
/// A GGUF engine caches what the file lets it: llama.cpp runs an MLA model on its latent only when the file was converted
/// for that path (key_length_mla and value_length_mla in the header, src/models/deepseek2.cpp is_mla); older conversions
/// run on decompressed per-head keys and values, whatever the engine's rule.
/// </summary>
public sealed class GgufMlaCacheTests
{
    private const uint F32 = 0, Q8 = 8, Q4K = 12, Q6K = 14;

    private static long Bytes(uint type, long rowLength, long rows) => type switch
    {
        F32 => rowLength * rows * 4,
        Q8 => rowLength / 32 * 34 * rows,
        Q4K => rowLength / 256 * 144 * rows,
        Q6K => rowLength / 256 * 210 * rows,
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>
    /// Two deepseek2 blocks of width 256: two heads with 64 + 32 wide keys and 64 wide values, a 128-wide latent. A file for
    /// llama.cpp's MLA path has split k_b/v_b projections and the _mla head sizes; an older one has kv_b and per-head sizes.
    /// </summary>
    private static GgufFile TinyDeepSeek(bool mlaPath)
    {
        const string a = "deepseek2";
        var file = new GgufTestFile()
            .Text("general.architecture", a).Text("general.name", "tiny-mla").UInt32("general.file_type", 15)
            .UInt32(a + ".block_count", 2).UInt32(a + ".embedding_length", 256).UInt32(a + ".feed_forward_length", 512)
            .UInt32(a + ".attention.head_count", 2).UInt32(a + ".attention.head_count_kv", mlaPath ? 1u : 2u)
            .UInt32(a + ".context_length", 8192).UInt32(a + ".attention.kv_lora_rank", 128).UInt32(a + ".rope.dimension_count", 32)
            .UInt32(a + ".attention.key_length", mlaPath ? 160u : 96u).UInt32(a + ".attention.value_length", mlaPath ? 128u : 64u)
            .Float(a + ".rope.freq_base", 10000f).Strings("tokenizer.ggml.tokens", 64);
        if (mlaPath)
        {
            file.UInt32(a + ".attention.key_length_mla", 96).UInt32(a + ".attention.value_length_mla", 64);
        }

        void Add(string name, uint type, long rowLength, long rows) =>
            file.Tensor(name, type, Bytes(type, rowLength, rows), rows == 1 ? new[] { rowLength } : new[] { rowLength, rows });
        Add("token_embd.weight", Q4K, 256, 64);
        Add("output_norm.weight", F32, 256, 1);
        Add("output.weight", Q6K, 256, 64);
        for (var i = 0; i < 2; i++)
        {
            var b = $"blk.{i}.";
            Add(b + "attn_norm.weight", F32, 256, 1);
            Add(b + "attn_q.weight", Q4K, 256, 2 * 96);
            Add(b + "attn_kv_a_mqa.weight", Q4K, 256, 128 + 32);
            Add(b + "attn_kv_a_norm.weight", F32, 128, 1);
            if (mlaPath)
            {
                Add(b + "attn_k_b.weight", Q8, 64, 2 * 128);
                Add(b + "attn_v_b.weight", Q8, 128, 2 * 64);
            }
            else
            {
                Add(b + "attn_kv_b.weight", Q8, 128, 2 * (64 + 64));
            }

            Add(b + "attn_output.weight", Q8, 128, 256);
            Add(b + "ffn_norm.weight", F32, 256, 1);
            Add(b + "ffn_gate.weight", Q4K, 256, 512);
            Add(b + "ffn_up.weight", Q4K, 256, 512);
            Add(b + "ffn_down.weight", Q6K, 512, 256);
        }

        return GgufFile.Read(new MemoryStream(file.ToBytes()), mlaPath ? "tiny-mla.gguf" : "tiny-old.gguf");
    }

    private static SizingRequest Request(GgufFile file, string engine = "llama.cpp", KvCacheType kv = KvCacheType.Auto, string? gpu = null) =>
        new(file.ToModelSpec()) { GgufFile = file, Engine = engine, KvCacheType = kv, ContextLength = 4096, Gpu = gpu is null ? null : DeepSeekCatalog.Builtin.FindGpu(gpu) };

    [Fact]
    public void A_file_for_the_mla_path_caches_the_latent_under_either_gguf_engine()
    {
        var file = TinyDeepSeek(mlaPath: true);

        // 2 layers x (128 latent + 32 rope) x 2 bytes.
        Assert.Equal(2L * 160 * 2, SizingEngine.Estimate(Request(file)).KvCacheBytesPerToken);
        Assert.Equal(2L * 160 * 2, SizingEngine.Estimate(Request(file, "Ollama")).KvCacheBytesPerToken);
    }

    [Fact]
    public void An_older_conversion_runs_on_decompressed_heads_without_flash_attention()
    {
        var file = TinyDeepSeek(mlaPath: false);
        var estimate = SizingEngine.Estimate(Request(file, gpu: "RTX-4090"));

        // 2 layers x 2 heads x (96-wide keys + 64-wide values) x 2 bytes.
        Assert.Equal(2L * 2 * 160 * 2, estimate.KvCacheBytesPerToken);
        Assert.Contains(estimate.Assumptions, a => a.Contains("tiny-old.gguf has no key_length_mla", StringComparison.Ordinal));
        // Keys and values of different widths have no flash-attention kernel: one layer's scores, 2 heads x 4,096 x 512 x 4 bytes.
        Assert.Equal(2L * 4096 * 512 * 4, estimate.ActivationBytes);
        Assert.Contains(estimate.Assumptions, a => a.StartsWith("Attention: llama.cpp runs without flash attention here", StringComparison.Ordinal));
        Assert.DoesNotContain(SizingEngine.Estimate(Request(TinyDeepSeek(mlaPath: true), gpu: "RTX-4090")).Assumptions, a => a.Contains("without flash attention", StringComparison.Ordinal));
    }

    [Fact]
    public void An_older_conversion_has_no_8_bit_cache()
    {
        var error = Assert.Throws<SizingException>(() => SizingEngine.Estimate(Request(TinyDeepSeek(mlaPath: false), kv: KvCacheType.FP8)));

        Assert.Equal(SizingErrorIds.PrecisionNotSupported, error.ErrorId);
        Assert.Contains("tiny-old.gguf was converted before llama.cpp's MLA path", error.Message, StringComparison.Ordinal);
        // A file for the MLA path keeps the latent in q8_0: 2 layers x 160 values in blocks of 32 at 34 bytes.
        Assert.Equal(2L * (160 / 32) * 34, SizingEngine.Estimate(Request(TinyDeepSeek(mlaPath: true), kv: KvCacheType.FP8)).KvCacheBytesPerToken);
    }
}
