using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using DeepSeekHw.Advice;
using DeepSeekHw.Catalog;
using DeepSeekHw.Commands.Completers;
using DeepSeekHw.Commands.Infrastructure;
using DeepSeekHw.Cost;
using DeepSeekHw.Inventory;
using DeepSeekHw.Readiness;
using DeepSeekHw.Sizing;

namespace DeepSeekHw.Commands
{
    /// <summary>Says what to do to run a DeepSeek model on a machine: the configuration that fits, its tuning, and the remedies for what readiness found.</summary>
    /// <remarks>
    /// <para>Get-DeepSeekRecommendation takes the deployment (the sizing parameters) and the hardware (this machine by
    /// default; an inventory from Get-DeepSeekHardware or New-DeepSeekHardware, a seed tier from Get-DeepSeekProfile, or
    /// readiness checks from Test-DeepSeekReadiness, from the pipeline; or a GPU named with -Gpu) and writes DeepSeekHw.Recommendation objects,
    /// Priority 1 first. Each has a Category, a Title, the Rationale with the numbers it rests on, the Action (a command
    /// line where there is one), the ExpectedEffect computed for this deployment, and its Source, which says where a seed
    /// guide's figure is wrong.</para>
    /// <para>First comes the configuration to run: the deployment as asked when it fits; otherwise what fits, least change
    /// first: an 8-bit KV cache (FP8, or q8_0 with llama.cpp) or a higher memory fraction, fewer sequences or a shorter
    /// context, an 8-bit, 4-bit (AWQ with vLLM, Q4_K_M with llama.cpp) or smaller GGUF precision, more of the same GPU,
    /// then other GPUs to rent or buy, cheapest first. A machine without a GPU big enough gets a CPU path: the model or the
    /// largest distill of its line as a GGUF with llama.cpp, with tokens per second from system-memory bandwidth, and on a
    /// small GPU llama.cpp with part of the model in RAM (-ngl, or --n-cpu-moe for DeepSeek's mixture-of-experts models).
    /// Each configuration carries its sizing (Configuration) and launch settings (Launch), the same as Get-DeepSeekSizing
    /// and Get-DeepSeekLaunchConfig give.</para>
    /// <para>Then the remedies of failing readiness checks, the tuning items computed for the configuration (FP8 and 4-bit
    /// weights, an FP8 KV cache, continuous batching, FlashAttention, the limits to lower to on out-of-memory, gradient
    /// checkpointing, ZeRO-3 and CPU offload for fine-tuning, the fabric for layouts over several nodes), and the remedies
    /// of warnings.</para>
    /// <para>Errors: ModelNotFound, GpuNotFound, NoKnownGpu, NoFittingOption, and the sizing ErrorIds.</para>
    /// </remarks>
    /// <example>
    /// <code>New-DeepSeekHardware -Gpu H100-SXM -GpuCount 8 | Get-DeepSeekRecommendation -Model DeepSeek-V3</code>
    /// <para>DeepSeek-V3 in FP8 does not fit one 8 x H100 node: what fits instead, first what runs on that node.</para>
    /// </example>
    /// <example>
    /// <code>Get-DeepSeekRecommendation -Model DeepSeek-R1-Distill-Qwen-32B -Gpu RTX-4090 -GpuCount 1 | Select-Object -First 2 | Format-List Title, Action, ExpectedEffect</code>
    /// <para>A 4-bit plan for the 32B distill on one RTX 4090, with the vLLM and llama.cpp command lines.</para>
    /// </example>
    /// <example>
    /// <code>Get-DeepSeekHardware -FactsPath ./fleet/vm.facts.json | Get-DeepSeekRecommendation -Model DeepSeek-R1 -Category CpuInference</code>
    /// <para>What a machine without a GPU can run of DeepSeek-R1's line, and how fast.</para>
    /// </example>
    /// <example>
    /// <code>Test-DeepSeekReadiness -Model DeepSeek-R1-Distill-Qwen-7B | Get-DeepSeekRecommendation</code>
    /// <para>Readiness on this machine, then what to run and what to fix, from its checks.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "DeepSeekRecommendation", DefaultParameterSetName = ThisMachineSet)]
    [OutputType(typeof(Recommendation))]
    public sealed class GetDeepSeekRecommendationCommand : DeepSeekCmdlet, IWorkloadParameters
    {
        private const string ThisMachineSet = "ThisMachine";
        private const string ByGpuSet = "ByGpu";
        private const string ByInputObjectSet = "ByInputObject";

        private readonly List<ReadinessCheck> _checks = new List<ReadinessCheck>();
        private HardwareInventory? _thisMachine;

