using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using DeepSeekHw.Commands.Completers;
using DeepSeekHw.Commands.Infrastructure;
using DeepSeekHw.Cost;
using DeepSeekHw.Sizing;

namespace DeepSeekHw.Commands
{
    /// <summary>Prices a DeepSeek deployment on cloud GPU instances and on your own hardware, with the formula behind every figure.</summary>
    /// <remarks>
    /// <para>Get-DeepSeekCostEstimate sizes the deployment on each cloud instance type in the built-in price list (AWS,
    /// Azure, GCP on-demand prices, each dated and sourced) exactly as Get-DeepSeekSizing would on that instance's GPUs,
    /// keeps the instances it fits on, and gives the cost per hour, month and year and per million output tokens at the
    /// sized decode speed. With -TargetQps it sizes each instance at the most sequences that fit (up to 256) for
    /// -PromptTokens plus -OutputTokens and gives the replicas that load needs; the cheapest cloud option then carries a
    /// note comparing the seed guide's QPS tiers (under 100 QPS one A100 server, up to 1,000 a 4 x A100 cluster, above
    /// that 8 x H100 nodes) with what the model actually needs.</para>
    /// <para>With -Gpu (or a piped inventory) it also prices the on-prem option: power as TDP (for an inventory, the power
    /// limit its driver enforces) x GPUs x -Utilization plus
    /// -HostOverheadWatts (or a measured -PowerWatts) x 8,760 h x -PricePerKWh, and with -PurchasePrice the one- and
    /// three-year total cost of ownership. Every rate is a parameter; nothing is assumed silently: the Formula property
    /// shows the arithmetic with the numbers used, PriceAsOf says when a list price was true. Cloud prices change: give a
    /// negotiated rate with -PricePerHour for the instances you select with -Instance.</para>
    /// <para>Errors: ModelNotFound, GpuNotFound, NoKnownGpu, InstanceNotFound, NoFittingOption, and the sizing ErrorIds.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-DeepSeekCostEstimate -Model DeepSeek-R1-Distill-Qwen-32B -Precision FP8 -TargetQps 20</code>
    /// <para>Every cloud instance the 32B distill in FP8 fits on, cheapest first, with the replicas 20 requests per second need.</para>
    /// </example>
    /// <example>
    /// <code>Get-DeepSeekCostEstimate -Model DeepSeek-V3 -Gpu H100-SXM -GpuCount 16 -PurchasePrice 500000 -PricePerKWh 0.12 -HostOverheadWatts 2000 | Format-List Option, PowerWatts, PowerCostPerYearUsd, ThreeYearTcoUsd, Formula</code>
    /// <para>The three-year cost of owning two 8 x H100 servers for DeepSeek-V3, beside the cloud instances that could run it.</para>
    /// </example>
    /// <example>
    /// <code>Get-DeepSeekCostEstimate -Model DeepSeek-R1-Distill-Llama-70B -Precision AWQ_INT4 -Provider AWS -Instance g6e.* -PricePerHour 7.5</code>
    /// <para>The 70B distill in 4-bit on AWS g6e (L40S) instances at a negotiated 7.50 USD per hour.</para>
    /// </example>
    /// <example>
    /// <code>Get-DeepSeekHardware -FactsPath ./fleet/gpu-node-07.facts.json | Get-DeepSeekCostEstimate -Model DeepSeek-R1-Distill-Qwen-14B -PowerWatts 650 -PricePerKWh 0.30</code>
    /// <para>What running the 14B distill on the server a fact bundle describes costs in electricity at its measured 650 W, against renting it (pipe Get-DeepSeekHardware alone for this machine).</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "DeepSeekCostEstimate", DefaultParameterSetName = ByGpuSet)]
    [OutputType(typeof(CostEstimate))]
    public sealed class GetDeepSeekCostEstimateCommand : DeepSeekCmdlet, IServingParameters
    {
        private const string ByGpuSet = "ByGpu";
        private const string ByInputObjectSet = "ByInputObject";

