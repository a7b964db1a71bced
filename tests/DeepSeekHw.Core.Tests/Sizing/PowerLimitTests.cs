using DeepSeekHw.Catalog;
using DeepSeekHw.Sizing;

namespace DeepSeekHw.Core.Tests.Sizing;

/// <summary>
/// Ada Lovelace boards hold their clocks down under long GEMMs to stay within their board power: about 0.37 dense
/// TFLOPS a watt (compat.json adaTensorTflopsPerWatt). Where that is below the engine's share of the peak, prefill and
/// compute-bound decode run at it; other architectures and boards without a TDP keep the share.
/// </summary>
public sealed class PowerLimitTests
{
    private static SizingEstimate Estimate(string gpu, string engine = "vLLM", WeightPrecision precision = WeightPrecision.BF16, int prompt = 4096) =>
        SizingEngine.Estimate(new SizingRequest(DeepSeekCatalog.Builtin.FindModel("DeepSeek-R1-Distill-Llama-8B")!)
        {
            Engine = engine, Precision = precision, Gpu = DeepSeekCatalog.Builtin.FindGpu(gpu), PromptLength = prompt, ContextLength = prompt + 256,
        });

    [Fact]
    public void A_300_watt_ada_board_prefills_at_its_power_limit()
    {
        var ada = DeepSeekCatalog.Builtin.FindGpu("RTX-6000-Ada")!;
        var limit = InferenceSizing.PowerLimitTflops(ada)!.Value;
        var estimate = Estimate("RTX-6000-Ada");

        Assert.Equal(0.37 * 300, limit, 6); // 111 TFLOPS, below 0.5 of its 364
        Assert.Contains(estimate.Assumptions, a => a.StartsWith("Power-limited: RTX-6000-Ada's 300 W sustain about 111 dense 16-bit TFLOPS", StringComparison.Ordinal));

        // The same prompt on the A6000 (Ampere: no limit) runs at 0.5 of 154.8 TFLOPS; the ratio of the two rates is the
        // ratio of the sustained throughputs, 111 / 77.4.
        var ampere = Estimate("RTX-A6000");
        Assert.Equal(111.0 / 77.4, estimate.PrefillTokensPerSecond!.Value / ampere.PrefillTokensPerSecond!.Value, 2);
    }

    [Fact]
    public void The_limit_scales_quantized_and_moe_shares_from_the_sustained_rate()
    {
        // llama.cpp's Q4_K_M prefill on an L40S: 0.75 of the sustained 16-bit rate, min(0.5 x 362, 0.37 x 350) x 0.75.
        var q4 = Estimate("L40S", engine: "llama.cpp", precision: WeightPrecision.Q4_K_M, prompt: 512);
        var f16 = Estimate("L40S", engine: "llama.cpp", precision: WeightPrecision.FP16, prompt: 512);

        Assert.Equal(0.75, q4.PrefillTokensPerSecond!.Value / f16.PrefillTokensPerSecond!.Value, 2);
    }

    [Fact]
    public void The_limit_holds_the_clocks_so_fp8_keeps_its_two_fold_rate()
    {
        // FP8 tensor math runs at twice the 16-bit rate at any clock: the power limit scales both by the same share.
        var l40s = DeepSeekCatalog.Builtin.FindGpu("L40S")!;
        var fp8 = Estimate("L40S", precision: WeightPrecision.FP8);
        var bf16 = Estimate("L40S");

        Assert.Equal(l40s.DenseFp8Tflops!.Value / l40s.DenseBf16Tflops!.Value, fp8.PrefillTokensPerSecond!.Value / bf16.PrefillTokensPerSecond!.Value, 2);
    }

    [Fact]
    public void Boards_the_limit_does_not_bind_keep_the_share()
    {
        // The 4090's 450 W allow 166.5 TFLOPS, above 0.5 of its 330 (FP16 accumulation): no note, no change.
        var geforce = Estimate("RTX-4090", engine: "llama.cpp", precision: WeightPrecision.FP16, prompt: 512);

        Assert.DoesNotContain(geforce.Assumptions, a => a.StartsWith("Power-limited", StringComparison.Ordinal));
        Assert.Null(InferenceSizing.PowerLimitTflops(DeepSeekCatalog.Builtin.FindGpu("H100-SXM")!)); // Hopper: none measured
        Assert.Null(InferenceSizing.PowerLimitTflops(DeepSeekCatalog.Builtin.FindGpu("A100-SXM4-80GB")!));
    }
}
