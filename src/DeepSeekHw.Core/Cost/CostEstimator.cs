using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DeepSeekHw.Catalog;
using DeepSeekHw.Sizing;

namespace DeepSeekHw.Cost
{
    /// <summary>What to price: a deployment, an optional target load, and the on-prem inputs (every rate a parameter).</summary>
    public sealed class CostRequest
    {
        public CostRequest(SizingRequest deployment)
        {
            Deployment = deployment ?? throw new ArgumentNullException(nameof(deployment));
        }

        /// <summary>The deployment (model, precision, engine, context, concurrency); its Gpu and GpuCount are the on-prem hardware, if any.</summary>
        public SizingRequest Deployment { get; }

        /// <summary>Requests per second to serve; null prices one replica at full load.</summary>
        public double? TargetQps { get; set; }

        public int PromptTokens { get; set; } = 512;

        public int OutputTokens { get; set; } = 256;

        /// <summary>Cloud providers to compare (AWS, Azure, GCP); empty for all.</summary>
        public IReadOnlyList<string> Providers { get; set; } = Array.Empty<string>();

        /// <summary>Overrides every instance's price (a negotiated or reserved rate), in USD per hour.</summary>
        public double? PricePerHour { get; set; }

        /// <summary>A reserved-instance or committed-use discount off every list price, 0 to 0.9 (the catalog has no sourced reserved prices).</summary>
        public double Discount { get; set; }

        /// <summary>Purchase price of the on-prem server, in USD.</summary>
        public double? PurchasePrice { get; set; }

        /// <summary>Electricity, USD per kWh. The seed guide's example uses 0.12.</summary>
        public double PricePerKWh { get; set; } = 0.12;

        /// <summary>Average GPU load as a fraction of TDP.</summary>
        public double Utilization { get; set; } = 1.0;

        /// <summary>The server's power beside its GPUs (CPUs, memory, fans), in watts.</summary>
        public double HostOverheadWatts { get; set; }

        /// <summary>Measured or rated wall power of the whole server, in watts; replaces TDP × count × utilization + overhead.</summary>
        public double? PowerWatts { get; set; }
    }

    /// <summary>One way to run the deployment and what it costs, with the formula that gave each figure.</summary>
    public sealed class CostEstimate
    {
        public string Option { get; set; } = string.Empty;

        /// <summary>AWS, Azure, GCP, or OnPrem.</summary>
        public string Provider { get; set; } = string.Empty;

        public string Model { get; set; } = string.Empty;

        public string Precision { get; set; } = string.Empty;

        public string Gpu { get; set; } = string.Empty;

        /// <summary>GPUs in one instance or on-prem server.</summary>
        public int GpuCount { get; set; }

        /// <summary>Instances (or on-prem servers) to rent or buy.</summary>
        public int Instances { get; set; } = 1;

        /// <summary>Engine copies serving in all, each on GpusPerReplica GPUs (several share an instance when the model is small).</summary>
        public int Replicas { get; set; } = 1;

        public int GpusPerReplica { get; set; }

        public bool Fits { get; set; }

        /// <summary>Sequences each replica serves at once (the concurrency sized).</summary>
        public int Concurrency { get; set; }

        /// <summary>Output tokens per second of one replica at that concurrency.</summary>
        public double? OutputTokensPerSecond { get; set; }

        /// <summary>Requests per second one replica serves at the prompt and output lengths.</summary>
        public double? ReplicaQps { get; set; }

        public double? PricePerHourUsd { get; set; }

        public double? CostPerHourUsd { get; set; }

        public double? CostPerMonthUsd { get; set; }

        public double? CostPerYearUsd { get; set; }

        public double? CostPerMillionOutputTokensUsd { get; set; }

        /// <summary>The hourly price over the instances' dense BF16 tensor throughput: USD per TFLOPS-hour (the seed guide's "$/TFLOP", with units).</summary>
        public double? UsdPerDenseTflopsHour { get; set; }

        public double? PurchaseUsd { get; set; }

        public double? PowerWatts { get; set; }

        public double? PowerCostPerYearUsd { get; set; }

        public double? OneYearTcoUsd { get; set; }

        public double? ThreeYearTcoUsd { get; set; }

        /// <summary>When the price was true, and what it rests on.</summary>
        public string PriceAsOf { get; set; } = string.Empty;

        public string Source { get; set; } = string.Empty;

        /// <summary>How the figures were computed, with the numbers filled in.</summary>
        public string Formula { get; set; } = string.Empty;

