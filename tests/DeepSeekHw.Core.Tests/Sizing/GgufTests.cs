using System.IO;
using DeepSeekHw.Catalog;
using DeepSeekHw.Sizing;
using DeepSeekHw.Sizing.Gguf;

namespace DeepSeekHw.Core.Tests.Sizing;

public sealed class GgufTests
{
    private static readonly DeepSeekCatalog Catalog = DeepSeekCatalog.Builtin;

    private const uint F32 = 0, Q4K = 12, Q6K = 14;

    private static long Bytes(uint type, long rowLength, long rows) => type switch
    {
        F32 => rowLength * rows * 4,
        Q4K => rowLength / 256 * 144 * rows,
        Q6K => rowLength / 256 * 210 * rows,
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>A two-block qwen2-shaped model (width 256, 2 heads of 128, 1 KV head, FFN 512, vocab 64) as a Q4_K_M file.</summary>
    internal static GgufTestFile TinyQwen(bool withOutput = true, string arch = "qwen2")
    {
        var file = new GgufTestFile()
            .Text("general.architecture", arch).Text("general.name", "tiny\u0007model").UInt32("general.file_type", 15)
            .UInt32(arch + ".block_count", 2).UInt32(arch + ".embedding_length", 256).UInt32(arch + ".feed_forward_length", 512)
            .UInt32(arch + ".attention.head_count", 2).UInt32(arch + ".attention.head_count_kv", 1).UInt32(arch + ".context_length", 4096)
            .Float(arch + ".rope.freq_base", 10000f).Strings("tokenizer.ggml.tokens", 64);
        void Add(string name, uint type, long rowLength, long rows) =>
            file.Tensor(name, type, Bytes(type, rowLength, rows), rows == 1 ? new[] { rowLength } : new[] { rowLength, rows });
        Add("token_embd.weight", Q4K, 256, 64);
        Add("output_norm.weight", F32, 256, 1);
        if (withOutput)
        {
            Add("output.weight", Q6K, 256, 64);
        }

        for (var i = 0; i < 2; i++)
        {
            var b = $"blk.{i}.";
            Add(b + "attn_norm.weight", F32, 256, 1);
            Add(b + "attn_q.weight", Q4K, 256, 256);
            Add(b + "attn_k.weight", Q4K, 256, 128);
            Add(b + "attn_v.weight", Q6K, 256, 128);
            Add(b + "attn_output.weight", Q4K, 256, 256);
            Add(b + "ffn_norm.weight", F32, 256, 1);
            Add(b + "ffn_gate.weight", Q4K, 256, 512);
            Add(b + "ffn_up.weight", Q4K, 256, 512);
            Add(b + "ffn_down.weight", Q6K, 512, 256);
        }

        return file;
    }

    private static GgufFile Read(byte[] bytes, string name = "tiny.gguf") => GgufFile.Read(new MemoryStream(bytes), name);

    [Fact]
    public void A_file_header_gives_the_tensor_bytes_to_the_byte_and_the_architecture()
    {
        var written = TinyQwen();
        var file = Read(written.ToBytes());

        Assert.Equal(written.DataBytes, file.TensorBytes);
        Assert.Equal("qwen2", file.Architecture);
        Assert.Equal("Q4_K_M", file.FileType);
        Assert.Equal("tiny?model", file.Name); // control characters from the file never reach a person
        Assert.Equal(new[] { "Q4_K", "Q6_K", "F32" }, file.BytesByType.Keys.ToArray());

        var model = file.ToModelSpec();
        Assert.Equal((256, 2, 2, 1, 128, 512, 64, false), (model.HiddenSize, model.NumLayers, model.NumAttentionHeads, model.NumKeyValueHeads, model.HeadDim, model.IntermediateSize, model.VocabSize, model.TieWordEmbeddings));

        var estimate = SizingEngine.Estimate(new SizingRequest(model) { GgufFile = file, ContextLength = 1024 });
        Assert.Equal(written.DataBytes, estimate.WeightBytes);
        Assert.Equal("llama.cpp", estimate.Engine);
        Assert.Equal("Q4_K_M", estimate.Precision);
        Assert.Contains(estimate.Assumptions, a => a.Contains("read from the header of tiny.gguf", StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_without_an_output_tensor_has_tied_embeddings()
    {
        Assert.True(Read(TinyQwen(withOutput: false).ToBytes()).ToModelSpec().TieWordEmbeddings);
    }

    [Fact]
    public void A_file_for_another_model_than_the_one_named_is_refused()
    {
        var file = Read(TinyQwen().ToBytes());
        var ex = Assert.Throws<SizingException>(() => SizingEngine.Estimate(new SizingRequest(Catalog.FindModel("DeepSeek-R1-Distill-Qwen-7B")!) { GgufFile = file }));
        Assert.Equal(SizingErrorIds.GgufModelMismatch, ex.ErrorId);
    }

    [Fact]
    public void A_gguf_file_is_not_sized_for_an_engine_that_cannot_load_it()
    {
        var file = Read(TinyQwen().ToBytes());
        var ex = Assert.Throws<SizingException>(() => SizingEngine.Estimate(new SizingRequest(file.ToModelSpec()) { GgufFile = file, Engine = "vLLM" }));
        Assert.Equal(SizingErrorIds.PrecisionNotSupported, ex.ErrorId);
    }

    [Fact]
    public void Every_truncation_of_a_file_is_one_clear_error()
    {
        var bytes = TinyQwen().ToBytes();
        var headerEnd = bytes.Length - (int)TinyQwen().DataBytes - 64;
        for (var length = 0; length < headerEnd; length += length < 64 ? 1 : 7)
        {
            var ex = Assert.Throws<SizingException>(() => Read(bytes.Take(length).ToArray()));
            Assert.Equal(SizingErrorIds.InvalidGgufFile, ex.ErrorId);
        }
    }

    [Theory]
    [InlineData("magic")]
    [InlineData("version1")]
    [InlineData("tensorCount")]
    [InlineData("unknownType")]
    [InlineData("nestedArray")]
    [InlineData("fiveDimensions")]
    [InlineData("partialBlock")]
    [InlineData("valueType")]
    public void Hostile_headers_are_refused_before_anything_is_allocated(string attack)
    {
        byte[] bytes = attack switch
        {
            "magic" => Patch(TinyQwen().ToBytes(), 0, 0x47, 0x47, 0x55, 0x00),
            "version1" => TinyQwen().ToBytes(version: 1),
            "tensorCount" => Patch(TinyQwen().ToBytes(), 8, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F),
            "unknownType" => new GgufTestFile().Text("general.architecture", "qwen2").Tensor("x.weight", 77, 32, 32).ToBytes(),
            "nestedArray" => new GgufTestFile().Raw("a", 9, w => { w.Write(9u); w.Write(1L); w.Write(8u); w.Write(0L); }).ToBytes(),
            "fiveDimensions" => new GgufTestFile().Tensor("x.weight", 0, 4, 1, 1, 1, 1, 1).ToBytes(),
            "partialBlock" => new GgufTestFile().Tensor("x.weight", Q4K, 144, 100, 1).ToBytes(),
            _ => new GgufTestFile().Raw("a", 99, _ => { }).ToBytes(),
        };

        var ex = Assert.Throws<SizingException>(() => Read(bytes));
        Assert.Equal(SizingErrorIds.InvalidGgufFile, ex.ErrorId);
    }

    [Fact]
    public void Random_byte_damage_to_a_header_is_read_or_refused_never_thrown()
    {
        var original = TinyQwen().ToBytes();
        var headerEnd = original.Length - (int)TinyQwen().DataBytes - 64;
        var random = new Random(16);
        for (var n = 0; n < 3000; n++)
        {
            var bytes = (byte[])original.Clone();
            for (var k = random.Next(1, 4); k > 0; k--)
            {
                bytes[random.Next(headerEnd)] = (byte)random.Next(256);
            }

            try
            {
                var file = Read(bytes);
                Assert.True(file.TensorBytes >= 0);
                Assert.DoesNotContain(file.Name + file.Architecture + file.FileType, c => char.IsControl(c));
                SizingEngine.Estimate(new SizingRequest(file.ToModelSpec()) { GgufFile = file, ContextLength = 256 });
            }
            catch (SizingException)
            {
                // refused as invalid (or unsizable): the documented outcome
            }
        }
    }

    [Fact]
    public void A_split_file_is_read_part_by_part_and_a_missing_part_is_named()
    {
        var folder = Directory.CreateTempSubdirectory("gguf-split").FullName;
        try
        {
            var whole = TinyQwen();
            var second = new GgufTestFile().Tensor("blk.9.extra.weight", Q4K, 144 * 8, 256, 8);
            File.WriteAllBytes(Path.Combine(folder, "tiny-00001-of-00002.gguf"), whole.ToBytes());
            File.WriteAllBytes(Path.Combine(folder, "tiny-00002-of-00002.gguf"), second.ToBytes());

            var file = GgufFile.Read(Path.Combine(folder, "tiny-00001-of-00002.gguf"));
            Assert.Equal(2, file.Parts);
            Assert.Equal(whole.DataBytes + second.DataBytes, file.TensorBytes);

            File.Delete(Path.Combine(folder, "tiny-00002-of-00002.gguf"));
            var ex = Assert.Throws<SizingException>(() => GgufFile.Read(Path.Combine(folder, "tiny-00001-of-00002.gguf")));
            Assert.Contains("tiny-00002-of-00002.gguf is missing", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Experts_whose_width_is_not_a_whole_k_block_fall_back_as_llama_quantize_does()
    {
        // DeepSeek-Coder-V2-Lite's experts are 1,408 wide: not a multiple of 256, so Q4_K becomes Q5_0 and Q6_K (the
        // use_more_bits layers of a Q4_K_M file) becomes Q8_0.
        var lite = Catalog.FindModel("DeepSeek-Coder-V2-Lite")!;
        var q4 = GgufQuantizer.Quantize(lite, LlamaFileType.Q4_K_M);
        var n = lite.NumLayers;
        Assert.All(q4.Where(t => t.Name.EndsWith("ffn_down_exps.weight", StringComparison.Ordinal)),
            t => Assert.Equal(t.Layer < n / 8 || t.Layer >= 7 * n / 8 || (t.Layer - n / 8) % 3 == 2 ? GgmlType.Q8_0 : GgmlType.Q5_0, t.Type));
        Assert.All(GgufQuantizer.Quantize(lite, LlamaFileType.Q6_K).Where(t => t.Name.EndsWith("ffn_down_exps.weight", StringComparison.Ordinal)), t => Assert.Equal(GgmlType.Q8_0, t.Type));
        Assert.All(q4.Where(t => t.Name.EndsWith("ffn_up_exps.weight", StringComparison.Ordinal)), t => Assert.Equal(GgmlType.Q4_K, t.Type));
        Assert.Equal(GgmlType.F32, q4.Single(t => t.Name == "blk.5.ffn_gate_inp.weight").Type);
    }

    [Fact]
    public void Q4_K_M_gives_the_output_Q6_K_and_the_use_more_bits_layers_of_attention_V_and_FFN_down_Q6_K()
    {
        var model = Catalog.FindModel("DeepSeek-R1-Distill-Qwen-7B")!; // 28 layers
        var tensors = GgufQuantizer.Quantize(model, LlamaFileType.Q4_K_M);
        var moreBits = Enumerable.Range(0, 28).Where(i => i < 3 || i >= 24 || (i - 3) % 3 == 2).ToList();

        Assert.Equal(GgmlType.Q6_K, tensors.Single(t => t.Name == "output.weight").Type);
        Assert.Equal(GgmlType.Q4_K, tensors.Single(t => t.Name == "token_embd.weight").Type);
        Assert.Equal(moreBits.Count, tensors.Count(t => t.Name.EndsWith("attn_v.weight", StringComparison.Ordinal) && t.Type == GgmlType.Q6_K));
        Assert.Equal(moreBits, tensors.Where(t => t.Name.EndsWith("ffn_down.weight", StringComparison.Ordinal) && t.Type == GgmlType.Q6_K).Select(t => t.Layer));
        Assert.All(tensors.Where(t => t.Name.EndsWith("_norm.weight", StringComparison.Ordinal) || t.Name.EndsWith(".bias", StringComparison.Ordinal)), t => Assert.Equal(GgmlType.F32, t.Type));
    }

    [Fact]
    public void Every_gguf_type_orders_by_its_bits()
    {
        var model = Catalog.FindModel("DeepSeek-R1-Distill-Qwen-32B")!;
        var order = new[]
        {
            WeightPrecision.Q8_0, WeightPrecision.Q6_K, WeightPrecision.Q5_K_M, WeightPrecision.Q5_K_S, WeightPrecision.Q4_1, WeightPrecision.Q4_K_M,
            WeightPrecision.Q4_K_S, WeightPrecision.IQ4_XS, WeightPrecision.Q3_K_L, WeightPrecision.Q3_K_M, WeightPrecision.Q3_K_S, WeightPrecision.IQ3_XXS,
            WeightPrecision.IQ2_M, WeightPrecision.IQ2_XXS, WeightPrecision.IQ1_M, WeightPrecision.IQ1_S,
        };
        var sizes = order.Select(p => SizingEngine.Estimate(new SizingRequest(model) { Precision = p, ContextLength = 512 }).WeightBytes).ToList();
        Assert.Equal(sizes.OrderByDescending(s => s), sizes);
        Assert.All(new[] { WeightPrecision.Q5_0, WeightPrecision.Q4_0, WeightPrecision.IQ4_NL, WeightPrecision.Q2_K },
            p => Assert.InRange(SizingEngine.Estimate(new SizingRequest(model) { Precision = p, ContextLength = 512 }).WeightBytes, sizes[^1], sizes[0]));
    }

    [Fact]
    public void Sixteen_bit_weights_under_llama_cpp_are_an_f16_gguf_with_f32_norms_and_biases()
    {
        var model = Catalog.FindModel("DeepSeek-R1-Distill-Qwen-7B")!; // 28 layers of width 3,584, q/k/v biases of 3,584 + 512 + 512
        long Size(string engine) => SizingEngine.Estimate(new SizingRequest(model) { Precision = WeightPrecision.BF16, Engine = engine, ContextLength = 512 }).WeightBytes;

        var f32Extra = ((28L * 2 * 3584) + 3584 + (28L * (3584 + 512 + 512))) * 2; // norms and biases at 4 bytes instead of 2
        Assert.Equal(Size("vLLM") + f32Extra, Size("llama.cpp"));
    }

    private static byte[] Patch(byte[] bytes, int at, params byte[] with)
    {
        with.CopyTo(bytes, at);
        return bytes;
    }
}
