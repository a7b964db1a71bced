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

    private static InstalledGpus Installed(string name, long memoryMiB, string? architecture, params int?[] limits) =>
        InstalledGpus.From(limits.Select((watts, i) => new GpuDevice
        {
            Index = i, Name = name, Vendor = GpuVendor.NVIDIA, Architecture = architecture, MemoryTotalBytes = memoryMiB << 20, PowerLimitWatts = watts, Source = "nvidia-smi -q -x",
        }), DeepSeekCatalog.Builtin)!;

    [Fact]
    public void A_board_capped_below_its_tdp_is_sized_at_the_cap_the_driver_reports()
    {
        // Two RTX 4090s, one capped at 300 W: tensor parallelism runs at the pace of the capped one. 300 W sustain 111
        // TFLOPS, below 0.5 of its 330; at the catalog's 450 W the limit does not bind (see above).
        var installed = Installed("NVIDIA GeForce RTX 4090", 24564, "Ada Lovelace", 450, 300);
        var request = new SizingRequest(DeepSeekCatalog.Builtin.FindModel("DeepSeek-R1-Distill-Llama-8B")!)
        {
            Engine = "llama.cpp", Precision = WeightPrecision.FP16, Gpu = installed.Spec, PromptLength = 512, ContextLength = 768,
        };

        var capped = SizingEngine.Estimate(request);

        Assert.Equal(300, installed.Spec.TdpWatts);
        Assert.Equal(450, DeepSeekCatalog.Builtin.FindGpu("RTX-4090")!.TdpWatts); // the catalog entry is untouched
        Assert.Contains(capped.Assumptions, a => a.StartsWith("Power-limited: RTX-4090's 300 W (the power limit nvidia-smi reports on this machine; the catalog's TDP is 450 W) sustain about 111", StringComparison.Ordinal));
        var uncapped = Estimate("RTX-4090", engine: "llama.cpp", precision: WeightPrecision.FP16, prompt: 512);
        Assert.Equal(111.0 / 165.0, capped.PrefillTokensPerSecond!.Value / uncapped.PrefillTokensPerSecond!.Value, 2);
    }

    [Fact]
    public void A_board_at_its_catalog_tdp_or_reporting_none_keeps_the_catalog_entry()
    {
        foreach (var spec in new[] { Installed("NVIDIA GeForce RTX 4090", 24564, "Ada Lovelace", 450, 450).Spec, Installed("NVIDIA GeForce RTX 4090", 24564, "Ada Lovelace", null, null).Spec })
        {
            Assert.Equal(450, spec.TdpWatts);
            Assert.False(spec.HasMeasuredPowerLimit);
            Assert.False(spec.ValueSources.ContainsKey("tdpWatts"));
        }
    }

    [Fact]
    public void A_board_the_catalog_lacks_is_limited_by_its_own_power_not_the_reference_tdp()
    {
        // An unlisted Ada board at 60 W: bandwidth and throughput borrowed from the RTX 2000 Ada (70 W, 48 TFLOPS, which
        // its TDP would not limit), the power limit its own, so its prefill is power-limited at 0.37 x 60 = 22 TFLOPS.
        var installed = Installed("NVIDIA RTX 2000E Ada Lab Edition", 16380, "Ada Lovelace", 60);
        var estimate = SizingEngine.Estimate(new SizingRequest(DeepSeekCatalog.Builtin.FindModel("DeepSeek-R1-Distill-Qwen-1.5B")!)
        {
            Engine = "vLLM", Precision = WeightPrecision.BF16, Gpu = installed.Spec, PromptLength = 2048, ContextLength = 2304,
        });

        Assert.True(installed.Spec.IsMeasured);
        Assert.Equal(60, installed.Spec.TdpWatts);
        Assert.Contains(estimate.Assumptions, a => a.StartsWith("Power-limited: NVIDIA RTX 2000E Ada Lab Edition's 60 W (the power limit nvidia-smi reports on this machine) sustain about 22 dense", StringComparison.Ordinal));
    }

    [Fact]
    public void A_capped_board_of_another_architecture_says_its_speed_may_be_lower()
    {
        // The recorded RTX 3090 capture: a 350 W Ampere board its owner capped at 200 W. No measured power-limited rate for
        // Ampere, so the rate stays the share's, and the estimate says the cap may cost compute-bound speed.
        var inventory = DeepSeekHw.Core.Tests.Inventory.Fixtures.Linux(DeepSeekHw.Core.Tests.Inventory.Fixtures.Command(DeepSeekHw.Facts.FactSourceIds.NvidiaSmiXml, "nvidia-smi-xml/rtx-3090-drv525.xml"));
        var capped = InstalledGpus.From(inventory, DeepSeekCatalog.Builtin)!.Spec;
        var request = new SizingRequest(DeepSeekCatalog.Builtin.FindModel("DeepSeek-R1-Distill-Llama-8B")!)
        {
            Engine = "vLLM", Precision = WeightPrecision.BF16, PromptLength = 4096, ContextLength = 4352,
        };

        var estimate = SizingEngine.Estimate(request.With(r => r.Gpu = capped));
        var uncapped = SizingEngine.Estimate(request.With(r => r.Gpu = DeepSeekCatalog.Builtin.FindGpu("RTX-3090")));

        Assert.Contains(estimate.Assumptions, a => a.StartsWith("Power cap: RTX-3090 runs at 200 W, below its 350 W TDP (the power limit nvidia-smi reports", StringComparison.Ordinal));
        Assert.DoesNotContain(uncapped.Assumptions, a => a.StartsWith("Power cap", StringComparison.Ordinal));
        Assert.Equal(uncapped.PrefillTokensPerSecond, estimate.PrefillTokensPerSecond);
    }
}
