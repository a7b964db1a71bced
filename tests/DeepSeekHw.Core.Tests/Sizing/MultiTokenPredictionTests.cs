using System.Text.Json;
using DeepSeekHw.Catalog;
using DeepSeekHw.Core.Tests.Launch;
using DeepSeekHw.Launch;
using DeepSeekHw.Sizing;

namespace DeepSeekHw.Core.Tests.Sizing;

public sealed class MultiTokenPredictionTests
{
    private static readonly DeepSeekCatalog Catalog = DeepSeekCatalog.Builtin;

    private static SizingEstimate Size(bool mtp, string model = "DeepSeek-R1-0528", string engine = "SGLang", int concurrency = 1) =>
        SizingEngine.Estimate(new SizingRequest(Catalog.FindModel(model)!)
        {
            Gpu = Catalog.FindGpu("H200-SXM"),
            GpuCount = 8,
            Engine = engine,
            ContextLength = 4096,
            Concurrency = concurrency,
            MultiTokenPrediction = mtp,
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
    }
}
