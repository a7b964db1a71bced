using System;

namespace DeepSeekHw
{
    /// <summary>
    /// The answer to "will it fit, on how many GPUs, how fast?" for one model, precision and layout. Sizes are bytes,
    /// rates are per second; <see cref="Assumptions"/> says every default and efficiency factor behind the figures.
    /// </summary>
    public sealed class SizingEstimate
    {
        public string Model { get; set; } = string.Empty;

        public string Precision { get; set; } = string.Empty;

        public string KvCacheType { get; set; } = string.Empty;

        public string Engine { get; set; } = string.Empty;

        public SizingWorkload Workload { get; set; }

        /// <summary>Tokens per sequence (prompt plus output).</summary>
        public int ContextLength { get; set; }

        /// <summary>Prompt tokens per sequence (the rest of the context is output): prefill, its activations and time to first token.</summary>
        public int PromptLength { get; set; }

        /// <summary>Sequences in flight (for training: the micro-batch size per GPU).</summary>
        public int Concurrency { get; set; }

        /// <summary>Parameters computed from the architecture, without multi-token-prediction layers.</summary>
        public long TotalParameters { get; set; }

        /// <summary>Parameters each token reads, computed from the architecture, without the input embedding (a lookup).</summary>
        public long ActiveParameters { get; set; }

        /// <summary>All weights, once, in the chosen precision (quantization scales included).</summary>
        public long WeightBytes { get; set; }

        public long KvCacheBytesPerToken { get; set; }

        /// <summary>The logical KV cache of all sequences: bytes per token × context × concurrency (before any replication).</summary>
        public long KvCacheBytes { get; set; }

        /// <summary>Peak activations of one forward step on one GPU (training: per GPU, with the chosen checkpointing).</summary>
        public long ActivationBytes { get; set; }

        /// <summary>Per GPU: CUDA context, NCCL buffers, CUDA graphs and workspace; for training the gradients and optimizer states are in <see cref="TrainingStateBytes"/>.</summary>
        public long OverheadBytes { get; set; }

        /// <summary>Training only: gradients and optimizer states per GPU.</summary>
        public long TrainingStateBytes { get; set; }

        /// <summary>Memory used across all GPUs (per-GPU use × GPU count).</summary>
        public long TotalBytes { get; set; }

        /// <summary>Memory the busiest GPU needs: its weights, its KV cache, activations and overhead.</summary>
        public long PerGpuBytes { get; set; }

        public long WeightBytesPerGpu { get; set; }

        public long KvCacheBytesPerGpu { get; set; }

        public string? Gpu { get; set; }

        /// <summary>Memory of one GPU as the driver reports it (or as marketed when no capture is known).</summary>
        public long? GpuMemoryBytes { get; set; }

        /// <summary>What the engine lets the model use on one GPU (its utilization fraction or reserve applied).</summary>
        public long? PerGpuBudgetBytes { get; set; }

        /// <summary>The fraction of each GPU the engine was sized to use (vLLM's --gpu-memory-utilization); null where the engine keeps a fixed reserve instead.</summary>
        public double? MemoryUtilization { get; set; }

        public int? GpuCount { get; set; }

        /// <summary>Servers the layout spans at 8 GPUs per server; above 1 the servers need InfiniBand or RoCE between them. Null when no GPU was given.</summary>
        public int? Nodes { get; set; }

        public int TensorParallel { get; set; } = 1;

        public int PipelineParallel { get; set; } = 1;

        public int ExpertParallel { get; set; } = 1;

        /// <summary>Data-parallel ranks (replicas, or attention ranks with DataParallelAttention); GpuCount is TP x PP x DP.</summary>
        public int DataParallel { get; set; } = 1;

        /// <summary>True when MLA attention runs data-parallel (each rank caches its own sequences' latents).</summary>
        public bool DataParallelAttention { get; set; }

        /// <summary>Whether <see cref="PerGpuBytes"/> fits the budget; null when no GPU was given.</summary>
        public bool? Fits { get; set; }

        /// <summary>Longest context per sequence that fits at this concurrency on this layout.</summary>
        public int? MaxContextLength { get; set; }

        /// <summary>Most sequences of this context that fit at once on this layout.</summary>
        public int? MaxConcurrency { get; set; }

        /// <summary>
        /// Memory left on each GPU for the KV cache once weights, activations and overhead are placed (vLLM logs it as
        /// "Available KV cache memory").
        /// </summary>
        public long? KvCachePoolBytes { get; set; }

        /// <summary>Tokens that pool holds on each GPU (vLLM: "GPU KV cache size: N tokens"; per replica with data parallelism).</summary>
        public long? KvCacheTokens { get; set; }

        /// <summary>
        /// <see cref="KvCacheTokens"/> over <see cref="ContextLength"/>: how many full-length sequences the pool holds (vLLM:
        /// "Maximum concurrency for N tokens per request: X x"). It ignores the sampling activations of those sequences,
        /// which <see cref="MaxConcurrency"/> counts.
        /// </summary>
        public double? KvCacheConcurrency { get; set; }

        /// <summary>Whether the MTP layer drafts tokens each step (speculative decoding): its weights and cache are counted.</summary>
        public bool MultiTokenPrediction { get; set; }

        /// <summary>Tokens the MTP layer drafts per step when <see cref="MultiTokenPrediction"/> is on; null otherwise.</summary>
        public int? SpeculativeTokens { get; set; }

        /// <summary>Transformers' attention implementation the memory assumes (Sdpa, Eager, FlashAttention2); null for serving engines.</summary>
        public string? AttentionImplementation { get; set; }

        /// <summary>Aggregate decode rate over all sequences in flight (what a serving benchmark calls output throughput).</summary>
        public double? DecodeTokensPerSecond { get; set; }

        /// <summary>Decode rate one sequence sees at this concurrency: 1 / <see cref="TimePerOutputTokenSeconds"/>.</summary>
        public double? DecodeTokensPerSecondPerSequence { get; set; }

        /// <summary>Time per output token of one sequence (TPOT, inter-token latency) at this concurrency.</summary>
        public double? TimePerOutputTokenSeconds { get; set; }

        /// <summary>
        /// Time each decode step spends moving the tensor-parallel all-reduces over the GPUs' link (their bandwidth; their
        /// latency is part of the per-layer floor); null without tensor parallelism.
        /// </summary>
        public double? TensorParallelAllReduceSeconds { get; set; }

        /// <summary>Prompt processing rate for one sequence's prompt of <see cref="PromptLength"/> tokens.</summary>
        public double? PrefillTokensPerSecond { get; set; }

        public double? TimeToFirstTokenSeconds { get; set; }

        /// <summary>Training only: tokens per second across all GPUs.</summary>
        public double? TrainingTokensPerSecond { get; set; }

        /// <summary>The seed guides' rule of thumb, parameters × 2 × bytes per parameter, kept to show how far it is from the real need.</summary>
        public long SeedRuleOfThumbBytes { get; set; }

        public string[] Assumptions { get; set; } = Array.Empty<string>();

        public override string ToString() => Model + " " + Precision;
    }
}
