using DeepSeekHw.Catalog;
using DeepSeekHw.Cost;
using DeepSeekHw.Sizing;

namespace DeepSeekHw.Core.Tests.Cost;

/// <summary>The cost arithmetic is checked against hand-worked numbers, and every option against the sizing it rests on.</summary>
public sealed class CostEstimatorTests
{
    private static readonly DeepSeekCatalog Catalog = DeepSeekCatalog.Builtin;

    [Fact]
    public void Power_cost_is_the_seed_guides_arithmetic()
    {
        // Seed guide 2: 1,200 W all year at 0.12 USD/kWh.
        Assert.Equal(1261.44, CostEstimator.PowerCost(1200, 8760, 0.12), 6);
        Assert.Equal(0, CostEstimator.PowerCost(0, 8760, 0.12));
    }

    [Fact]
    public void On_prem_power_and_tco_follow_tdp_count_and_inputs()
    {
        var request = Request("DeepSeek-V3", "Native", r =>
        {
            r.Gpu = Catalog.FindGpu("H100-SXM");
            r.GpuCount = 16;
        });
        request.PurchasePrice = 500_000;
        request.HostOverheadWatts = 2000;
        request.Utilization = 0.5;

        var onPrem = CostEstimator.Estimate(request, Catalog, Array.Empty<CloudInstance>()).Single();

        // 700 W x 16 x 0.5 + 2000 W = 7600 W; 7.6 kW x 8760 h x 0.12 = 7989.12 USD a year.
        Assert.Equal("OnPrem", onPrem.Provider);
        Assert.Equal(16, onPrem.GpuCount);
        Assert.Equal(7600, onPrem.PowerWatts);
        Assert.Equal(7989.12, onPrem.PowerCostPerYearUsd!.Value, 2);
        Assert.Equal(500_000 + 7989.12, onPrem.OneYearTcoUsd!.Value, 2);
        Assert.Equal(500_000 + (3 * 7989.12), onPrem.ThreeYearTcoUsd!.Value, 2);
        Assert.Equal(7989.12 + (500_000 / 3.0), onPrem.CostPerYearUsd!.Value, 2);
        Assert.Equal(onPrem.CostPerYearUsd!.Value / 8760, onPrem.CostPerHourUsd!.Value, 3);
        Assert.Contains("7600 W", onPrem.Formula, StringComparison.Ordinal);
        Assert.True(onPrem.Fits);
    }

    [Fact]
    public void Measured_power_replaces_the_tdp_arithmetic()
    {
        var request = Request("DeepSeek-R1-Distill-Qwen-14B", "Native", r => r.Gpu = Catalog.FindGpu("RTX-4090"));
        request.PowerWatts = 1200;

        var onPrem = CostEstimator.Estimate(request, Catalog, Array.Empty<CloudInstance>()).Single();

        Assert.Equal(1200, onPrem.PowerWatts);
        Assert.Equal(1261.44, onPrem.PowerCostPerYearUsd!.Value, 2);
        Assert.Equal("-PowerWatts", onPrem.Source);
        Assert.Null(onPrem.ThreeYearTcoUsd);
    }