        public string[] Notes { get; set; } = Array.Empty<string>();

        public override string ToString() => Option;
    }

    /// <summary>
    /// Prices a deployment on each cloud instance that can run it (sized on that instance's GPUs, as Get-DeepSeekSizing
    /// would) and on the given on-prem hardware; replicas for a target load come from the sized decode speed.
    /// </summary>
    public static class CostEstimator
    {
        /// <summary>Hours in a month and a year, as cloud bills count them.</summary>
        public const double HoursPerMonth = 730;

        public const double HoursPerYear = 8760;

        /// <summary>The horizon over which a purchase is written off and the longest TCO given.</summary>
        public const int TcoYears = 3;

        private const int MaxConcurrency = 256;

        // Beyond four nodes per replica, pipeline bubbles and the network dominate: such a layout is not offered.
        private const int MaxInstancesPerReplica = 4;

        public static IReadOnlyList<CostEstimate> Estimate(CostRequest request, DeepSeekCatalog catalog, IReadOnlyList<CloudInstance> cloud)
        {
            if (request is null || catalog is null || cloud is null)
            {
                throw new ArgumentNullException(request is null ? nameof(request) : catalog is null ? nameof(catalog) : nameof(cloud));
            }

            // The request itself (context, concurrency, precision) is checked once: a bad one is one SizingException, not an empty list.
            SizingEngine.Estimate(request.Deployment.With(r =>
            {
                r.Gpu = null;
                r.GpuCount = null;
            }));
            var estimates = new List<CostEstimate>();
            if (request.Deployment.Gpu is { } onPrem)
            {
                estimates.Add(OnPremises(request, onPrem, request.Deployment.GpuCount));
            }

            foreach (var instance in cloud.Where(i => (i.OnDemandUsdPerHour != null || request.PricePerHour != null) && (request.Providers.Count == 0 || request.Providers.Contains(i.Provider, StringComparer.OrdinalIgnoreCase))))
            {
                var gpu = catalog.FindGpu(instance.Gpu);
                if (gpu != null && Cloud(request, instance, gpu) is { } estimate)
                {
                    estimates.Add(estimate);
                }
            }

            var ordered = estimates.OrderBy(e => e.Provider == "OnPrem" ? 0 : 1).ThenBy(e => e.CostPerHourUsd ?? double.MaxValue).ToList();
            if (request.TargetQps is double qps && ordered.FirstOrDefault(e => e.Provider != "OnPrem") is { } cheapest)
            {
                cheapest.Notes = cheapest.Notes.Concat(new[] { SeedTier(qps, cheapest) }).ToArray();
            }

            return ordered;
        }

        /// <summary>The seed guide's power arithmetic: watts × hours × price per kWh.</summary>
        public static double PowerCost(double watts, double hours, double pricePerKWh) => watts / 1000 * hours * pricePerKWh;

        private static CostEstimate? Cloud(CostRequest request, CloudInstance instance, GpuSpec gpu)
        {
            var unit = BestUnit(request, gpu, instance.GpuCount, multiNode: IsScaleOutNode(instance, gpu));
            if (unit is null)
            {
                return null;
            }

            var price = request.PricePerHour ?? (instance.OnDemandUsdPerHour!.Value * (1 - request.Discount));
            var result = Load(request, unit);
            result.Option = instance.Provider + " " + instance.Instance;
            result.Provider = instance.Provider;
            result.Gpu = gpu.Name;
            result.GpuCount = instance.GpuCount;
            result.PricePerHourUsd = price;
            result.CostPerHourUsd = Round(price * result.Instances);
            result.CostPerMonthUsd = Round(price * result.Instances * HoursPerMonth);
            result.CostPerYearUsd = Round(price * result.Instances * HoursPerYear);
            result.CostPerMillionOutputTokensUsd = PerMillionTokens(price * result.Instances, result);
            result.UsdPerDenseTflopsHour = gpu.DenseBf16Tflops is > 0 ? Round(price / (instance.GpuCount * gpu.DenseBf16Tflops.Value)) : (double?)null;
            result.PriceAsOf = instance.AsOf;
            result.Source = request.PricePerHour != null ? "-PricePerHour"
                : (request.Discount > 0 ? Invariant($"list price less {request.Discount:P0} (-Discount); ") : string.Empty) + instance.PriceBasis + "; " + instance.Source;
            result.Formula = Invariant($"{result.Instances} instance(s) x ${price:0.####}/h; month = x {HoursPerMonth:0} h") + result.Formula;
            if (unit.InstancesPerReplica > 1)
            {
                result.Notes = result.Notes.Concat(new[] { Invariant($"Each replica spans {unit.InstancesPerReplica} instances ({GpusOf(unit.Estimate)} GPUs, pipeline parallel across them): rent instances with a fast interconnect (EFA, InfiniBand) in one placement group.") }).ToArray();
            }

            return result;
        }

