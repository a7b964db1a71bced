using DeepSeekHw.Catalog;
using DeepSeekHw.Sizing;

namespace DeepSeekHw.Core.Tests.Sizing;

/// <summary>-PromptLength sizes the prefill of the prompt; Transformers' eager decode is bounded by host time.</summary>
public sealed class PromptAndHostTimeTests
{
    [Fact]
    public void A_longer_prompt_in_the_same_context_raises_only_the_prefill_peak_and_the_time_to_first_token()
    {
        SizingEstimate Size(int prompt) => SizingEngine.Estimate(new SizingRequest(DeepSeekCatalog.Builtin.FindModel("DeepSeek-R1-Distill-Qwen-7B")!)
        {
            Precision = WeightPrecision.BF16, Engine = "Transformers", Gpu = DeepSeekCatalog.Builtin.FindGpu("A100-SXM4-80GB"), ContextLength = 8192, PromptLength = prompt,
        });

        var (shortPrompt, longPrompt) = (Size(1024), Size(6144));

        Assert.Equal(shortPrompt.KvCacheBytes, longPrompt.KvCacheBytes);
        Assert.Equal(shortPrompt.WeightBytes, longPrompt.WeightBytes);
        Assert.Equal(shortPrompt.DecodeTokensPerSecond, longPrompt.DecodeTokensPerSecond);
        Assert.True(longPrompt.ActivationBytes > 5 * shortPrompt.ActivationBytes / 2, "the prefill activations follow the prompt");
        Assert.True(longPrompt.TimeToFirstTokenSeconds > 5 * shortPrompt.TimeToFirstTokenSeconds, "time to first token follows the prompt");
        Assert.Equal(6144, longPrompt.PromptLength);
        Assert.Equal(8192, Size(8192).PromptLength);
    }

    [Fact]
    public void Transformers_decode_is_the_longer_of_gpu_and_host_time_and_warns_for_moe()
    {
        SizingEstimate Size(string model, int concurrency, int context = 2048) => SizingEngine.Estimate(new SizingRequest(DeepSeekCatalog.Builtin.FindModel(model)!)
        {
            Engine = "Transformers", Gpu = DeepSeekCatalog.Builtin.FindGpu("A100-SXM4-80GB"), ContextLength = context, PromptLength = 128, Concurrency = concurrency,
        });

        // 28 layers x 870 us of host time bound a batch-1 step of the 7B (24.4 ms); 64 sequences of 8k read 30 GB of KV
        // cache besides the 15 GB of weights, which takes the GPU longer than the host needs.
        var single = Size("DeepSeek-R1-Distill-Qwen-7B", 1);
        var batched = Size("DeepSeek-R1-Distill-Qwen-7B", 64, 8192);
        Assert.Equal(0.02436, single.TimePerOutputTokenSeconds!.Value, 5);
        Assert.True(batched.TimePerOutputTokenSeconds > single.TimePerOutputTokenSeconds);
        Assert.True(batched.DecodeTokensPerSecond > 20 * single.DecodeTokensPerSecond);
        Assert.DoesNotContain(single.Assumptions, a => a.StartsWith("Unmodelled", StringComparison.Ordinal));
        Assert.Contains(Size("DeepSeek-V2-Lite", 1).Assumptions, a => a.StartsWith("Unmodelled and slower: Transformers runs the 64 routed experts", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(8193)]
    public void A_prompt_outside_the_context_is_refused(int prompt)
    {
        var ex = Assert.Throws<SizingException>(() => SizingEngine.Estimate(new SizingRequest(DeepSeekCatalog.Builtin.FindModel("DeepSeek-R1-Distill-Qwen-7B")!)
        {
            ContextLength = 8192, PromptLength = prompt,
        }));
        Assert.Equal(SizingErrorIds.InvalidPromptLength, ex.ErrorId);
    }
    [Theory]
    [InlineData("T4", SizingWorkload.Inference)]
    [InlineData("V100-SXM2-32GB", SizingWorkload.LoRA)]
    public void FlashAttention2_before_ampere_is_refused_with_the_alternative(string gpu, SizingWorkload workload)
    {
        var ex = Assert.Throws<SizingException>(() => SizingEngine.Estimate(new SizingRequest(DeepSeekCatalog.Builtin.FindModel("DeepSeek-R1-Distill-Qwen-1.5B")!)
        {
            Engine = workload == SizingWorkload.Inference ? "Transformers" : null, Workload = workload, Gpu = DeepSeekCatalog.Builtin.FindGpu(gpu),
            AttentionImplementation = AttentionImplementation.FlashAttention2, ContextLength = 2048,
        }));

        Assert.Equal(SizingErrorIds.AttentionImplementationNotSupported, ex.ErrorId);
        Assert.Contains("-AttentionImplementation Sdpa", ex.Message, StringComparison.Ordinal);
        Assert.NotNull(SizingEngine.Estimate(new SizingRequest(DeepSeekCatalog.Builtin.FindModel("DeepSeek-R1-Distill-Qwen-1.5B")!)
        {
            Engine = "Transformers", Gpu = DeepSeekCatalog.Builtin.FindGpu("A100-SXM4-80GB"), AttentionImplementation = AttentionImplementation.FlashAttention2, ContextLength = 2048,
        }));
    }
}
