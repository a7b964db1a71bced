using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using DeepSeekHw.Facts;
using DeepSeekHw.Catalog;
using DeepSeekHw.Commands.Completers;
using DeepSeekHw.Commands.Infrastructure;
using DeepSeekHw.Inventory;
using DeepSeekHw.Readiness;
using DeepSeekHw.Sizing;

namespace DeepSeekHw.Commands
{
    /// <summary>Checks whether a machine can run a DeepSeek model (or meets a hardware tier), check by check, with what to fix.</summary>
    /// <remarks>
    /// <para>Test-DeepSeekReadiness joins the machine's inventory, the sizing of the deployment on its GPUs and the
    /// versioned compatibility checklist (docs/compatibility.md), and writes one ReadinessCheck per check: GPU presence,
    /// vendor, per-GPU memory and GPU count against the sizing (never pooled memory), compute capability for the
    /// precision, MIG, ECC, memory in use, persistence mode, NVLink when tensor parallel, NVIDIA driver against the CUDA
    /// build of PyTorch (NVIDIA's table; the seed guide's lines are reported as warnings beside it), ROCm against the AMD
    /// GPU, PyTorch, TensorFlow, the serving engine, FlashMLA, host RAM and CPU rules, disk space and NVMe, and the
    /// multi-node fabric. Status is Pass, Warning, Fail, NotApplicable, or Unknown when a fact is missing.</para>
    /// <para>Without -InputObject it collects this machine (as Get-DeepSeekHardware does), or the machines named by
    /// -ComputerName (WinRM), -HostName (SSH) or -Session, where a collector script runs with nothing installed and the
    /// facts are judged here; each machine that cannot be collected is one error (RemoteConnectionFailed,
    /// RemoteAccessDenied, RemoteCollectorFailed, FactsInvalid) and the rest go on. Piped inventories may be live,
    /// replayed with Get-DeepSeekHardware -FactsPath, deserialized from Invoke-Command or Import-Clixml, or what-if
    /// machines from New-DeepSeekHardware; a GPU piped from Get-DeepSeekGpuSpec is tested as a machine with one of it.
    /// -Profile tests against a seed tier, by name or piped from Get-DeepSeekProfile.</para>
    /// <para>Errors: ModelNotFound (terminating), ProfileNotFound (terminating for -Profile, per object when piped), and
    /// the sizing ErrorIds for bad -ContextLength, -PromptLength, -Concurrency or -Precision. An object that is neither hardware nor a
    /// profile is refused by parameter binding (InputObjectNotBound).</para>
    /// </remarks>
    /// <example>
    /// <code>Test-DeepSeekReadiness -Model DeepSeek-R1-Distill-Qwen-32B -Precision AWQ_INT4 -ContextLength 32768</code>
    /// <para>Tests this machine for the 32B distill in AWQ 4-bit at 32k context; failures carry a remediation.</para>
    /// </example>
    /// <example>
    /// <code>Test-DeepSeekReadiness -ComputerName (Get-Content gpu-nodes.txt) -Model DeepSeek-V3 -Summary</code>
    /// <para>Audits a fleet over WinRM with nothing installed on the servers: one ReadinessSummary per server (Ready, NotReady or Undetermined, the hardware verdict, the checks that block it, the widest precision that fits), and one error per server that could not be reached. -HostName does the same over SSH, -Session through open sessions.</para>
    /// </example>
    /// <example>
    /// <code>New-DeepSeekHardware -Gpu A100-SXM4-80GB -GpuCount 2 -Interconnect NVLink | Test-DeepSeekReadiness -Model DeepSeek-R1-Distill-Llama-70B -ContextLength 32768</code>
    /// <para>Asks whether two A100 80 GB would run the 70B distill at 32k context before buying them.</para>
    /// </example>
    /// <example>
    /// <code>if (Test-DeepSeekReadiness -Model DeepSeek-R1-Distill-Qwen-7B -Quiet) { vllm serve deepseek-ai/DeepSeek-R1-Distill-Qwen-7B }</code>
    /// <para>Gates a deployment script on a bare boolean: $true only when the verdict is Ready, so a failed check or an unknown deciding fact (no driver found, say) stops it.</para>
    /// </example>
    /// <example>
    /// <code>Get-DeepSeekProfile -Name Basic-* | Test-DeepSeekReadiness -Summary</code>
    /// <para>Checks this machine against each Basic tier of the seed guide, one summary per tier.</para>
    /// </example>
    /// <example>
    /// <code>Test-DeepSeekReadiness -Profile Pro -IncludeCheck GPU.*,System.*</code>
    /// <para>Checks this machine against the seed guide's Pro tier, GPU and system checks only.</para>
    /// </example>
    [Cmdlet(VerbsDiagnostic.Test, "DeepSeekReadiness", DefaultParameterSetName = ModelSet)]
    [OutputType(typeof(ReadinessCheck), typeof(ReadinessSummary), typeof(bool))]
    public sealed class TestDeepSeekReadinessCommand : DeepSeekCmdlet, IRemoteParameters, ILayoutParameters, IWorkloadParameters
    {
        private const string ModelSet = "Model";
        private const string ProfileSet = "Profile";