        // Power and purchase scale with the servers a target load needs; the purchase is written off over the TCO horizon
        // so that the hourly, yearly and per-token figures compare with renting.
        private static CostEstimate OnPremises(CostRequest request, GpuSpec gpu, int? count)
        {
            var unit = BestUnit(request, gpu, count, multiNode: false);
            CostEstimate result;
            if (unit is null)
            {
                // It fits nowhere on this hardware: the sizing at the given count still says what it would need.
                var (estimate, _) = Size(request, gpu, count);
                result = new CostEstimate
                {
                    Model = estimate?.Model ?? request.Deployment.Model.Name,
                    Precision = estimate?.Precision ?? string.Empty,
                    GpusPerReplica = estimate?.GpuCount ?? count ?? 1,
                    Concurrency = request.Deployment.Concurrency,
                    Notes = new[] { "The deployment does not fit this hardware (Get-DeepSeekSizing says why): its cost is shown for comparison only." },
                };
            }
            else
            {
                result = Load(request, unit);
            }

            var gpus = count ?? (unit is null ? result.GpusPerReplica : GpusOf(unit.Estimate));
            result.Option = Invariant($"On-prem {gpus} x {gpu.Name}");
            result.Provider = "OnPrem";
            result.Gpu = gpu.Name;
            result.GpuCount = gpus;
            result.PriceAsOf = "your inputs";
            var servers = result.Instances;
            result.PurchaseUsd = request.PurchasePrice * servers;
            if (request.PowerWatts is null && gpu.TdpWatts is null)
            {
                // Without a power figure every cost would be made up: the sizing and throughput still stand.
                result.Source = "no TDP in the catalog";
                result.Notes = result.Notes.Concat(new[] { "The catalog has no TDP for " + gpu.Name + ": give the server's wall power with -PowerWatts for the power cost and TCO." }).ToArray();
                return result;
            }

            var watts = request.PowerWatts ?? ((gpu.TdpWatts!.Value * gpus * request.Utilization) + request.HostOverheadWatts);
            var power = PowerCost(watts, HoursPerYear, request.PricePerKWh) * servers;
            var purchase = result.PurchaseUsd;
            var perYear = power + ((purchase ?? 0) / TcoYears);
            result.PowerWatts = Round(watts * servers);
            result.PowerCostPerYearUsd = Round(power);
            result.OneYearTcoUsd = purchase is double buy ? Round(buy + power) : (double?)null;
            result.ThreeYearTcoUsd = purchase is double buy3 ? Round(buy3 + (TcoYears * power)) : (double?)null;
            result.CostPerYearUsd = Round(perYear);
            result.CostPerMonthUsd = Round(perYear / HoursPerYear * HoursPerMonth);
            result.CostPerHourUsd = Round(perYear / HoursPerYear);
            result.CostPerMillionOutputTokensUsd = PerMillionTokens(perYear / HoursPerYear, result);
            var limited = gpu.HasMeasuredPowerLimit; // the board limit the machine's driver reported, not the catalog's TDP
            result.Source = request.PowerWatts != null ? "-PowerWatts"
                : limited ? Invariant($"{gpu.TdpWatts} W: {gpu.ValueSources["tdpWatts"]}")
                : Invariant($"TDP {gpu.TdpWatts} W from the GPU catalog ({gpu.Source})");
            var each = servers > 1 ? Invariant($" x {servers} servers") : string.Empty;
            result.Formula = (request.PowerWatts != null
                    ? Invariant($"power = {watts:0} W{each}")
                    : Invariant($"power = {gpu.TdpWatts} W {(limited ? "power limit" : "TDP")} x {gpus} GPU(s) x {request.Utilization:0.##} utilization + {request.HostOverheadWatts:0} W host = {watts:0} W{each}"))
                + Invariant($"; power per year = {watts / 1000:0.###} kW x {HoursPerYear:0} h x ${request.PricePerKWh:0.###}/kWh{each} = ${power:0.##}")
                + (purchase is double p
                    ? Invariant($"; per year = power + ${p:0} purchase / {TcoYears} years; 3-year TCO = ${p:0} + {TcoYears} x ${power:0.##}")
                    : "; per year = power only (give -PurchasePrice for the TCO)")
                + result.Formula;
            return result;
        }