        /// <summary>The model: a catalog name, id or alias. Taken from piped readiness checks when not given.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ModelNameCompleter))]
        public string? Model { get; set; }

        /// <summary>Weight precision asked for: Native (default: the released weights, or under Ollama the library file `ollama run` pulls), BF16, FP16, FP8, INT8, INT4, GPTQ_INT4, AWQ_INT4, or a GGUF type.</summary>
        [Parameter]
        public WeightPrecision Precision { get; set; } = WeightPrecision.Native;

        /// <summary>Serving engine: vLLM (default), SGLang, llama.cpp (default for GGUF), Ollama or Transformers.</summary>
        [Parameter]
        [ValidateEngine]
        [ArgumentCompleter(typeof(EngineNameCompleter))]
        public string? Engine { get; set; }

        /// <summary>Tokens per sequence, prompt plus output. Default: 8192, or the model's maximum if smaller; under Ollama on a known machine (-GpuCount or an inventory), the num_ctx Ollama picks itself (docs/sizing.md).</summary>
        [Parameter]
        public int? ContextLength { get; set; }

        /// <summary>
        /// Prompt tokens per sequence, at most -ContextLength (the rest is output), as for Get-DeepSeekSizing. Default: the
        /// whole context. Transformers' prefill activations follow the prompt; a shorter context it recommends keeps the
        /// prompt within it.
        /// </summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int? PromptLength { get; set; }

        /// <summary>Sequences in flight at once. Default 1.</summary>
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

        /// <summary>Inference (default), LoRA, QLoRA or FullFineTune.</summary>
        [Parameter]
        public SizingWorkload Workload { get; set; } = SizingWorkload.Inference;

        /// <summary>Training: DeepSpeed ZeRO stage 0-3.</summary>
        [Parameter]
        public int ZeroStage { get; set; }

        /// <summary>Training: recompute activations in the backward pass.</summary>
        [Parameter]
        public SwitchParameter GradientCheckpointing { get; set; }

        /// <summary>Training: keep optimizer states in CPU memory.</summary>
        [Parameter]
        public SwitchParameter CpuOffload { get; set; }

        /// <summary>A GPU to advise on without an inventory: a catalog name or a GPU from Get-DeepSeekGpuSpec.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByGpuSet)]
        [ArgumentCompleter(typeof(GpuNameCompleter))]
        public string? Gpu { get; set; }

        /// <summary>GPUs the machine has (or would have). Default: the inventory's own count, or 1 with -Gpu.</summary>
        [Parameter]
        public int? GpuCount { get; set; }

        /// <summary>An inventory (Get-DeepSeekHardware, New-DeepSeekHardware), a seed profile (Get-DeepSeekProfile: each GPU option as a what-if machine) or readiness checks (Test-DeepSeekReadiness), live or deserialized.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByInputObjectSet)]
        [ValidateNotNull]
        public PSObject? InputObject { get; set; }

        /// <summary>System memory bandwidth in GB/s for CPU inference (measure with a STREAM-like benchmark). Default: assumed from the CPU.</summary>
        [Parameter]
        [ValidateRange(1, 100_000)]
        public double? CpuMemoryBandwidthGBps { get; set; }

        /// <summary>Only these categories: Deployment, Hardware, CpuInference, Context, Concurrency, KvCache, Precision, Attention, Batching, Engine, FineTuning, Network, Remedy.</summary>
        [Parameter]
        [ValidateSet("Deployment", "Hardware", "CpuInference", "Context", "Concurrency", "KvCache", "Precision", "Attention", "Batching", "Engine", "FineTuning", "Network", "Remedy", IgnoreCase = true)]
        public string[]? Category { get; set; }

        /// <summary>Seconds each inventory tool may run when this machine is collected. Default 15.</summary>
        [Parameter]
        [ValidateRange(1, 600)]
        public int TimeoutSec { get; set; } = 15;

        /// <summary>Sizes a context longer than the model's configured maximum instead of refusing it.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            if (InputObject is null)
            {
                return;
            }

            if (ProfileOf(InputObject) is { } profile)
            {
                // A seed tier is a what-if machine: each of its GPU options with the tier's RAM and cores.
                foreach (var option in profile.GpuOptions)
                {
                    if (Catalog.FindGpu(option.Gpu) is { } gpu)
                    {
                        var machine = new WhatIfMachine(gpu, option.Count) { ComputerName = profile.Name + " (" + option + ")", MemoryBytes = profile.MinMemoryBytes, CpuCores = profile.MinCpuCores };
                        Advise(machine.ToInventory(), Model, checks: null);
                    }
                }

                return;
            }