        /// <summary>The model: a catalog name, id or alias, or a model object from Get-DeepSeekModel.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Name")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ModelNameCompleter))]
        public string Model { get; set; } = string.Empty;

        /// <summary>Weight precision: Native (default: the released weights, or under Ollama the library file `ollama run` pulls), BF16, FP16, FP8, INT8, INT4, GPTQ_INT4, AWQ_INT4, or a GGUF type.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public WeightPrecision Precision { get; set; } = WeightPrecision.Native;

        /// <summary>Serving engine: vLLM (default), SGLang, llama.cpp (default for GGUF) or Ollama.</summary>
        [Parameter]
        [ValidateEngine]
        [ArgumentCompleter(typeof(EngineNameCompleter))]
        public string? Engine { get; set; }

        /// <summary>Tokens per sequence without -TargetQps. Default: 8192, or the model's maximum if smaller; under Ollama on a known machine (-GpuCount or an inventory), the num_ctx Ollama picks itself (docs/sizing.md).</summary>
        [Parameter]
        public int? ContextLength { get; set; }

        /// <summary>Sequences in flight per replica without -TargetQps. Default 1.</summary>
        [Parameter]
        public int Concurrency { get; set; } = 1;

        /// <summary>KV-cache element type: Auto, BF16, FP16 or FP8.</summary>
        [Parameter]
        public KvCacheType KvCacheType { get; set; } = KvCacheType.Auto;

        /// <summary>Fraction of each GPU the engine may use. Default: the engine's own.</summary>
        [Parameter]
        public double? MemoryUtilization { get; set; }

        /// <summary>Group size of INT4, GPTQ and AWQ scales.</summary>
        [Parameter]
        public int GroupSize { get; set; } = 128;

        /// <summary>Your own GPU for the on-prem option: a catalog name or a GPU from Get-DeepSeekGpuSpec.</summary>
        [Parameter(ParameterSetName = ByGpuSet)]
        [ArgumentCompleter(typeof(GpuNameCompleter))]
        public string? Gpu { get; set; }

        /// <summary>Your own hardware for the on-prem option: an inventory (Get-DeepSeekHardware, New-DeepSeekHardware) or a GPU.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByInputObjectSet)]
        [Alias("Hardware")]
        [ValidateNotNull]
        public HardwareInventory? InputObject { get; set; }

        /// <summary>GPUs of the on-prem option. Omit for the smallest count that fits (or an inventory's own count).</summary>
        [Parameter]
        public int? GpuCount { get; set; }

        /// <summary>Requests per second to serve; sizes replicas. Omit to price one replica.</summary>
        [Parameter]
        [ValidateRange(0.001, 1_000_000)]
        public double? TargetQps { get; set; }

        /// <summary>Prompt tokens per request with -TargetQps. Default 512.</summary>
        [Parameter]
        [ValidateRange(1, 10_000_000)]
        public int PromptTokens { get; set; } = 512;

        /// <summary>Output tokens per request with -TargetQps. Default 256.</summary>
        [Parameter]
        [ValidateRange(1, 10_000_000)]
        public int OutputTokens { get; set; } = 256;

        /// <summary>Cloud providers to compare: AWS, Azure, GCP. Default: all.</summary>
        [Parameter]
        [ValidateSet("AWS", "Azure", "GCP", IgnoreCase = true)]
        public string[] Provider { get; set; } = Array.Empty<string>();

        /// <summary>Cloud instance types to compare (wildcards allowed), such as p5.48xlarge or Standard_ND96*.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(CloudInstanceCompleter))]
        public string[] Instance { get; set; } = Array.Empty<string>();

        /// <summary>Your price per instance-hour in USD (reserved or negotiated), in place of the list price of every instance compared.</summary>
        [Parameter]
        [ValidateRange(0.0001, 10_000)]
        public double? PricePerHour { get; set; }

        /// <summary>A reserved-instance or committed-use discount off the list prices, 0 to 0.9 (0.4 is 40 % off). The price list holds on-demand prices only.</summary>
        [Parameter]
        [ValidateRange(0, 0.9)]
        public double Discount { get; set; }