        /// <summary>How one instance or server is used: the layout of one replica, and how many fit on it (or span it).</summary>
        private sealed class Unit
        {
            public Unit(SizingEstimate estimate, int concurrency, int replicasPerUnit, int unitsPerReplica)
            {
                Estimate = estimate;
                Concurrency = concurrency;
                ReplicasPerUnit = replicasPerUnit;
                InstancesPerReplica = unitsPerReplica;
            }

            public SizingEstimate Estimate { get; }

            public int Concurrency { get; }

            public int ReplicasPerUnit { get; }

            public int InstancesPerReplica { get; }
        }

        // The layout that serves most on a unit of `gpus` GPUs: the smallest that fits, and each doubling of it that still
        // fits in the unit (more KV room, more sequences), each replicated over the unit's GPUs. Without a target load the
        // smallest layout is used, as many times as the unit holds. A model larger than one unit spans several when the
        // unit is an 8-GPU instance built for it.
        private static Unit? BestUnit(CostRequest request, GpuSpec gpu, int? gpus, bool multiNode)
        {
            var (smallest, concurrency) = Size(request, gpu, null);
            if (smallest?.Fits != true)
            {
                return null;
            }

            var unitGpus = gpus ?? GpusOf(smallest);
            if (GpusOf(smallest) > unitGpus)
            {
                return multiNode && GpusOf(smallest) % unitGpus == 0 && GpusOf(smallest) / unitGpus <= MaxInstancesPerReplica ? new Unit(smallest, concurrency, 1, GpusOf(smallest) / unitGpus) : null;
            }

            var best = new Unit(smallest, concurrency, unitGpus / GpusOf(smallest), 1);
            if (request.TargetQps is null)
            {
                return best;
            }

            for (var n = GpusOf(smallest) * 2; n <= unitGpus; n *= 2)
            {
                var (wider, widerConcurrency) = Size(request, gpu, n);
                if (wider?.Fits == true)
                {
                    var candidate = new Unit(wider, widerConcurrency, unitGpus / n, 1);
                    if (Qps(request, candidate) > Qps(request, best) * 1.0001)
                    {
                        best = candidate;
                    }
                }
            }

            return best;
        }

        // Only 8-GPU NVLink or Infinity Fabric nodes (the ones clouds pair with EFA or InfiniBand) carry a replica across
        // instances; PCIe-card instances over Ethernet would be slower than the tokens they add.
        private static bool IsScaleOutNode(CloudInstance instance, GpuSpec gpu) =>
            instance.GpuCount >= 8 && (gpu.Interconnect.StartsWith("NVLink", StringComparison.OrdinalIgnoreCase) || gpu.Interconnect.StartsWith("Infinity Fabric", StringComparison.OrdinalIgnoreCase));

        private static int GpusOf(SizingEstimate estimate) => estimate.GpuCount ?? 1;

        private static double Qps(CostRequest request, Unit unit) => (ReplicaQps(request, unit.Estimate, unit.Concurrency)?.Qps ?? 0) * unit.ReplicasPerUnit;

        // The deployment on this GPU; with a target load, at the most sequences that fit (up to 256), which is how a
        // serving engine fills the GPUs under load.
        private static (SizingEstimate? Estimate, int Concurrency) Size(CostRequest request, GpuSpec gpu, int? count)
        {
            var deployment = request.Deployment.With(r =>
            {
                r.Gpu = gpu;
                r.GpuCount = count;
                if (request.TargetQps != null)
                {
                    // Under the target load finished requests are replaced at once: the decode speed includes the
                    // newcomers' prompts, so a replica serves N / (N x prefill + output x step) requests a second.
                    r.ContextLength = request.PromptTokens + request.OutputTokens;
                    r.PromptLength = request.PromptTokens;
                }
            });
            try
            {
                var first = SizingEngine.Estimate(deployment);
                if (request.TargetQps is null || first.Fits != true || first.MaxConcurrency is not int most)
                {
                    return (first, first.Concurrency);
                }

                var concurrency = Math.Max(1, Math.Min(MaxConcurrency, most));
                return (SizingEngine.Estimate(deployment.With(r => r.Concurrency = concurrency)), concurrency);
            }
            catch (SizingException)
            {
                return (null, 0);
            }
        }

