using DeepSeekHw.Catalog;
using DeepSeekHw.Sizing;

namespace DeepSeekHw.Core.Tests.Sizing;

/// <summary>
/// Under a steady load each finished request is replaced, and with continuous batching the newcomer's prompt is prefilled
/// while the others decode: the time per output token carries the other sequences' prompts spread over one output.
/// </summary>
public sealed class ArrivingPromptTests
{
    private static SizingEstimate Size(string engine, int concurrency, int context, int? prompt, string model = "DeepSeek-R1-Distill-Llama-8B") =>
        SizingEngine.Estimate(new SizingRequest(DeepSeekCatalog.Builtin.FindModel(model)!)
        {
            Precision = WeightPrecision.BF16,
            Engine = engine,
            Gpu = DeepSeekCatalog.Builtin.FindGpu("H100-SXM"),
            GpuCount = 1,
            ContextLength = context,
            PromptLength = prompt,
            Concurrency = concurrency,
        });

    // Seconds a step would spend on the arriving prompts if nothing overlapped: (N - 1) prompts per output, at the prefill rate.
    private static double PromptSecondsPerStep(SizingEstimate e, int concurrency, int context, int prompt) =>
        (concurrency - 1) * (double)prompt / (context - prompt) / e.PrefillTokensPerSecond!.Value;

    [Fact]
    public void Without_a_prompt_length_sequences_decode_alone_and_the_estimate_says_so()
    {
        var alone = Size("vLLM", 64, 1152, null);
        var whole = Size("vLLM", 64, 1152, 1152);

        Assert.Equal(alone.TimePerOutputTokenSeconds, whole.TimePerOutputTokenSeconds);
        Assert.Contains(alone.Assumptions, a => a.StartsWith("Decode alone:", StringComparison.Ordinal));
        Assert.DoesNotContain(alone.Assumptions, a => a.StartsWith("Serving under load:", StringComparison.Ordinal));
    }

    [Fact]
    public void One_sequence_waits_for_no_other_prompt()
    {
        Assert.Equal(Size("vLLM", 1, 1152, null).TimePerOutputTokenSeconds, Size("vLLM", 1, 1152, 1024).TimePerOutputTokenSeconds);
        Assert.Equal(Size("SGLang", 1, 1152, null).TimePerOutputTokenSeconds, Size("SGLang", 1, 1152, 1024).TimePerOutputTokenSeconds);
    }

    [Fact]
    public void A_fixed_batch_takes_no_newcomers()
    {
        Assert.Equal(Size("Transformers", 16, 1152, null).TimePerOutputTokenSeconds, Size("Transformers", 16, 1152, 1024).TimePerOutputTokenSeconds);
    }

    [Fact]
    public void Long_prompts_with_short_outputs_slow_every_step()
    {
        var decodeAlone = Size("vLLM", 64, 1152, null);
        var chat = Size("vLLM", 64, 1152, 1024);      // 1,024 in, 128 out: eight prompt tokens per output token
        var writer = Size("vLLM", 64, 1152, 128);     // 128 in, 1,024 out

        Assert.True(chat.TimePerOutputTokenSeconds > writer.TimePerOutputTokenSeconds);
        Assert.True(writer.TimePerOutputTokenSeconds >= decodeAlone.TimePerOutputTokenSeconds);
        Assert.True(chat.DecodeTokensPerSecond < decodeAlone.DecodeTokensPerSecond);
        Assert.Contains(chat.Assumptions, a => a.StartsWith("Serving under load:", StringComparison.Ordinal) && a.Contains("63 prompts of 1,024 tokens", StringComparison.Ordinal));
    }

    [Fact]
    public void Prompts_inside_a_decode_step_cost_at_most_their_compute_and_hide_at_most_the_step()
    {
        var decodeAlone = Size("vLLM", 64, 1152, null);
        var chat = Size("vLLM", 64, 1152, 1024);
        var extra = chat.TimePerOutputTokenSeconds!.Value - decodeAlone.TimePerOutputTokenSeconds!.Value;
        var prompts = PromptSecondsPerStep(chat, 64, 1152, 1024);

        // vLLM runs the chunk in the step: its compute can hide under the step's weight reads, never more than the step.
        Assert.InRange(extra, prompts - decodeAlone.TimePerOutputTokenSeconds!.Value, prompts * 1.001);
        Assert.True(extra > prompts / 2, "an 8B at 64 sequences is compute-light: most of the prompts' compute shows");
    }

    [Fact]
    public void Prompts_run_as_their_own_batch_cost_their_whole_prefill()
    {
        var decodeAlone = Size("SGLang", 64, 1152, null);
        var chat = Size("SGLang", 64, 1152, 1024);
        var extra = chat.TimePerOutputTokenSeconds!.Value - decodeAlone.TimePerOutputTokenSeconds!.Value;
        var prompts = PromptSecondsPerStep(chat, 64, 1152, 1024);

        // SGLang's prefill batch holds the decoding sequences for the whole prompt: at least its compute, plus the step floor.
        Assert.True(extra >= prompts * 0.999, $"extra {extra} s against {prompts} s of prompt compute");
        Assert.True(extra < prompts * 2);
    }
}