        private ModelSpec? _model;
        private HardwareProfile? _profile;
        private string? _profileArgument;
        private HardwareInventory? _thisMachine;
        private RemoteTarget? _remote;
        private List<HardwareInventory>? _remoteMachines;
        private bool _tested;

        /// <summary>The model to deploy: a catalog name, id or alias.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ModelSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ModelNameCompleter))]
        public string Model { get; set; } = string.Empty;

        /// <summary>A seed tier or edition to test against instead of a model: its name, or a profile piped from Get-DeepSeekProfile.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ProfileSet)]
        [ProfileNameTransformation]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ProfileNameCompleter))]
        public string Profile { get; set; } = string.Empty;

        /// <summary>Weight precision: Native (default: the released weights, or under Ollama the library file `ollama run` pulls), FP32, BF16, FP16, FP8, INT8, INT4, GPTQ_INT4, AWQ_INT4 or a GGUF type (Q4_K_M, ...).</summary>
        [Parameter(ParameterSetName = ModelSet)]
        public WeightPrecision Precision { get; set; } = WeightPrecision.Native;

        /// <summary>Tokens per sequence, prompt plus output. Default: 8192, or the model's maximum if smaller; under Ollama on a known machine (-GpuCount or an inventory), the num_ctx Ollama picks itself (docs/sizing.md).</summary>
        [Parameter(ParameterSetName = ModelSet)]
        public int? ContextLength { get; set; }

        /// <summary>
        /// Prompt tokens per sequence, at most -ContextLength (the rest is output), as for Get-DeepSeekSizing. Default: the
        /// whole context. Transformers' prefill activations follow the prompt, the KV cache the whole context.
        /// </summary>
        [Parameter(ParameterSetName = ModelSet)]
        [ValidateRange(1, int.MaxValue)]
        public int? PromptLength { get; set; }

        /// <summary>Sequences in flight at once. Default 1.</summary>
        [Parameter(ParameterSetName = ModelSet)]
        public int Concurrency { get; set; } = 1;

        /// <summary>Inference (default), LoRA, QLoRA or FullFineTune.</summary>
        [Parameter(ParameterSetName = ModelSet)]
        public SizingWorkload Workload { get; set; } = SizingWorkload.Inference;

        /// <summary>Serving engine: vLLM (default), SGLang, llama.cpp (default for GGUF), Ollama or Transformers.</summary>
        [Parameter(ParameterSetName = ModelSet)]
        [ValidateEngine]
        [ArgumentCompleter(typeof(EngineNameCompleter))]
        public string? Engine { get; set; }

        /// <summary>Group size of INT4, GPTQ and AWQ scales (32, 64, 128 or 256), as for Get-DeepSeekSizing.</summary>
        [Parameter(ParameterSetName = ModelSet)]
        public int GroupSize { get; set; } = 128;

        /// <summary>KV-cache element type: Auto (the engine's default), BF16, FP16 or FP8, as for Get-DeepSeekSizing.</summary>
        [Parameter(ParameterSetName = ModelSet)]
        public KvCacheType KvCacheType { get; set; } = KvCacheType.Auto;

        /// <summary>Transformers' attention implementation (-Engine Transformers, and training): Auto (SDPA), Eager, Sdpa or FlashAttention2, as for Get-DeepSeekSizing.</summary>
        [Parameter(ParameterSetName = ModelSet)]
        public AttentionImplementation AttentionImplementation { get; set; } = AttentionImplementation.Auto;

        /// <summary>Tensor-parallel degree of the layout to check, as you launch it. Omit the layout parameters for the smallest layout that fits.</summary>
        [Parameter(ParameterSetName = ModelSet)]
        [ValidateRange(1, 65536)]
        public int? TensorParallel { get; set; }

        /// <summary>Pipeline stages of the layout to check.</summary>
        [Parameter(ParameterSetName = ModelSet)]
        [ValidateRange(1, 65536)]
        public int? PipelineParallel { get; set; }

        /// <summary>Data-parallel ranks of the layout to check (GPUs = TP x PP x DP).</summary>
        [Parameter(ParameterSetName = ModelSet)]
        [ValidateRange(1, 65536)]
        public int? DataParallel { get; set; }

        /// <summary>GPUs the routed experts are spread over: the tensor-parallel group (default) or TP x DP.</summary>
        [Parameter(ParameterSetName = ModelSet)]
        [ValidateRange(1, 65536)]
        public int? ExpertParallel { get; set; }

        /// <summary>MLA attention data-parallel over the DP ranks: each rank caches only its own sequences' latents.</summary>
        [Parameter(ParameterSetName = ModelSet)]
        public SwitchParameter DataParallelAttention { get; set; }

        /// <summary>
        /// Speculative decoding with the MTP layer of DeepSeek-V3/R1 (vLLM deepseek_mtp, SGLang EAGLE): its weights and KV
        /// cache are loaded, and each step yields about 1.85 tokens with one draft (85% acceptance of the drafted token).
        /// </summary>
        [Parameter(ParameterSetName = ModelSet)]
        public SwitchParameter MultiTokenPrediction { get; set; }

        /// <summary>
        /// Tokens the MTP layer drafts per step, 1 to 3 (vLLM num_speculative_tokens, SGLang --speculative-num-steps; SGLang
        /// defaults to 3): each draft is one more pass of the MTP layer and one more token verified per sequence; 3 drafts
        /// yield about 2.6 tokens a step. Implies -MultiTokenPrediction. Default: 1.
        /// </summary>
        [Parameter(ParameterSetName = ModelSet)]
        [ValidateRange(1, SizingEngine.MaxSpeculativeTokens)]
        public int? SpeculativeTokens { get; set; }

        /// <summary>Fraction of each GPU the engine may use (vLLM's --gpu-memory-utilization). Default: the engine's own.</summary>
        [Parameter(ParameterSetName = ModelSet)]
        public double? MemoryUtilization { get; set; }

        /// <summary>Training: DeepSpeed ZeRO stage 0-3.</summary>
        [Parameter(ParameterSetName = ModelSet)]
        public int ZeroStage { get; set; }

        /// <summary>Training: recompute activations in the backward pass.</summary>
        [Parameter(ParameterSetName = ModelSet)]
        public SwitchParameter GradientCheckpointing { get; set; }

        /// <summary>Training: keep optimizer states in CPU memory (DeepSpeed offload).</summary>
        [Parameter(ParameterSetName = ModelSet)]
        public SwitchParameter CpuOffload { get; set; }

        /// <summary>Tests a context longer than the model's configured maximum instead of refusing it.</summary>
        [Parameter(ParameterSetName = ModelSet)]
        public SwitchParameter Force { get; set; }

        /// <summary>Machines to test: inventories from Get-DeepSeekHardware (live, replayed or deserialized from remoting) or New-DeepSeekHardware, or a GPU from Get-DeepSeekGpuSpec (one of it). Default: this machine.</summary>
        [Parameter(ValueFromPipeline = true)]
        [Alias("Hardware")]
        [ValidateNotNull]
        public HardwareInventory? InputObject { get; set; }

        /// <summary>Check ids to keep (wildcards: GPU.*, Driver.*).</summary>
        [Parameter]
        [ArgumentCompleter(typeof(CheckIdCompleter))]
        public string[]? IncludeCheck { get; set; }

        /// <summary>Check ids to leave out (wildcards).</summary>
        [Parameter]
        [ArgumentCompleter(typeof(CheckIdCompleter))]
        public string[]? ExcludeCheck { get; set; }

        /// <summary>Writes only $true or $false per machine: $true only when the verdict is Ready (no check failed and no check that decides whether the model runs is Unknown).</summary>
        [Parameter]
        public SwitchParameter Quiet { get; set; }

        /// <summary>Writes one ReadinessSummary per machine instead of the checks.</summary>
        [Parameter]
        public SwitchParameter Summary { get; set; }

        /// <summary>Seconds each native tool may run when this machine, or each remote one, is collected (default 15).</summary>
        [Parameter]
        [ValidateRange(1, 600)]
        public int TimeoutSec { get; set; } = 15;

        /// <summary>Machines to test over WinRM remoting, with nothing installed on them: their facts are collected there and judged here.</summary>
        [Parameter]
        [Alias("Cn")]
        [ValidateNotNullOrEmpty]
        public string[]? ComputerName { get; set; }

        /// <summary>Machines to test over SSH remoting (PowerShell 7 on both ends), with nothing installed on them.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? HostName { get; set; }

        /// <summary>Open sessions (New-PSSession) to test through.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public PSSession[]? Session { get; set; }

        /// <summary>The account for WinRM remoting.</summary>
        [Parameter]
        [Credential]
        public PSCredential? Credential { get; set; }

        /// <summary>The WinRM authentication mechanism.</summary>
        [Parameter]
        public AuthenticationMechanism Authentication { get; set; } = AuthenticationMechanism.Default;

        /// <summary>Uses HTTPS for WinRM.</summary>
        [Parameter]
        public SwitchParameter UseSSL { get; set; }

        /// <summary>The user for SSH remoting.</summary>
        [Parameter]
        public string? UserName { get; set; }

        /// <summary>The private key for SSH remoting.</summary>
        [Parameter]
        [Alias("IdentityFilePath")]
        public string? KeyFilePath { get; set; }

        /// <summary>ssh options for SSH remoting, e.g. @{ StrictHostKeyChecking = 'accept-new' }.</summary>
        [Parameter]
        public System.Collections.Hashtable? SSHOption { get; set; }

        /// <summary>The WinRM or SSH port.</summary>
        [Parameter]
        [ValidateRange(1, 65535)]
        public int Port { get; set; }

        /// <summary>How many machines are collected at once (default 32).</summary>
        [Parameter]
        [ValidateRange(1, 4096)]
        public int ThrottleLimit { get; set; } = 32;

        protected override void BeginProcessing()
        {
            if (new object?[] { ComputerName, HostName, Session }.Count(x => x != null) > 1)
            {
                ThrowTerminatingError(ErrorRecords.Create(new PSArgumentException("Give the machines one way: -ComputerName (WinRM), -HostName (SSH) or -Session."), ErrorIds.ParameterConflict, ErrorCategory.InvalidArgument, null));
            }

            foreach (var pattern in (IncludeCheck ?? Array.Empty<string>()).Concat(ExcludeCheck ?? Array.Empty<string>()))
            {
                try
                {
                    _ = WildcardPattern.Get(pattern, WildcardOptions.IgnoreCase).IsMatch(string.Empty);
                }
                catch (WildcardPatternException ex)
                {
                    ThrowTerminatingError(InvalidPattern(ex, pattern));
                }
            }

            if (ParameterSetName == ModelSet)
            {
                _model = Catalog.FindModel(Model);
                if (_model is null)
                {
                    ThrowTerminatingError(ModelNotFound(Model));
                }
            }
            else if (MyInvocation.BoundParameters.ContainsKey(nameof(Profile)))
            {
                _profile = ProfileCatalog.Find(Profile);
                if (_profile is null)
                {
                    ThrowTerminatingError(ProfileNotFound(Profile));
                }

                _profileArgument = Profile;
            }
        }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ProfileSet && !string.Equals(_profileArgument, Profile, System.StringComparison.Ordinal))
            {
                _profileArgument = Profile;
                _profile = ProfileCatalog.Find(Profile); // piped profiles change per record
                if (_profile is null)
                {
                    WriteError(ProfileNotFound(Profile));
                }
            }

            if (ParameterSetName == ProfileSet && _profile is null)
            {
                return;
            }

            if (InputObject != null)
            {
                if (Remote.IsRemote)
                {
                    ThrowTerminatingError(ErrorRecords.Create(new PSArgumentException("Give the machines one way: -InputObject, or -ComputerName, -HostName or -Session."), ErrorIds.ParameterConflict, ErrorCategory.InvalidArgument, InputObject));
                }

                Test(InputObject);
            }
            else if (MyInvocation.ExpectingInput)
            {
                TestMachines(); // profiles piped from Get-DeepSeekProfile, tested on this machine or the remote ones
            }
        }

        protected override void EndProcessing()
        {
            if (!_tested && !MyInvocation.ExpectingInput)
            {
                TestMachines();
            }
        }

        private RemoteTarget Remote => _remote ??= RemoteTarget.From(this, MyInvocation);

        // This machine, or each remote one as its facts arrive (collected once, then reused for every piped profile).
        private void TestMachines()
        {
            if (!Remote.IsRemote)
            {
                Test(ThisMachine());
                return;
            }

            if (_remoteMachines != null)
            {
                _remoteMachines.ForEach(Test);
                return;
            }

            _remoteMachines = new List<HardwareInventory>();
            RemoteFacts.Collect(this, Remote, TimeoutSec, includeIdentifiers: false, FactBundleJson.DefaultMaxBundleBytes, bundle =>
            {
                HardwareInventory inventory;
                try
                {
                    inventory = InventoryParser.Interpret(bundle, Catalog);
                }
#pragma warning disable CA1031 // untrusted input: one bad bundle costs one error, never the fleet run
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    WriteError(ErrorRecords.Create(new FactBundleException("The bundle could not be interpreted: " + ex.Message, ex), ErrorIds.FactsInvalid, ErrorCategory.InvalidData, bundle.ComputerName));
                    return;
                }

                foreach (var warning in inventory.Warnings)
                {
                    WriteVerbose(inventory.ComputerName + ": " + warning);
                }

                _remoteMachines.Add(inventory);
                Test(inventory);
            });
        }

        private HardwareInventory ThisMachine()
        {
            if (_thisMachine is null)
            {
                _thisMachine = InventoryParser.Interpret(LocalFacts.Collect(TimeoutSec, WriteVerbose), Catalog);
                foreach (var warning in _thisMachine.Warnings)
                {
                    WriteVerbose(warning.ToString());
                }
            }

            return _thisMachine;
        }

        private SizingRequest Deployment(ModelSpec model)
        {
            var request = this.ToSizingRequest(model).WithLayout(this);
            request.Precision = Precision;
            request.AttentionImplementation = AttentionImplementation;
            return request;
        }

        private void Test(HardwareInventory inventory)
        {
            _tested = true;
            var request = _model != null
                ? new ReadinessRequest(inventory, Deployment(_model))
                : new ReadinessRequest(inventory, _profile!);
            ReadinessAssessment assessment;
            try
            {
                assessment = ReadinessEngine.Assess(request, Catalog, CompatibilityChecklist.Builtin);
            }
            catch (SizingException ex)
            {
                WriteError(ErrorRecords.Create(ex, ex.ErrorId, ErrorCategory.InvalidArgument, Model));
                return;
            }

            var kept = assessment.Checks.Where(c => Keep(c.CheckId)).ToList();
            if (Quiet)
            {
                WriteObject(assessment.Summarize(kept).Ready);
            }
            else if (Summary)
            {
                WriteObject(assessment.Summarize(kept));
            }
            else
            {
                WriteObject(kept, enumerateCollection: true);
            }
        }

        private bool Keep(string checkId)
        {
            static bool Matches(string[]? patterns, string id) =>
                patterns != null && patterns.Any(p => WildcardPattern.Get(p, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant).IsMatch(id));

            return (IncludeCheck is null || Matches(IncludeCheck, checkId)) && !Matches(ExcludeCheck, checkId);
        }
    }
}