        // Requests per second of one replica: each sequence takes the time to its first token plus its output at the
        // replica's decode speed shared among the sequences in flight.
        private static (double Qps, double Seconds)? ReplicaQps(CostRequest request, SizingEstimate estimate, int concurrency)
        {
            if (estimate.DecodeTokensPerSecond is not double decode || decode <= 0)
            {
                return null;
            }

            var perSequence = decode / Math.Max(1, concurrency);
            var seconds = (estimate.TimeToFirstTokenSeconds ?? 0) + (request.OutputTokens / perSequence);
            return (Math.Max(1, concurrency) / seconds, seconds);
        }

        // Throughput of one replica, and the replicas and instances a target load needs.
        private static CostEstimate Load(CostRequest request, Unit unit)
        {
            var estimate = unit.Estimate;
            var result = new CostEstimate
            {
                Model = estimate.Model,
                Precision = estimate.Precision,
                Fits = estimate.Fits == true,
                Concurrency = unit.Concurrency,
                GpusPerReplica = GpusOf(estimate),
                Replicas = unit.ReplicasPerUnit,
                Instances = unit.InstancesPerReplica,
                OutputTokensPerSecond = estimate.DecodeTokensPerSecond is double d ? Round(d) : (double?)null,
            };
            var layout = Invariant($"; a replica is {GpusOf(estimate)} GPU(s) (TP{estimate.TensorParallel} x PP{estimate.PipelineParallel})")
                + (unit.ReplicasPerUnit > 1 ? Invariant($", {unit.ReplicasPerUnit} per instance") : string.Empty);
            if (ReplicaQps(request, estimate, unit.Concurrency) is var (qps1, seconds))
            {
                result.ReplicaQps = Round(qps1);
                if (request.TargetQps is double qps)
                {
                    result.Replicas = Math.Max(1, (int)Math.Ceiling(qps / qps1));
                    result.Instances = (int)Math.Ceiling(result.Replicas / (double)unit.ReplicasPerUnit) * unit.InstancesPerReplica;
                    result.Formula = layout + Invariant($"; replicas = ceil({qps:0.##} QPS / {qps1:0.##} QPS per replica) = {result.Replicas}, a replica serving {unit.Concurrency} sequences of {request.PromptTokens}+{request.OutputTokens} tokens in {seconds:0.##} s each");
                }
                else
                {
                    result.Formula = layout + Invariant($"; one instance's replicas at {unit.Concurrency} sequence(s) each");
                }
            }
            else
            {
                result.Formula = layout;
                if (request.TargetQps != null)
                {
                    result.Notes = new[] { "The GPU's speed is unknown, so the replicas for the target load are not estimated." };
                }
            }

            return result;
        }

        // Cost per million output tokens with every replica busy: the hourly cost over the tokens the replicas produce in an hour.
        private static double? PerMillionTokens(double costPerHour, CostEstimate result) =>
            result.OutputTokensPerSecond is > 0 ? Round(costPerHour / (result.OutputTokensPerSecond.Value * result.Replicas * 3600) * 1e6) : (double?)null;

        // The seed guide: < 100 QPS a single A100 server (up to 8 GPUs), 100-1,000 a 4 x A100 cluster, > 1,000 an 8 x H100
        // node. Its tiers are GPU counts whatever the model, so they are compared by count with what this model needs.
        private static string SeedTier(double qps, CostEstimate cheapest)
        {
            var (tier, tierGpus) = qps < 100 ? ("a single A100 server", 8) : qps <= 1000 ? ("a 4 x A100 cluster", 4) : ("an 8 x H100 node", 8);
            var gpus = cheapest.Instances * cheapest.GpuCount;
            var verdict = gpus <= tierGpus ? "has enough GPUs" : "is too small";
            return Invariant($"The seed guide puts {qps:0.##} QPS on {tier} (Seed guide 1, 生产部署). Here the cheapest option needs {cheapest.Instances} x {cheapest.Option} ({gpus} {cheapest.Gpu}) for {cheapest.Model} {cheapest.Precision} at {cheapest.Concurrency} sequences per replica: by GPU count the guide's tier {verdict} for this model and these lengths. The tiers ignore the model's size, which decides it.");
        }

        private static double Round(double value) => Math.Round(value, 4);

        private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
    }
}
