namespace DeepSeekHw.Sizing
{
    /// <summary>What to size. Null means "the default" for each optional field, and the estimate says what was used.</summary>
    public sealed class SizingRequest
    {
        public SizingRequest(ModelSpec model)
        {
            Model = model;
        }

        public ModelSpec Model { get; private set; }

        public WeightPrecision Precision { get; set; } = WeightPrecision.Native;

        /// <summary>Group size for INT4, GPTQ and AWQ scales.</summary>
        public int GroupSize { get; set; } = 128;

        public KvCacheType KvCacheType { get; set; } = KvCacheType.Auto;

        /// <summary>Transformers' attention implementation (inference and training); serving engines use their own kernels.</summary>
        public AttentionImplementation AttentionImplementation { get; set; } = AttentionImplementation.Auto;

        /// <summary>vLLM, SGLang, llama.cpp, Ollama or Transformers; null picks llama.cpp for GGUF precisions and vLLM otherwise.</summary>
        public string? Engine { get; set; }

        public int? ContextLength { get; set; }

        /// <summary>
        /// Prompt tokens per sequence, at most the context (the rest is output); null means a prompt of the whole context.
        /// Sizes what a prompt costs once: Transformers' prefill activations and the time to first token.
        /// </summary>
        public int? PromptLength { get; set; }

        public int Concurrency { get; set; } = 1;

        public SizingWorkload Workload { get; set; } = SizingWorkload.Inference;

        public int ZeroStage { get; set; }

        public bool GradientCheckpointing { get; set; }

        public bool CpuOffload { get; set; }

        public GpuSpec? Gpu { get; set; }

        public int? GpuCount { get; set; }

        /// <summary>Fraction of each GPU the engine may use (vLLM's --gpu-memory-utilization); null for the engine's default.</summary>
        public double? MemoryUtilization { get; set; }

        /// <summary>Tensor-parallel degree, when the user lays the model out; null lets the sizing choose.</summary>
        public int? TensorParallel { get; set; }

        /// <summary>Pipeline stages, when the user lays the model out.</summary>
        public int? PipelineParallel { get; set; }

        /// <summary>Data-parallel ranks: replicas, or with DataParallelAttention the attention ranks of one MoE deployment.</summary>
        public int? DataParallel { get; set; }

        /// <summary>GPUs the routed experts are spread over: the tensor-parallel group, or every GPU of a stage (TP x DP).</summary>
        public int? ExpertParallel { get; set; }

        /// <summary>
        /// MLA attention data-parallel over the DP ranks (SGLang --enable-dp-attention, vLLM DP + EP): each rank keeps the
        /// latent cache of its own sequences only, undoing the replication tensor parallelism causes.
        /// </summary>
        public bool DataParallelAttention { get; set; }

        /// <summary>True when any part of the layout is given.</summary>
        public bool HasExplicitLayout => TensorParallel != null || PipelineParallel != null || DataParallel != null || ExpertParallel != null || DataParallelAttention;

        /// <summary>A GGUF file whose header gives the exact weights (and, without a catalog model, the architecture).</summary>
        public GgufFile? GgufFile { get; set; }

        /// <summary>
        /// Speculative decoding with the checkpoint's multi-token-prediction layer drafting tokens each step (DeepSeek-V3/R1
        /// on vLLM or SGLang): the layer's weights and KV cache are loaded, and each step yields 1 + the accepted drafts.
        /// </summary>
        public bool MultiTokenPrediction { get; set; }

        /// <summary>
        /// Tokens the MTP layer drafts per step, one pass each (vLLM num_speculative_tokens, SGLang --speculative-num-steps):
        /// 1 to <see cref="SizingEngine.MaxSpeculativeTokens"/>; used with <see cref="MultiTokenPrediction"/>.
        /// </summary>
        public int SpeculativeTokens { get; set; } = 1;

        /// <summary>Allows a context longer than the model's configured maximum.</summary>
        public bool Force { get; set; }

        /// <summary>A copy with some fields changed: readiness sizes one request on the machine's GPUs, at several counts and precisions.</summary>
        internal SizingRequest With(System.Action<SizingRequest> change)
        {
            var copy = (SizingRequest)MemberwiseClone();
            change(copy);
            return copy;
        }

        /// <summary>The same request for another model: advice offers a smaller model of the same line.</summary>
        internal SizingRequest ForModel(ModelSpec model, System.Action<SizingRequest> change)
        {
            var copy = With(change);
            copy.Model = model;
            return copy;
        }
    }
}
