using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using DeepSeekHw.Commands.Completers;
using DeepSeekHw.Commands.Infrastructure;
using DeepSeekHw.Sizing;

namespace DeepSeekHw.Commands
{
    /// <summary>Estimates memory per GPU, GPUs needed, parallel layout and speed for a DeepSeek model.</summary>
    /// <remarks>
    /// <para>Get-DeepSeekSizing computes, from the model's architecture, the weights in the chosen precision (quantization
    /// scales included), the KV cache per token (one latent per token and layer for DeepSeek-V2/V3's multi-head latent
    /// attention, K and V per KV head for the GQA distills), activations, and each engine's own memory reserve. Memory
    /// is budgeted per GPU, never pooled: weights divided by tensor parallelism plus what every rank replicates (the MLA
    /// latent cache, the MLA down-projections), the KV cache of that rank, activations of one step, CUDA context and NCCL.</para>
    /// <para>With -Gpu and no -GpuCount it answers the smallest layout that fits: the smallest tensor-parallel degree (a
    /// power of two that divides the attention heads and experts), then pipeline stages across 8-GPU nodes. It also gives
    /// the longest context and the most sequences that fit, and decode, prefill and time-to-first-token estimates:
    /// decode is bounded by memory bandwidth over the bytes each step reads (active weights on a rank, the KV cache) with
    /// a per-layer latency floor; prefill by dense tensor throughput. Every default and efficiency factor is listed in
    /// the estimate's Assumptions.</para>
    /// <para>Several -Precision values give one estimate each. Bad input writes a non-terminating error with a stable
    /// ErrorId: ModelNotFound, GpuNotFound, InvalidContextLength, InvalidPromptLength, ContextLengthExceedsModel, InvalidConcurrency,
    /// InvalidGpuCount, InvalidMemoryUtilization, PrecisionNotSupported, InvalidLayout.</para>
    /// <para>-TensorParallel, -PipelineParallel, -DataParallel, -ExpertParallel and -DataParallelAttention size exactly the
    /// layout you launch (GPUs = TP x PP x DP): data-parallel ranks each hold their share of the sequences; with
    /// -DataParallelAttention (MLA models) the latent cache is no longer replicated by tensor parallelism, and the routed
    /// experts are spread over TP x DP GPUs while attention weights are replicated on each rank.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-DeepSeekSizing -Model DeepSeek-R1-Distill-Qwen-32B -Precision BF16,FP8,AWQ_INT4 -Gpu H100-SXM</code>
    /// <para>Compares three precisions on H100 SXM GPUs in one table: GPUs needed, memory per GPU, longest context, tokens per second.</para>
    /// </example>
    /// <example>
    /// <code>Get-DeepSeekSizing -Model DeepSeek-V3 -Gpu H200 -ContextLength 8192 -Concurrency 16 | Format-List *</code>
    /// <para>Sizes DeepSeek-V3 in its native FP8 on H200s and shows every figure with the assumptions behind it.</para>
    /// </example>
    /// <example>
    /// <code>Get-DeepSeekModel -Name *Distill* | Get-DeepSeekSizing -Precision Q4_K_M -Engine llama.cpp -Gpu RTX-4090</code>
    /// <para>Sizes every R1 distill as a Q4_K_M GGUF under llama.cpp on RTX 4090 cards.</para>
    /// </example>
    /// <example>
    /// <code>Get-DeepSeekSizing -Model DeepSeek-R1-Distill-Llama-8B -Workload QLoRA -Gpu L4 -ContextLength 4096 -Concurrency 4</code>
    /// <para>Estimates QLoRA fine-tuning memory and throughput on L4 GPUs.</para>
    /// </example>
    /// <example>
    /// <code>Get-DeepSeekHardware | Get-DeepSeekSizing -Model DeepSeek-R1-Distill-Qwen-32B -Precision BF16,AWQ_INT4</code>
    /// <para>Sizes the model on the GPUs this machine has (their catalog entry and count), at two precisions.</para>
    /// </example>
    /// <example>
    /// <code>Get-DeepSeekGpuSpec -Name H100-SXM, H200, MI300X | Get-DeepSeekSizing -Model DeepSeek-V3 -ContextLength 32768</code>
    /// <para>Compares three GPUs for DeepSeek-V3 at 32k context: how many of each, over how many servers.</para>
    /// </example>
    /// <example>
    /// <code>Get-DeepSeekSizing -Model DeepSeek-V3 -Gpu H200-SXM -TensorParallel 1 -DataParallel 8 -DataParallelAttention -Concurrency 256 -ContextLength 8192</code>
    /// <para>Sizes DeepSeek-V3 with data-parallel attention over 8 H200s (SGLang --tp 8 --dp 8 --enable-dp-attention): how many more sequences fit than with plain TP8.</para>
    /// </example>
    /// <example>
    /// <code>Get-DeepSeekSizing -GgufPath ./DeepSeek-R1-Distill-Qwen-32B-Q4_K_M.gguf -Gpu RTX-4090 -ContextLength 16384</code>
    /// <para>Sizes the GGUF file you downloaded, from its header: exact weight bytes of its tensor mix, and the architecture without -Model.</para>
    /// </example>
    /// <example>
    /// <code>'Eager', 'Sdpa' | ForEach-Object { Get-DeepSeekSizing -Model DeepSeek-R1-Distill-Qwen-7B -Gpu H100-SXM -Engine Transformers -ContextLength 8192 -AttentionImplementation $_ } | Format-Table AttentionImplementation, ActivationBytes, MaxConcurrency</code>
    /// <para>What eager attention costs in Hugging Face Transformers at an 8k prompt: the score matrix SDPA never builds.</para>
    /// </example>
    /// <example>
    /// <code>Get-DeepSeekSizing -Model DeepSeek-R1-Distill-Qwen-7B -Precision BF16 -Engine Transformers -Gpu A100-SXM4-80GB -ContextLength 8192 -PromptLength 6144 | Format-List PromptLength, ActivationBytes, PerGpuBytes, TimeToFirstTokenSeconds</code>
    /// <para>A 6,144-token prompt answered with 2,048 tokens: the KV cache holds all 8,192, the prefill peak and the time to first token follow the prompt.</para>
    /// </example>
    /// <example>
    /// <code>1024, 128 | ForEach-Object { Get-DeepSeekSizing -Model DeepSeek-R1-Distill-Llama-8B -Precision BF16 -Gpu H100-SXM -Concurrency 64 -ContextLength 1152 -PromptLength $_ } | Format-Table PromptLength, TimePerOutputTokenSeconds, DecodeTokensPerSecond</code>
    /// <para>64 requests in flight, as a serving benchmark keeps them: 1,024-token prompts with 128-token answers spend about half of each decode step on the prompts of arriving requests; 128-token prompts barely slow it.</para>
    /// </example>
    /// <example>
    /// <code>1..3 | ForEach-Object { Get-DeepSeekSizing -Model DeepSeek-R1-0528 -Gpu H200-SXM -GpuCount 8 -Engine SGLang -ContextLength 4096 -SpeculativeTokens $_ } | Format-Table SpeculativeTokens, DecodeTokensPerSecondPerSequence, DecodeTokensPerSecond</code>
    /// <para>DeepSeek-R1 drafting one to three tokens a step with its MTP layer (SGLang's default is three EAGLE steps): each draft adds a pass of the layer and a verified token; beyond one draft the gain is an upper bound.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "DeepSeekSizing", DefaultParameterSetName = ByGpuSet)]
    [OutputType(typeof(SizingEstimate))]
    public sealed class GetDeepSeekSizingCommand : DeploymentLayoutCmdlet, IWorkloadParameters
    {
        private const string ByGpuSet = "ByGpu";
        private const string ByInputObjectSet = "ByInputObject";
        private const string GgufPathSet = "GgufPath";
        private const string GgufLiteralPathSet = "GgufLiteralPath";