            var piped = new ResultSet();
            if (!piped.Add(InputObject))
            {
                WriteError(ErrorRecords.Create(new PSArgumentException("Get-DeepSeekRecommendation takes inventories, profiles and readiness checks; this is a " + InputObject.TypeNames.FirstOrDefault() + "."),
                    ErrorIds.InputObjectNotSupported, ErrorCategory.InvalidType, InputObject));
                return;
            }

            foreach (var inventory in piped.Inventories)
            {
                Advise(inventory, Model, checks: null);
            }

            _checks.AddRange(piped.Checks);
        }

        protected override void EndProcessing()
        {
            if (ParameterSetName == ThisMachineSet)
            {
                Advise(ThisMachine(), Model, checks: null);
                return;
            }

            if (ParameterSetName == ByGpuSet)
            {
                Advise(null, Model, checks: null);
                return;
            }

            // Readiness checks: advice per machine; this machine's configurations come from its own inventory, another's
            // need its inventory piped (the checks do not carry one).
            foreach (var machine in _checks.GroupBy(c => c.ComputerName, StringComparer.OrdinalIgnoreCase))
            {
                var local = ThisMachine();
                var inventory = string.Equals(machine.Key, local.ComputerName, StringComparison.OrdinalIgnoreCase) ? local : null;
                if (inventory is null)
                {
                    WriteWarning("The readiness checks of '" + machine.Key + "' give its remedies only: pipe its inventory (Get-DeepSeekHardware -HostName " + machine.Key + ") for the configurations that fit.");
                }

                Advise(inventory, Model ?? machine.Select(c => c.Model).FirstOrDefault(m => !string.IsNullOrEmpty(m)), machine.ToList(), machine.Key);
            }
        }

        private static HardwareProfile? ProfileOf(PSObject value) =>
            value.BaseObject as HardwareProfile
            ?? (value.TypeNames.FirstOrDefault() == "Deserialized." + typeof(HardwareProfile).FullName && value.Properties["Name"]?.Value is string name ? ProfileCatalog.Find(name) : null);

        private HardwareInventory ThisMachine() =>
            _thisMachine ??= InventoryParser.Interpret(LocalFacts.Collect(TimeoutSec, WriteVerbose), Catalog);

        private void Advise(HardwareInventory? inventory, string? modelName, IReadOnlyList<ReadinessCheck>? checks, string? computerName = null)
        {
            var model = string.IsNullOrEmpty(modelName) ? null : Catalog.FindModel(modelName!);
            if (model is null)
            {
                WriteError(ModelNotFound(modelName ?? "(none given)"));
                return;
            }

            GpuSpec? gpu = null;
            int? count = GpuCount;
            if (inventory != null || ParameterSetName == ByGpuSet)
            {
                if (!ResolveGpus(inventory, Gpu, GpuCount, allowNone: true, out gpu, out count))
                {
                    return;
                }
            }

            var deployment = this.ToSizingRequest(model);
            deployment.Precision = Precision;
            deployment.Gpu = gpu;
            deployment.GpuCount = gpu is null ? null : count ?? 1;
            var target = model.Name + " " + Precision;
            try
            {
                var advice = inventory is null && gpu is null
                    ? Recommender.Remedies(checks ?? Array.Empty<ReadinessCheck>())
                    : Recommender.Recommend(new RecommendationRequest(deployment)
                    {
                        PrecisionGiven = MyInvocation.BoundParameters.ContainsKey(nameof(Precision)),
                        Inventory = inventory,
                        Checks = checks,
                        CpuMemoryBandwidthBytesPerSecond = CpuMemoryBandwidthGBps is double gbps ? (long)(gbps * 1e9) : (long?)null,
                        ComputerName = inventory?.ComputerName ?? computerName ?? string.Empty,
                    }, Catalog, CompatibilityChecklist.Builtin, CloudCatalog.Builtin);
                if (advice.Count == 0 && checks is null)
                {
                    var ex = new InvalidOperationException("Nothing found that runs " + target + " on this hardware, and the RAM is unknown for a CPU path.");
                    WriteError(ErrorRecords.Create(ex, ErrorIds.NoFittingOption, ErrorCategory.ObjectNotFound, target,
                        "Pipe an inventory (Get-DeepSeekHardware or New-DeepSeekHardware -MemoryGB) so the advice knows the RAM."));
                    return;
                }

                WriteObject(advice.Where(a => Category is null || Category.Contains(a.Category, StringComparer.OrdinalIgnoreCase)), enumerateCollection: true);
            }
            catch (SizingException ex)
            {
                WriteError(ErrorRecords.Create(ex, ex.ErrorId, ErrorCategory.InvalidArgument, target));
            }
        }
    }
}