    [Fact]
    public void A_power_limit_the_machine_reports_replaces_the_catalog_tdp()
    {
        // An RTX 3090 (350 W in the catalog) its owner capped at 200 W, as the recorded nvidia-smi capture reports.
        var inventory = DeepSeekHw.Core.Tests.Inventory.Fixtures.Linux(DeepSeekHw.Core.Tests.Inventory.Fixtures.Command(DeepSeekHw.Facts.FactSourceIds.NvidiaSmiXml, "nvidia-smi-xml/rtx-3090-drv525.xml"));
        var installed = InstalledGpus.From(inventory, Catalog)!;
        var request = Request("DeepSeek-R1-Distill-Qwen-7B", "Native", r => r.Gpu = installed.Spec);
        request.HostOverheadWatts = 0;
        request.Utilization = 1;

        var onPrem = CostEstimator.Estimate(request, Catalog, Array.Empty<CloudInstance>()).Single();

        Assert.Equal(350, Catalog.FindGpu("RTX-3090")!.TdpWatts);
        Assert.Equal(200, onPrem.PowerWatts);
        Assert.StartsWith("200 W: the power limit nvidia-smi reports on this machine; the catalog's TDP is 350 W", onPrem.Source, StringComparison.Ordinal);
        Assert.StartsWith("power = 200 W power limit x 1 GPU(s)", onPrem.Formula, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deployment_that_does_not_fit_on_prem_is_priced_but_marked()
    {
        var request = Request("DeepSeek-V3", "Native", r =>
        {
            r.Gpu = Catalog.FindGpu("RTX-4090");
            r.GpuCount = 1;
        });

        var onPrem = CostEstimator.Estimate(request, Catalog, Array.Empty<CloudInstance>()).Single();

        Assert.False(onPrem.Fits);
        Assert.Contains(onPrem.Notes, n => n.Contains("does not fit", StringComparison.Ordinal));
    }

    [Fact]
    public void Cloud_options_are_the_instances_the_sizing_fits_on_cheapest_first()
    {
        var request = Request("DeepSeek-R1-Distill-Qwen-32B", "FP8", _ => { });

        var options = CostEstimator.Estimate(request, Catalog, CloudCatalog.Builtin);

        Assert.NotEmpty(options);
        foreach (var option in options)
        {
            var instance = CloudCatalog.Builtin.Single(i => option.Option == i.Provider + " " + i.Instance);
            var sized = SizingEngine.Estimate(request.Deployment.With(r =>
            {
                r.Gpu = Catalog.FindGpu(instance.Gpu);
                r.GpuCount = option.GpusPerReplica;
            }));
            Assert.True(sized.Fits, option.Option);
            Assert.True(option.Fits);
            Assert.Equal(instance.GpuCount, option.GpuCount);
            Assert.Equal(1, option.Instances);
            Assert.Equal(instance.GpuCount / option.GpusPerReplica, option.Replicas); // the instance is filled with copies
            Assert.Equal(instance.OnDemandUsdPerHour!.Value, option.CostPerHourUsd!.Value, 4);
            Assert.Equal(instance.OnDemandUsdPerHour!.Value * 730, option.CostPerMonthUsd!.Value, 2);
            Assert.Equal(instance.AsOf, option.PriceAsOf);
        }

        // 32B in FP8 is 33 GB of weights: no 16 GB T4 or 24 GB L4 holds it alone, so those instances are absent.
        Assert.DoesNotContain(options, o => o.Option == "AWS g4dn.xlarge" || o.Option == "AWS g6.xlarge");
        Assert.Equal(options.Select(o => o.CostPerHourUsd).OrderBy(c => c), options.Select(o => o.CostPerHourUsd));
        var p5 = options.Single(o => o.Option == "AWS p5.48xlarge");
        Assert.Equal(8, p5.Replicas);
        Assert.Equal(1, p5.GpusPerReplica);
    }

    [Fact]
    public void A_model_larger_than_an_instance_spans_several_8_GPU_instances()
    {
        // DeepSeek-V3 in FP8 needs two 8 x H100 nodes; one 8 x H200 holds it.
        var request = Request("DeepSeek-V3", "Native", _ => { });

        var options = CostEstimator.Estimate(request, Catalog, CloudCatalog.Builtin);

        var h100 = options.Single(o => o.Option == "AWS p5.48xlarge");
        Assert.Equal(2, h100.Instances);
        Assert.Equal(16, h100.GpusPerReplica);
        Assert.Equal(2 * 55.04, h100.CostPerHourUsd!.Value, 4);
        Assert.Contains(h100.Notes, n => n.Contains("spans 2 instances", StringComparison.Ordinal));
        var h200 = options.Single(o => o.Option == "AWS p5en.48xlarge");
        Assert.Equal(1, h200.Instances);
        Assert.DoesNotContain(options, o => o.GpuCount < 8);
    }

    [Fact]
    public void Replicas_cover_the_target_load_and_no_fewer_would()
    {
        var request = Request("DeepSeek-R1-Distill-Qwen-32B", "FP8", _ => { });
        request.TargetQps = 20;

        var options = CostEstimator.Estimate(request, Catalog, CloudCatalog.Builtin);

        Assert.NotEmpty(options);
        foreach (var option in options.Where(o => o.ReplicaQps != null))
        {
            Assert.True(option.Replicas * option.ReplicaQps!.Value >= 20 - 1e-6, option.Option);
            Assert.True((option.Replicas - 1) * option.ReplicaQps!.Value < 20, option.Option);
            Assert.True(option.Instances * option.GpuCount >= option.Replicas * option.GpusPerReplica, option.Option);
            Assert.True((option.Instances - 1) * option.GpuCount < option.Replicas * option.GpusPerReplica, option.Option);
            Assert.Equal(option.PricePerHourUsd!.Value * option.Instances, option.CostPerHourUsd!.Value, 4);
            Assert.InRange(option.Concurrency, 1, 256);
        }

        Assert.Contains(options[0].Notes, n => n.Contains("seed guide puts 20 QPS on a single A100 server", StringComparison.Ordinal));
    }

    [Fact]
    public void A_replica_prefills_each_newcomer_once_so_long_prompts_cost_requests_per_second()
    {
        // N requests in flight, each a prefill of P tokens and O decode steps shared by N: a replica finishes
        // N / (N x prefill + O x step) requests a second, which the sizing's time to first token plus its output at the
        // decode speed under that load give.
        double Qps(int prompt)
        {
            var request = Request("DeepSeek-R1-Distill-Qwen-7B", "Native", _ => { });
            request.TargetQps = 5;
            request.PromptTokens = prompt;
            request.OutputTokens = 256;
            var option = CostEstimator.Estimate(request, Catalog, CloudCatalog.Builtin).Single(o => o.Option == "AWS p5.4xlarge");
            var sized = SizingEngine.Estimate(new SizingRequest(Catalog.FindModel("DeepSeek-R1-Distill-Qwen-7B")!)
            {
                Gpu = Catalog.FindGpu("H100-SXM"), GpuCount = 1, ContextLength = prompt + 256, PromptLength = prompt, Concurrency = option.Concurrency,
            });
            var expected = option.Concurrency / (sized.TimeToFirstTokenSeconds!.Value + (256 / sized.DecodeTokensPerSecondPerSequence!.Value));
            Assert.Equal(expected, option.ReplicaQps!.Value, expected * 0.02);
            return option.ReplicaQps!.Value;
        }

        Assert.True(Qps(4096) < Qps(256) / 2, "eight times the prompt, at least half the requests");
    }

    [Fact]
    public void A_replica_serves_more_when_more_sequences_fit()
    {
        // One H100 (80 GB) holds many more 768-token sequences of the 7B than an L4 (24 GB), and reads them faster.
        var request = Request("DeepSeek-R1-Distill-Qwen-7B", "Native", _ => { });
        request.TargetQps = 5;
        var options = CostEstimator.Estimate(request, Catalog, CloudCatalog.Builtin);

        var h100 = options.Single(o => o.Option == "AWS p5.4xlarge");
        var l4 = options.Single(o => o.Option == "AWS g6.xlarge");
        Assert.Equal(1, h100.GpusPerReplica);
        Assert.True(h100.Concurrency > l4.Concurrency);
        Assert.True(h100.ReplicaQps > l4.ReplicaQps);
    }

    [Fact]
    public void Providers_and_a_negotiated_price_narrow_and_replace()
    {
        var request = Request("DeepSeek-R1-Distill-Llama-8B", "Native", _ => { });
        request.Providers = new[] { "gcp" };
        request.PricePerHour = 1.5;

        var options = CostEstimator.Estimate(request, Catalog, CloudCatalog.Builtin);

        Assert.NotEmpty(options);
        Assert.All(options, o => Assert.Equal("GCP", o.Provider));
        Assert.All(options, o => Assert.Equal(1.5, o.CostPerHourUsd!.Value, 4));
        Assert.All(options, o => Assert.Equal("-PricePerHour", o.Source));

        // With a negotiated price, instances without a list price are compared too.
        Assert.Contains(options, o => o.Option == "GCP a3-megagpu-8g");
    }

    [Fact]
    public void A_discount_lowers_list_prices_and_the_price_per_tflops_hour_has_units()
    {
        var request = Request("DeepSeek-R1-Distill-Llama-8B", "Native", _ => { });
        request.Providers = new[] { "AWS" };
        request.Discount = 0.4;

        var p5 = CostEstimator.Estimate(request, Catalog, CloudCatalog.Builtin).Single(o => o.Option == "AWS p5.48xlarge");

        Assert.Equal(55.04 * 0.6, p5.CostPerHourUsd!.Value, 4);
        Assert.StartsWith("list price less 40", p5.Source, StringComparison.Ordinal);

        // 33.02 USD/h over 8 x 989 dense BF16 TFLOPS: about 0.004 USD per TFLOPS-hour, nowhere near the seed's "$0.12/TFLOP".
        Assert.Equal(55.04 * 0.6 / (8 * Catalog.FindGpu("H100-SXM")!.DenseBf16Tflops!.Value), p5.UsdPerDenseTflopsHour!.Value, 4);
        Assert.InRange(p5.UsdPerDenseTflopsHour!.Value, 0.003, 0.006);
    }

    [Fact]
    public void A_bad_request_is_one_sizing_error_not_an_empty_answer()
    {
        var request = Request("DeepSeek-V3", "Native", r => r.ContextLength = 0);

        var ex = Assert.Throws<SizingException>(() => CostEstimator.Estimate(request, Catalog, CloudCatalog.Builtin));
        Assert.Equal(SizingErrorIds.InvalidContextLength, ex.ErrorId);
    }

    [Fact]
    public void The_builtin_price_list_names_catalog_gpus_and_dates_every_price()
    {
        Assert.True(CloudCatalog.Builtin.Count >= 50);
        foreach (var instance in CloudCatalog.Builtin)
        {
            Assert.NotNull(Catalog.FindGpu(instance.Gpu));
            Assert.False(string.IsNullOrWhiteSpace(instance.Source));
            if (instance.OnDemandUsdPerHour != null)
            {
                Assert.NotEqual("unknown", instance.AsOf);
            }
        }

        Assert.Equal(55.04, CloudCatalog.Builtin.Single(i => i.Instance == "p5.48xlarge").OnDemandUsdPerHour);
    }

    [Theory]
    [InlineData("{\"schema\":\"deepseekhw/cloud@2\",\"instances\":[]}")]
    [InlineData("{\"schema\":\"deepseekhw/cloud@1\",\"instances\":[{\"provider\":\"AWS\",\"instance\":\"x\",\"gpu\":\"L4\",\"gpuCount\":0,\"region\":\"r\",\"asOf\":\"2025\",\"priceBasis\":\"b\",\"source\":\"s\"}]}")]
    [InlineData("{\"schema\":\"deepseekhw/cloud@1\",\"instances\":[{\"provider\":\"AWS\",\"instance\":\"x\",\"gpu\":\"L4\",\"gpuCount\":1,\"region\":\"r\",\"onDemandUsdPerHour\":-1,\"asOf\":\"2025\",\"priceBasis\":\"b\",\"source\":\"s\"}]}")]
    [InlineData("{\"schema\":\"deepseekhw/cloud@1\",\"instances\":[{\"provider\":\"AWS\",\"gpu\":\"L4\",\"gpuCount\":1,\"region\":\"r\",\"asOf\":\"2025\",\"priceBasis\":\"b\",\"source\":\"s\"}]}")]
    [InlineData("{\"schema\":\"deepseekhw/cloud@1\",\"instances\":[{\"provider\":\"AWS\",\"instance\":\"x\",\"gpu\":\"L4\",\"gpuCount\":1,\"region\":\"r\",\"onDemandUsdPerHour\":\"cheap\",\"asOf\":\"2025\",\"priceBasis\":\"b\",\"source\":\"s\"}]}")]
    public void A_malformed_price_list_is_refused_with_the_row_named(string json)
    {
        var ex = Assert.ThrowsAny<Exception>(() => CloudCatalog.Read(json));
        Assert.IsType<CatalogException>(ex);
        Assert.Contains("cloud.json", ex.Message, StringComparison.Ordinal);
    }

    private static CostRequest Request(string model, string precision, Action<SizingRequest> configure)
    {
        var request = new SizingRequest(Catalog.FindModel(model)!) { Precision = Enum.Parse<WeightPrecision>(precision) };
        configure(request);
        return new CostRequest(request);
    }
}