        /// <summary>The model: a catalog name, id or alias (no wildcards), or a model object from Get-DeepSeekModel.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByGpuSet)]
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ByInputObjectSet)]
        [Parameter(ParameterSetName = GgufPathSet)]
        [Parameter(ParameterSetName = GgufLiteralPathSet)]
        [Alias("Name")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ModelNameCompleter))]
        public string Model { get; set; } = string.Empty;

        /// <summary>Weight precision(s): Native (FP8 with block scales for V3/R1, BF16 otherwise; under -Engine Ollama the type of the file `ollama run` pulls, Q4_K_M for the deepseek-r1 tags), FP32, BF16, FP16, FP8, INT8, INT4, GPTQ_INT4, AWQ_INT4, or a GGUF type (Q8_0, Q6_K, Q5_K_M, Q5_K_S, Q5_0, Q4_K_M, Q4_K_S, Q4_0, Q4_1, IQ4_XS, IQ4_NL, Q3_K_L, Q3_K_M, Q3_K_S, IQ3_M, IQ3_XXS, Q2_K, IQ2_M, IQ2_XXS, IQ1_M, IQ1_S), sized tensor by tensor as llama-quantize types them. One estimate per value.</summary>
        [Parameter]
        public WeightPrecision[] Precision { get; set; } = { WeightPrecision.Native };

        /// <summary>Group size of INT4, GPTQ and AWQ scales (32, 64, 128 or 256).</summary>
        [Parameter]
        public int GroupSize { get; set; } = 128;

        /// <summary>KV-cache element type: Auto (the engine's default, BF16), BF16, FP16 or FP8.</summary>
        [Parameter]
        public KvCacheType KvCacheType { get; set; } = KvCacheType.Auto;

        /// <summary>
        /// Transformers' attention implementation (-Engine Transformers, and training): Auto (SDPA), Eager (holds the
        /// attention scores of the whole prompt, heads × prompt² per sequence), Sdpa or FlashAttention2.
        /// </summary>
        [Parameter]
        public AttentionImplementation AttentionImplementation { get; set; } = AttentionImplementation.Auto;

        /// <summary>Serving engine, which decides the KV layout and memory reserve: vLLM (default), SGLang, llama.cpp (default for GGUF), Ollama or Transformers.</summary>
        [Parameter]
        [ValidateEngine]
        [ArgumentCompleter(typeof(EngineNameCompleter))]
        public string? Engine { get; set; }

        /// <summary>Tokens per sequence, prompt plus output. Default: 8192, or the model's maximum if smaller; under Ollama on a known machine (-GpuCount or an inventory), the num_ctx Ollama picks itself (docs/sizing.md).</summary>
        [Parameter]
        public int? ContextLength { get; set; }

        /// <summary>
        /// Prompt tokens per sequence, at most -ContextLength (the rest is output). Default: the whole context. Sizes the
        /// prompt's prefill: Transformers' activation peak and the time to first token; with -Concurrency 2 or more, the
        /// decode speed under a steady load, where each finished request's successor is prefilled while the others wait.
        /// </summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int? PromptLength { get; set; }

        /// <summary>Sequences in flight at once (for training, the micro-batch per GPU). Default 1.</summary>
        [Parameter]
        public int Concurrency { get; set; } = 1;

        /// <summary>Inference (default), LoRA, QLoRA or FullFineTune (mixed-precision AdamW).</summary>
        [Parameter]
        public SizingWorkload Workload { get; set; } = SizingWorkload.Inference;

        /// <summary>Training: DeepSpeed ZeRO stage 0-3 (shards optimizer states, then gradients, then weights over the GPUs).</summary>
        [Parameter]
        public int ZeroStage { get; set; }

        /// <summary>Training: recompute activations in the backward pass to keep only each layer's input.</summary>
        [Parameter]
        public SwitchParameter GradientCheckpointing { get; set; }

        /// <summary>Training: keep optimizer states in CPU memory (DeepSpeed offload).</summary>
        [Parameter]
        public SwitchParameter CpuOffload { get; set; }

        /// <summary>The GPU: a catalog short name (H100-SXM, A100-80GB, RTX-4090, ...), a reported product name, or a GPU object from Get-DeepSeekGpuSpec.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByGpuSet)]
        [Parameter(ParameterSetName = GgufPathSet)]
        [Parameter(ParameterSetName = GgufLiteralPathSet)]
        [ArgumentCompleter(typeof(GpuNameCompleter))]
        public string? Gpu { get; set; }

        /// <summary>
        /// A GGUF file (wildcards allowed) to size exactly: its header gives every tensor's type and bytes, and without
        /// -Model the architecture too. Only the header is read. For a split file give the first part; all parts are read.
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = GgufPathSet)]
        [ValidateNotNullOrEmpty]
        public string GgufPath { get; set; } = string.Empty;

        /// <summary>A GGUF file path taken as written (no wildcards), for names with brackets.</summary>
        [Parameter(Mandatory = true, ParameterSetName = GgufLiteralPathSet)]
        [ValidateNotNullOrEmpty]
        public string GgufLiteralPath { get; set; } = string.Empty;

        /// <summary>The hardware to size on: an inventory from Get-DeepSeekHardware (live, replayed or deserialized from remoting) or New-DeepSeekHardware, sized on the GPUs it has and their count unless -GpuCount is given; or a GPU from Get-DeepSeekGpuSpec.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByInputObjectSet)]
        [Alias("Hardware")]
        [ValidateNotNull]
        public HardwareInventory? InputObject { get; set; }

        /// <summary>Number of GPUs to lay the model over. Omit to get the smallest count that fits.</summary>
        [Parameter]
        public int? GpuCount { get; set; }

        /// <summary>Fraction of each GPU the engine may use (vLLM's --gpu-memory-utilization). Default: the engine's own.</summary>
        [Parameter]
        public double? MemoryUtilization { get; set; }

        /// <summary>Sizes a context longer than the model's configured maximum instead of refusing it.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName is GgufPathSet or GgufLiteralPathSet)
            {
                SizeGgufFiles();
                return;
            }

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

            foreach (var precision in Precision)
            {
                var request = NewRequest(model, gpu, gpuCount);
                request.Precision = precision;

                try
                {
                    WriteObject(SizingEngine.Estimate(request));
                }
                catch (SizingException ex)
                {
                    WriteError(ErrorRecords.Create(ex, ex.ErrorId, ErrorCategory.InvalidArgument, model.Name + " " + precision));
                }
            }
        }

        private SizingRequest NewRequest(ModelSpec model, GpuSpec? gpu, int? gpuCount)
        {
            var request = this.ToSizingRequest(model).WithLayout(this);
            request.AttentionImplementation = AttentionImplementation;
            request.Gpu = gpu;
            request.GpuCount = gpuCount;
            return request;
        }

        private void SizeGgufFiles()
        {
            var literal = ParameterSetName == GgufLiteralPathSet;
            ModelSpec? catalogModel = null;
            if (MyInvocation.BoundParameters.ContainsKey(nameof(Model)) && (catalogModel = Catalog.FindModel(Model)) is null)
            {
                WriteError(ModelNotFound(Model));
                return;
            }

            if (!ResolveGpus(null, Gpu, GpuCount, allowNone: false, out var gpu, out var gpuCount))
            {
                return;
            }

            foreach (var path in ResolveFiles(literal ? GgufLiteralPath : GgufPath, literal, ErrorIds.GgufFileNotFound))
            {
                try
                {
                    var file = GgufFile.Read(path);
                    var request = NewRequest(catalogModel ?? file.ToModelSpec(), gpu, gpuCount);
                    request.GgufFile = file;
                    WriteObject(SizingEngine.Estimate(request));
                }
                catch (SizingException ex)
                {
                    var category = ex.ErrorId is ErrorIds.InvalidGgufFile ? ErrorCategory.InvalidData : ErrorCategory.InvalidArgument;
                    WriteError(ErrorRecords.Create(ex, ex.ErrorId, category, path));
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    WriteError(ErrorRecords.Create(ex, ErrorIds.InvalidGgufFile, ErrorCategory.ReadError, path));
                }
            }
        }
    }
}
