using System.Management.Automation;
using DeepSeekHw.Catalog;
using DeepSeekHw.Commands.Completers;
using DeepSeekHw.Commands.Infrastructure;
using DeepSeekHw.Launch;
using DeepSeekHw.Sizing;

namespace DeepSeekHw.Commands
{
    /// <summary>Gives the command line (or Kubernetes manifest) that starts a serving engine exactly as the deployment was sized.</summary>
    /// <remarks>
    /// <para>Get-DeepSeekLaunchConfig sizes the deployment as Get-DeepSeekSizing does (same parameters, same estimate) and
    /// turns the layout into the engine's flags: vLLM (--tensor-parallel-size, --pipeline-parallel-size,
    /// --enable-expert-parallel, --max-model-len, --max-num-seqs, --gpu-memory-utilization, --kv-cache-dtype,
    /// --quantization, --dtype), SGLang (--tp, --ep-size, --context-length, --max-running-requests,
    /// --mem-fraction-static, --kv-cache-dtype, --quantization), llama.cpp's llama-server (-m, -c for all slots, -np,
    /// -ngl, -ctk/-ctv with -fa) and an Ollama Modelfile (num_ctx, num_gpu, OLLAMA_NUM_PARALLEL). -Kubernetes wraps the
    /// vLLM, SGLang or llama.cpp command in a Deployment with GPU limits, CPU and memory by the seed guide's quota rule,
    /// shared memory and probes. The settings are also properties (TensorParallel, ContextLength, MemoryUtilization,
    /// Arguments...), and Notes say what the text cannot (a quantized checkpoint to supply, a Ray cluster for several
    /// nodes). A deployment that does not fit still gets its config, with Fits false and a note.</para>
    /// <para>Errors: ModelNotFound, GpuNotFound, NoKnownGpu, and the sizing ErrorIds; UnknownEngine for Transformers
    /// (a library, not a server).</para>
    /// </remarks>
    /// <example>
    /// <code>Get-DeepSeekLaunchConfig -Model DeepSeek-R1-Distill-Qwen-32B -Precision AWQ_INT4 -Gpu RTX-4090 -ContextLength 16384</code>
    /// <para>The vLLM command for the 32B distill in AWQ 4-bit on one RTX 4090 at 16k context.</para>
    /// </example>
    /// <example>
    /// <code>Get-DeepSeekLaunchConfig -Model DeepSeek-R1-Distill-Qwen-32B -Precision Q4_K_M -Gpu RTX-4090 -Engine llama.cpp -Concurrency 4 | Format-List Text, Notes</code>
    /// <para>The llama-server command for the same model as a GGUF file, with four parallel slots.</para>
    /// </example>
    /// <example>
    /// <code>Get-DeepSeekLaunchConfig -Model DeepSeek-V3 -Gpu H200-SXM -ContextLength 32768 -Kubernetes | ForEach-Object Text | Set-Content ./deepseek-v3.yaml</code>
    /// <para>A Kubernetes Deployment for DeepSeek-V3 on eight H200 GPUs, written to a file for kubectl apply.</para>
    /// </example>
    /// <example>
    /// <code>New-DeepSeekHardware -Gpu L40S -GpuCount 2 | Get-DeepSeekLaunchConfig -Model DeepSeek-R1-Distill-Llama-70B -Precision FP8 -Engine SGLang</code>
    /// <para>The SGLang command for the 70B distill in FP8 on a planned machine with two L40S.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "DeepSeekLaunchConfig", DefaultParameterSetName = ByGpuSet)]
    [OutputType(typeof(LaunchConfig))]
    public sealed class GetDeepSeekLaunchConfigCommand : DeploymentLayoutCmdlet, IServingParameters
    {
        private const string ByGpuSet = "ByGpu";
        private const string ByInputObjectSet = "ByInputObject";

        /// <summary>The model: a catalog name, id or alias, or a model object from Get-DeepSeekModel.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Name")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ModelNameCompleter))]
        public string Model { get; set; } = string.Empty;

        /// <summary>Weight precision: Native (default: the released weights, or under Ollama the library file `ollama run` pulls), BF16, FP16, FP8, INT8, INT4, GPTQ_INT4, AWQ_INT4, or a GGUF type (Q4_K_M, ...).</summary>
        [Parameter]
        public WeightPrecision Precision { get; set; } = WeightPrecision.Native;

        /// <summary>Serving engine: vLLM (default), SGLang, llama.cpp (default for GGUF) or Ollama.</summary>
        [Parameter]
        [ValidateEngine]
        [ArgumentCompleter(typeof(EngineNameCompleter))]
        public string? Engine { get; set; }

        /// <summary>The GPU: a catalog name, or a GPU from Get-DeepSeekGpuSpec. Omit (with no -InputObject) for CPU inference with llama.cpp or Ollama.</summary>
        [Parameter(ParameterSetName = ByGpuSet)]
        [ArgumentCompleter(typeof(GpuNameCompleter))]
        public string? Gpu { get; set; }

        /// <summary>The hardware to launch on: an inventory (Get-DeepSeekHardware, New-DeepSeekHardware) or a GPU (Get-DeepSeekGpuSpec).</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByInputObjectSet)]
        [Alias("Hardware")]
        [ValidateNotNull]
        public HardwareInventory? InputObject { get; set; }

        /// <summary>GPUs to lay the model over. Omit for the smallest count that fits (or an inventory's own count).</summary>
        [Parameter]
        public int? GpuCount { get; set; }

        /// <summary>Tokens per sequence, prompt plus output. Default: 8192, or the model's maximum if smaller; under Ollama on a known machine (-GpuCount or an inventory), the num_ctx Ollama picks itself (docs/sizing.md).</summary>
        [Parameter]
        public int? ContextLength { get; set; }

        /// <summary>Sequences in flight at once (vLLM --max-num-seqs, llama.cpp -np). Default 1.</summary>
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

        /// <summary>The checkpoint to load instead of the model's repository: a quantized repository, a local directory or a GGUF file.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ModelPath { get; set; }

        /// <summary>Writes a Kubernetes Deployment running the command (vLLM, SGLang or llama.cpp).</summary>
        [Parameter]
        public SwitchParameter Kubernetes { get; set; }

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

            if (!ResolveGpus(InputObject, Gpu, GpuCount, allowNone: true, out var gpu, out var gpuCount))
            {
                return;
            }

            try
            {
                var request = this.ToSizingRequest(model).WithLayout(this);
                request.Precision = Precision;
                request.Gpu = gpu;
                request.GpuCount = gpu is null ? null : gpuCount;
                var estimate = SizingEngine.Estimate(request);
                var config = LaunchPlanner.Plan(model, estimate, gpu, ModelPath);
                WriteObject(Kubernetes ? LaunchPlanner.Kubernetes(config, gpu, CompatibilityChecklist.Builtin) : config);
            }
            catch (SizingException ex)
            {
                WriteError(ErrorRecords.Create(ex, ex.ErrorId, ErrorCategory.InvalidArgument, model.Name + " " + Precision));
            }
        }
    }
}