        /// <summary>Purchase price of the on-prem hardware in USD, for the total cost of ownership.</summary>
        [Parameter]
        [ValidateRange(0, 1_000_000_000)]
        public double? PurchasePrice { get; set; }

        /// <summary>Electricity in USD per kWh. Default 0.12 (the seed guide's example).</summary>
        [Parameter]
        [ValidateRange(0, 10)]
        public double PricePerKWh { get; set; } = 0.12;

        /// <summary>Average GPU power as a fraction of TDP (or of the power limit an inventory reports), 0 to 1. Default 1 (full TDP, as the seed guide counts).</summary>
        [Parameter]
        [ValidateRange(0, 1)]
        public double Utilization { get; set; } = 1.0;

        /// <summary>The server's power beside its GPUs (CPUs, memory, fans, PSU losses), in watts. Default 0.</summary>
        [Parameter]
        [ValidateRange(0, 1_000_000)]
        public double HostOverheadWatts { get; set; }

        /// <summary>The measured or rated wall power of the whole on-prem server, in watts, in place of TDP arithmetic.</summary>
        [Parameter]
        [ValidateRange(1, 10_000_000)]
        public double? PowerWatts { get; set; }

        /// <summary>Sizes a context longer than the model's configured maximum instead of refusing it.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var model = Catalog.FindModel(Model);
            if (model is null)
            {
                WriteError(ModelNotFound(Model));
                return;
            }

            if (!ResolveGpus(InputObject, Gpu, GpuCount, allowNone: false, out var gpu, out var gpuCount))
            {
                return;
            }

            var deployment = this.ToSizingRequest(model);
            deployment.Precision = Precision;
            deployment.Gpu = gpu;
            deployment.GpuCount = gpuCount;
            var target = model.Name + " " + Precision;
            var cloud = CloudCatalog.Builtin.Where(i => Instance.Length == 0 || Instance.Any(name => Matches(name, i.Instance))).ToList();
            foreach (var name in Instance.Where(n => !WildcardPattern.ContainsWildcardCharacters(n) && !CloudCatalog.Builtin.Any(i => Matches(n, i.Instance))))
            {
                var ex = new ItemNotFoundException("No cloud instance type is named '" + name + "'.");
                WriteError(ErrorRecords.Create(ex, ErrorIds.InstanceNotFound, ErrorCategory.ObjectNotFound, name,
                    "Press Tab after -Instance for the instance types in the price list."));
            }

            IReadOnlyList<CostEstimate> estimates;
            try
            {
                estimates = CostEstimator.Estimate(new CostRequest(deployment)
                {
                    TargetQps = TargetQps,
                    PromptTokens = PromptTokens,
                    OutputTokens = OutputTokens,
                    Providers = Provider,
                    PricePerHour = PricePerHour,
                    Discount = Discount,
                    PurchasePrice = PurchasePrice,
                    PricePerKWh = PricePerKWh,
                    Utilization = Utilization,
                    HostOverheadWatts = HostOverheadWatts,
                    PowerWatts = PowerWatts,
                }, Catalog, cloud);
            }
            catch (SizingException ex)
            {
                WriteError(ErrorRecords.Create(ex, ex.ErrorId, ErrorCategory.InvalidArgument, target));
                return;
            }

            if (estimates.Count == 0)
            {
                var ex = new InvalidOperationException("No priced cloud instance" + (Provider.Length > 0 || Instance.Length > 0 ? " of those selected" : string.Empty) + " can run " + target + ".");
                WriteError(ErrorRecords.Create(ex, ErrorIds.NoFittingOption, ErrorCategory.ObjectNotFound, target,
                    "Choose a lower precision or a shorter context, or price your own hardware with -Gpu and -GpuCount (Get-DeepSeekRecommendation suggests what fits)."));
                return;
            }

            WriteObject(estimates, enumerateCollection: true);
        }

        private static bool Matches(string pattern, string instance) =>
            WildcardPattern.Get(pattern, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant).IsMatch(instance);
    }
}
