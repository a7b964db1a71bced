using System.Text.Json;
using DeepSeekHw.Catalog;
using DeepSeekHw.Core.Tests.Launch;
using DeepSeekHw.Launch;
using DeepSeekHw.Sizing;

namespace DeepSeekHw.Core.Tests.Sizing;

public sealed class MultiTokenPredictionTests
{
    private static readonly DeepSeekCatalog Catalog = DeepSeekCatalog.Builtin;

    private static SizingEstimate Size(bool mtp, string model = "DeepSeek-R1-0528", string engine = "SGLang", int concurrency = 1, int drafts = 1) =>
        SizingEngine.Estimate(new SizingRequest(Catalog.FindModel(model)!)
        {
            Gpu = Catalog.FindGpu("H200-SXM"),
            GpuCount = 8,
            Engine = engine,
            ContextLength = 4096,
            Concurrency = concurrency,
            MultiTokenPrediction = mtp,
            SpeculativeTokens = drafts,
        });

    [Fact]
    public void The_mtp_layer_is_loaded_and_cached()
    {
        var plain = Size(false);
        var mtp = Size(true);
        var m = Catalog.FindModel("DeepSeek-R1-0528")!;

        // The MTP layer is one more MoE decoder layer (~11.5B parameters in FP8 with block scales).
        Assert.InRange(mtp.WeightBytes - plain.WeightBytes, 11_000_000_000L, 12_500_000_000L);
        Assert.Equal(plain.KvCacheBytesPerToken * (m.NumLayers + m.MtpLayers) / m.NumLayers, mtp.KvCacheBytesPerToken);
        Assert.True(mtp.MultiTokenPrediction);
    }

    [Fact]
    public void A_drafted_token_speeds_decode_by_at_most_its_acceptance()
    {
        var gainAt1 = Size(true).DecodeTokensPerSecond!.Value / Size(false).DecodeTokensPerSecond!.Value;
        var gainAt8 = Size(true, concurrency: 8).DecodeTokensPerSecond!.Value / Size(false, concurrency: 8).DecodeTokensPerSecond!.Value;

        Assert.InRange(gainAt1, 1.6, 1.85); // DeepSeek-V3 report: 1.8x TPS with 85-90% acceptance
        Assert.InRange(gainAt8, 1.2, gainAt1); // the verified token touches more experts once several sequences share a step
        Assert.InRange(Size(true).TimePerOutputTokenSeconds!.Value * Size(true).DecodeTokensPerSecondPerSequence!.Value, 0.99, 1.01);
    }

    [Fact]
    public void Chained_drafts_yield_the_measured_accept_length_and_cost_a_pass_each()
    {
        // SGLang's DeepSeek-V3 run at three EAGLE steps accepted 2.61 tokens a step; one draft yields 1.85.
        Assert.Equal(1.85, InferenceSizing.MtpTokensPerStep(1), 3);
        Assert.Equal(2.61, InferenceSizing.MtpTokensPerStep(3), 2);
        Assert.Equal(1.0, InferenceSizing.MtpTokensPerStep(0), 3);

        var one = Size(true);
        var three = Size(true, drafts: 3);
        Assert.Equal(3, three.SpeculativeTokens);
        Assert.Null(Size(false).SpeculativeTokens);
        Assert.Equal(one.KvCacheBytesPerToken, three.KvCacheBytesPerToken); // one MTP layer, one cache
        Assert.Equal(one.WeightBytesPerGpu, three.WeightBytesPerGpu);
        Assert.True(three.DecodeTokensPerSecondPerSequence > one.DecodeTokensPerSecondPerSequence, "three drafts outrun one at batch 1");
        Assert.InRange(three.DecodeTokensPerSecondPerSequence!.Value / one.DecodeTokensPerSecondPerSequence!.Value, 1.05, 2.61 / 1.85); // each pass costs time
        Assert.Contains(three.Assumptions, a => a.StartsWith("Multi-token prediction: the MTP layer drafts 3 tokens per sequence", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void Draft_counts_outside_the_measured_range_are_refused(int drafts)
    {
        var ex = Assert.Throws<SizingException>(() => Size(true, drafts: drafts));

        Assert.Equal(SizingErrorIds.MultiTokenPredictionNotSupported, ex.ErrorId);
        Assert.Contains("SpeculativeTokens must be 1 to 3", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DeepSeek-R1-Distill-Qwen-32B", "SGLang")]
    [InlineData("DeepSeek-R1-0528", "llama.cpp")]
    public void Models_without_an_mtp_layer_and_engines_that_cannot_draft_are_refused(string model, string engine)
    {
        var ex = Assert.Throws<SizingException>(() => SizingEngine.Estimate(new SizingRequest(Catalog.FindModel(model)!)
        {
            Engine = engine,
            Precision = engine == "llama.cpp" ? WeightPrecision.Q4_K_M : WeightPrecision.Native,
            MultiTokenPrediction = true,
        }));
        Assert.Equal(SizingErrorIds.MultiTokenPredictionNotSupported, ex.ErrorId);
    }

    [Fact]
    public void Vllm_and_sglang_launch_the_draft_as_sized()
    {
        var model = Catalog.FindModel("DeepSeek-R1-0528")!;
        var gpu = Catalog.FindGpu("H200-SXM")!;

        var vllm = LaunchPlanner.Plan(model, Size(true, engine: "vLLM"), gpu);
        Assert.Equal(vllm.Arguments, LaunchPlannerTests.ShellWords(vllm.Text));
        var config = vllm.Arguments[vllm.Arguments.ToList().IndexOf("--speculative-config") + 1];
        using (var json = JsonDocument.Parse(config))
        {
            Assert.Equal("deepseek_mtp", json.RootElement.GetProperty("method").GetString());
            Assert.Equal(1, json.RootElement.GetProperty("num_speculative_tokens").GetInt32());
        }

        var sglang = LaunchPlanner.Plan(model, Size(true), gpu);
        Assert.Equal(sglang.Arguments, LaunchPlannerTests.ShellWords(sglang.Text));
        Assert.Contains("--speculative-algorithm EAGLE --speculative-num-steps 1 --speculative-eagle-topk 1 --speculative-num-draft-tokens 2", sglang.Text, StringComparison.Ordinal);
        Assert.Equal(1, sglang.SpeculativeTokens);
        Assert.DoesNotContain("--speculative", LaunchPlanner.Plan(model, Size(false), gpu).Text, StringComparison.Ordinal);

        Assert.DoesNotContain("--cuda-graph-max-bs", sglang.Text, StringComparison.Ordinal);
        var busy = LaunchPlanner.Plan(model, Size(true, concurrency: 64), gpu);
        Assert.Contains("--cuda-graph-max-bs 64", busy.Text, StringComparison.Ordinal); // past SGLang's 48 captured for speculation

        var three = LaunchPlanner.Plan(model, Size(true, drafts: 3), gpu);
        Assert.Contains("--speculative-num-steps 3 --speculative-eagle-topk 1 --speculative-num-draft-tokens 4", three.Text, StringComparison.Ordinal);
        Assert.Equal(3, three.SpeculativeTokens);
        var vllmThree = LaunchPlanner.Plan(model, Size(true, engine: "vLLM", drafts: 3), gpu);
        using (var json = JsonDocument.Parse(vllmThree.Arguments[vllmThree.Arguments.ToList().IndexOf("--speculative-config") + 1]))
        {
            Assert.Equal(3, json.RootElement.GetProperty("num_speculative_tokens").GetInt32());
        }
    }
}
