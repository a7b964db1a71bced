using System;
using System.Collections.Generic;
using static DeepSeekHw.InvariantText;
using static DeepSeekHw.Sizing.SizingEngine;

namespace DeepSeekHw.Sizing
{
    /// <summary>
    /// Memory for fine-tuning with data parallelism: weights, gradients, AdamW states (ZeRO-sharded or offloaded) and
    /// activations (Korthikanti et al.: 34·s·b·h bytes per layer with flash attention; checkpointing keeps layer inputs).
    /// </summary>
    internal static class TrainingSizing
    {
        private const int LoraRank = 16;
        private const double AllocatorHeadroom = 0.95;
        private const double ModelFlopsUtilization = 0.4;
        private const int MaxGpus = 512;

        public static void Fill(SizingEstimate e, SizingRequest r, WeightModel w, int context, List<string> notes)
        {
            var m = r.Model;
            var isFull = r.Workload == SizingWorkload.FullFineTune;
            var checkpointing = r.GradientCheckpointing || !isFull;
            long parameters = e.TotalParameters;
            var trainable = isFull ? parameters : LoraParameters(m);
            var baseWeights = r.Workload == SizingWorkload.QLoRA ? (long)(parameters * 4.127 / 8) : isFull ? parameters * 2 : w.Total;
            var tokens = Saturating.Multiply(context, r.Concurrency);
            var eager = r.AttentionImplementation == AttentionImplementation.Eager;
            e.AttentionImplementation = r.AttentionImplementation == AttentionImplementation.Auto ? nameof(AttentionImplementation.Sdpa) : r.AttentionImplementation.ToString();

            // Korthikanti et al.: s·b·h·(34 + 5·a·s/h) bytes per layer; fused attention (SDPA, FlashAttention-2) drops the 5·a·s²·b scores.
            var scores = eager ? Saturating.Multiply(Saturating.Multiply(5L * m.NumAttentionHeads, tokens), context) : 0;
            var layerActivation = Saturating.Add(Saturating.Multiply(Saturating.Multiply(34L, tokens), m.HiddenSize), scores);
            var activations = checkpointing
                ? Saturating.Add(Saturating.Multiply(Saturating.Multiply(2L * m.NumLayers, tokens), m.HiddenSize), layerActivation)
                : Saturating.Multiply(layerActivation, m.NumLayers);
            e.WeightBytes = baseWeights;
            var basePrecision = r.Workload == SizingWorkload.QLoRA ? "NF4" : isFull ? "BF16" : e.Precision;
            if (r.Precision != WeightPrecision.Native && !string.Equals(basePrecision, e.Precision, StringComparison.Ordinal))
            {
                notes.Add(Invariant($"-Precision {e.Precision} does not apply: {r.Workload} keeps the {(isFull ? "trained" : "frozen base")} weights in {basePrecision}."));
            }

            e.Precision = basePrecision;
            e.KvCacheType = "none";
            e.KvCacheBytesPerToken = 0;
            e.KvCacheBytes = 0;

            notes.Add(isFull
                ? "Training: mixed-precision AdamW, 16 bytes per parameter: BF16 weights (2) + BF16 gradients (2) + FP32 master weights (4) + two FP32 moments (8)."
                : Invariant($"Training: {r.Workload} adapters of rank {LoraRank} on every attention and dense MLP projection ({trainable / 1e6:0.#}M trainable parameters, 16 bytes each with AdamW); the base is frozen in {(r.Workload == SizingWorkload.QLoRA ? "4-bit NF4 (4.127 bits per weight with double quantization)" : e.Precision)}."));
            notes.Add(checkpointing
                ? Invariant($"Activations: gradient checkpointing keeps each layer's input (2·s·b·h bytes) plus one layer's full activations (34·s·b·h{(eager ? " + 5·a·s²·b for eager attention's scores" : string.Empty)}), sequence {context}, micro-batch {r.Concurrency}; it costs about 30% more compute.")
                : Invariant($"Activations: 34·s·b·h bytes per layer{(eager ? " plus 5·a·s²·b for eager attention's scores" : " (fused attention, no checkpointing)")}, sequence {context}, micro-batch {r.Concurrency}; -GradientCheckpointing would keep only layer inputs."));

            long PerGpu(int gpus, out long state)
            {
                var grads = trainable * 2L;
                var optimizer = trainable * 12L;
                var weights = isFull ? baseWeights : baseWeights + trainable * 2L;
                if (isFull && r.ZeroStage >= 3)
                {
                    weights /= gpus;
                }

                if (r.ZeroStage >= 2)
                {
                    grads /= gpus;
                }

                if (r.ZeroStage >= 1)
                {
                    optimizer /= gpus;
                }

                if (r.CpuOffload)
                {
                    optimizer = 0;
                }

                state = grads + optimizer;
                return Saturating.Add(weights, state, activations, InferenceSizing.CudaContextBytes, gpus > 1 ? InferenceSizing.NcclBytes : 0);
            }

            if (r.Gpu is null)
            {
                e.PerGpuBytes = PerGpu(1, out var state);
                e.TrainingStateBytes = state;
                e.WeightBytesPerGpu = baseWeights;
                e.ActivationBytes = activations;
                e.OverheadBytes = InferenceSizing.CudaContextBytes;
                e.TotalBytes = e.PerGpuBytes;
                notes.Add("No GPU given: the figures are for one device; give -Gpu for a GPU count and throughput.");
                return;
            }

            var capacity = r.Gpu.UsableMemoryBytes ?? r.Gpu.MemoryBytes;
            var budget = (long)(capacity * (r.MemoryUtilization ?? AllocatorHeadroom));
            var count = r.GpuCount ?? 1;
            if (r.GpuCount is null)
            {
                while (count < MaxGpus && PerGpu(count, out _) > budget && (r.ZeroStage > 0 || r.CpuOffload))
                {
                    count++;
                }
            }

            e.PerGpuBytes = PerGpu(count, out var perGpuState);
            e.TrainingStateBytes = perGpuState;
            e.WeightBytesPerGpu = isFull && r.ZeroStage >= 3 ? baseWeights / count : baseWeights;
            e.ActivationBytes = activations;
            e.OverheadBytes = InferenceSizing.CudaContextBytes + (count > 1 ? InferenceSizing.NcclBytes : 0);
            e.GpuCount = count;
            e.Nodes = InferenceSizing.NodesFor(count);
            e.GpuMemoryBytes = capacity;
            e.PerGpuBudgetBytes = budget;
            e.Fits = e.PerGpuBytes <= budget;
            e.TotalBytes = Saturating.Multiply(e.PerGpuBytes, count);
            notes.Add(Invariant($"Layout: data parallel over {count} GPU(s){(r.ZeroStage > 0 ? Invariant($" with ZeRO stage {r.ZeroStage}") : " without ZeRO (every GPU holds everything; -ZeroStage shards it)")}{(r.CpuOffload ? ", optimizer states offloaded to CPU memory" : string.Empty)}; budget {AllocatorHeadroom:P0} of each GPU for the PyTorch allocator."));

            var tflops = InferenceSizing.ComputeTflops(r.Gpu, WeightPrecision.BF16, EngineProfileForTraining, notes);
            if (tflops is { } peak)
            {
                var flopsPerToken = (isFull ? 6.0 : 4.0) * e.ActiveParameters * (checkpointing ? 4.0 / 3.0 : 1.0);
                e.TrainingTokensPerSecond = Math.Round(count * peak * 1e12 * ModelFlopsUtilization / flopsPerToken, 1);
                notes.Add(Invariant($"Training speed: {ModelFlopsUtilization:P0} model FLOPs utilization of {peak:0.#} dense BF16 TFLOPS per GPU; {(isFull ? 6 : 4)} × active parameters FLOPs per token{(checkpointing ? ", × 4/3 for recomputation" : string.Empty)}."));
            }
        }

        private static EngineProfile EngineProfileForTraining => EngineProfile.DefaultFor(gguf: false, training: true);

        // LoRA on q/k/v/o and the dense (or shared-expert) MLP projections: rank × (in + out) per matrix.
        private static long LoraParameters(ModelSpec m)
        {
            long h = m.HiddenSize;
            long attention = m.Attention == AttentionKind.MultiHeadLatent
                ? (h + (long)m.NumAttentionHeads * (m.QkNopeHeadDim + m.QkRopeHeadDim)) + (h + m.NumAttentionHeads * (long)m.VHeadDim)
                : 2 * (h + (long)m.NumAttentionHeads * m.HeadDim) + 2 * (h + (long)m.NumKeyValueHeads * m.HeadDim);
            var mlpWidth = m.IsMixtureOfExperts ? (long)m.SharedExperts * m.MoeIntermediateSize : m.IntermediateSize;
            var mlp = 3 * (h + mlpWidth);
            return LoraRank * m.NumLayers * (attention + mlp);
        }
    }
}
