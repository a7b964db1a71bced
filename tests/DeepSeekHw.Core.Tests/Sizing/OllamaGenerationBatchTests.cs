using DeepSeekHw.Catalog;
using DeepSeekHw.Sizing;

namespace DeepSeekHw.Core.Tests.Sizing;

/// <summary>
/// Ollama passes llama-server -b/-ub by the context it serves: 512 up to 4,096 tokens, 1,024 past it and 2,048 past
/// 32,768 while the model leaves room (server/sched.go automaticGenerationBatch), 256 on small GPUs without flash
/// attention. The compute buffer holds the logits of a whole ubatch, so it grows with it.
/// </summary>
public sealed class OllamaGenerationBatchTests
{
    private const long QwenLogitsPerToken = (152_064 + 3_584) * 4L;

    private static SizingEstimate Size(string model, string gpu, int? gpus, int context, string engine = "Ollama") =>
        SizingEngine.Estimate(new SizingRequest(DeepSeekCatalog.Builtin.FindModel(model)!)
        {
            Precision = WeightPrecision.Q4_K_M, Engine = engine, Gpu = DeepSeekCatalog.Builtin.FindGpu(gpu), GpuCount = gpus, ContextLength = context,
        });

    [Theory]
    [InlineData(4096, 512)]
    [InlineData(8192, 1024)]
    [InlineData(65536, 2048)]
    public void The_ubatch_follows_the_served_context(int context, int ubatch)
    {
        var estimate = Size("DeepSeek-R1-Distill-Qwen-7B", "H100-SXM", 1, context);

        Assert.Equal(ubatch * QwenLogitsPerToken, estimate.ActivationBytes);
        Assert.Equal(ubatch != 512, estimate.Assumptions.Any(a => a.StartsWith("Batch: Ollama runs llama-server with -b/-ub " + ubatch.ToString(CultureInfo.InvariantCulture) + " (not 512)", StringComparison.Ordinal)));
    }

    [Fact]
    public void Without_room_or_a_known_machine_or_under_llama_cpp_the_ubatch_stays_512()
    {
        // A 32B Q4_K_M with 8k of cache takes more than 80% of one 4090: no larger batch.
        Assert.DoesNotContain(Size("DeepSeek-R1-Distill-Qwen-32B", "RTX-4090", 1, 8192).Assumptions, a => a.StartsWith("Batch: ", StringComparison.Ordinal));
        Assert.Equal(512 * QwenLogitsPerToken, Size("DeepSeek-R1-Distill-Qwen-7B", "H100-SXM", null, 65536).ActivationBytes);
        Assert.Equal(512 * QwenLogitsPerToken, Size("DeepSeek-R1-Distill-Qwen-7B", "H100-SXM", 1, 65536, "llama.cpp").ActivationBytes);
    }

    [Fact]
    public void Small_gpus_without_flash_attention_take_256_tokens_a_step()
    {
        // A Quadro M4000 (8 GB, compute capability 5.2): Ollama turns flash attention off and shrinks the batch past 4,096.
        var estimate = Size("DeepSeek-R1-Distill-Qwen-1.5B", "Quadro-M4000", 1, 8192);

        Assert.Contains(estimate.Assumptions, a => a.StartsWith("Batch: Ollama runs llama-server with -b/-ub 256 (not 512)", StringComparison.Ordinal)
                                                   && a.Contains("without flash attention on a small GPU", StringComparison.Ordinal));
    }

    [Fact]
    public void The_rule_lowers_the_batch_as_the_load_takes_more_of_the_memory()
    {
        var rule = EngineProfile.Find("Ollama")!.GenerationBatch!;
        const double gib = 1L << 30;

        Assert.Equal(2048, rule.TokensFor(65536, 10 * gib, 80 * gib, false, 80L << 30, 512));
        Assert.Equal(1024, rule.TokensFor(65536, 55 * gib, 80 * gib, false, 80L << 30, 512)); // over 60%, under 75%
        Assert.Equal(512, rule.TokensFor(65536, 61 * gib, 80 * gib, false, 80L << 30, 512)); // over 75%
        Assert.Equal(1024, rule.TokensFor(65536, 4.6 * gib, 8 * gib, false, 8L << 30, 512)); // under 60%, but 2,048 leaves no 2 GiB under 80%
        Assert.Equal(512, rule.TokensFor(4096, 1 * gib, 80 * gib, false, 80L << 30, 512));
        Assert.Equal(256, rule.TokensFor(8192, 1 * gib, 8 * gib, true, 8L << 30, 512));
        Assert.Equal(512, rule.TokensFor(8192, 1 * gib, 24 * gib, true, 24L << 30, 512));
    }
}
