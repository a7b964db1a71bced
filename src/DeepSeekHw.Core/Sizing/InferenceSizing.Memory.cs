using System;
using System.Collections.Generic;
using System.Linq;
using static DeepSeekHw.InvariantText;
using static DeepSeekHw.Sizing.SizingEngine;

namespace DeepSeekHw.Sizing
{
    /// <summary>Activation memory and the KV pool of a layout: what the engine's step holds, and how many sequences fit.</summary>
    internal static partial class InferenceSizing
    {
        /// <summary>
        /// The pool and tokens of a pipeline as vLLM works them out: each stage holds its own layers (the layers left over go
        /// to the stages before the last, get_pp_indices), the first the input embedding and the last the LM head and the
        /// sampler's profile; every stage divides its pool by its own layers' cache, and the smallest count holds for all.
        /// </summary>
        private static (long Pool, double Tokens) StagedPool(ModelSpec m, EngineProfile engine, WeightModel w, KvCacheLayout layout, LayoutPlan plan, long budget, long kvTokens, long promptTokens, int sequences, int step, bool scores, int kvLayers)
        {
            int tp = plan.TensorParallel, pp = plan.PipelineParallel;
            var layers = m.NumLayers;
            var replicated = tp > 1 ? w.ReplicatedAttention + w.Router + w.Norms : 0;
            var perLayerWeights = ((w.Total - w.Embedding - w.LmHead - replicated) / (double)tp + replicated) / layers;
            var perLayerCache = layout.BytesPerTokenPerRank(1, tp, 1);
            var withSampler = engine.ActivationsInBudget ? Activations(m, engine, tp, promptTokens, sequences, kvTokens, step, scores) : 0;
            var forwardOnly = engine.ActivationsInBudget ? Activations(m, engine, tp, promptTokens, 0, kvTokens, step, scores) : 0;
            long smallestPool = long.MaxValue;
            var fewestTokens = double.MaxValue;
            for (var stage = 0; stage < pp; stage++)
            {
                var stageLayers = (layers / pp) + (stage < pp - 1 && stage >= pp - 1 - (layers % pp) ? 1 : 0) + (stage == pp - 1 ? kvLayers - layers : 0);
                var weights = (stageLayers * perLayerWeights) + (stage == 0 && !engine.InputEmbeddingOnCpu ? w.Embedding / (double)tp : 0) + (stage == pp - 1 ? w.LmHead / (double)tp : 0);
                var used = weights + (stage == pp - 1 ? withSampler : forwardOnly) + plan.OverheadBytes;
                var pool = used >= budget ? 0 : (long)(budget - used);
                smallestPool = Math.Min(smallestPool, pool);
                fewestTokens = Math.Min(fewestTokens, stageLayers > 0 ? pool / (stageLayers * perLayerCache) : double.MaxValue);
            }

            return (smallestPool, fewestTokens);
        }

        // Each more sequence adds its KV cache and its share of the sampling step's logits, so the most sequences that fit is
        // the largest count whose whole need still fits: the need grows with every sequence, so a binary search finds it,
        // and the answer sized again fits while one more does not.
        private static int MostSequences(ModelSpec m, EngineProfile engine, LayoutPlan plan, long budget, int context, int prompt, int step, double perTokenOnRank, bool scores)
        {
            var fixedBytes = (double)plan.WeightBytes + plan.OverheadBytes;
            double Need(long n) => fixedBytes + (n * (double)context * perTokenOnRank) + (engine.ActivationsInBudget ? Activations(m, engine, plan.TensorParallel, n * (long)prompt, n, n * (long)context, step, scores) : 0);
            if (Need(1) > budget)
            {
                return 0;
            }

            long low = 1, high = 2;
            while (high < int.MaxValue && Need(high) <= budget)
            {
                low = high;
                high = Math.Min(int.MaxValue, high * 2);
            }

            while (high - low > 1)
            {
                var mid = low + ((high - low) / 2);
                if (Need(mid) <= budget)
                {
                    low = mid;
                }
                else
                {
                    high = mid;
                }
            }

            return (int)low;
        }

        /// <summary>
        /// Activation memory of the busiest rank. The forward pass over one step of tokens (chunked prefill / ubatch) holds per
        /// token the gate and up projections and their product (3 × MLP width), the q/k/v projections and two hidden-state
        /// copies, in 16-bit; sampling holds logits for each sequence in the step. vLLM profiles the two one after the other
        /// (its peak is the larger, plus the hidden states the forward returns); the others hold them together.
        /// </summary>
        internal static double Activations(ModelSpec m, EngineProfile engine, int tp, long tokens, long sequences, long kvTokens, int step, bool scores = false)
        {
            double h = m.HiddenSize;
            var stepTokens = step > 0 ? step : tokens; // engines size for a full step
            var mlpWidth = Math.Max(m.DenseLayers > 0 ? m.IntermediateSize : 0, m.IsMixtureOfExperts ? (m.ExpertsPerToken + m.SharedExperts) * m.MoeIntermediateSize : 0);
            double qkvWidth = m.Attention == AttentionKind.MultiHeadLatent
                ? (double)m.NumAttentionHeads * (m.QkNopeHeadDim + m.QkRopeHeadDim + m.QkNopeHeadDim + m.VHeadDim)
                : (double)(m.NumAttentionHeads + (2 * m.NumKeyValueHeads)) * m.HeadDim;
            if (engine.ReservesStepLogits)
            {
                // ggml keeps intermediates in F32 and reuses the buffer between phases: the FFN's, the output's (the final norm
                // and the logits of every token in the step) or, without flash attention, one layer's scores for the step
                // against the whole cache, whichever is larger.
                var scoreBytes = scores ? (double)m.NumAttentionHeads * kvTokens * stepTokens * 4 : 0;
                return Math.Max(stepTokens * Math.Max(3.0 * mlpWidth / tp, m.VocabSize + h) * 4, scoreBytes);
            }

            var forward = stepTokens * ((3.0 * mlpWidth / tp) + (qkvWidth / tp) + (2 * h)) * 2;
            var sampled = Math.Min(sequences, step > 0 ? step : sequences) * LogitsBytesPerSequence(m, engine, tp);
            var held = engine.ProfilesSamplerSeparately ? Math.Max(forward, sampled + (stepTokens * h * 2)) : forward + sampled;
            return held + (scores ? EagerScoreBytes(m, tp, tokens, sequences) : 0);
        }

        /// <summary>
        /// Eager attention holds one layer's scores for the whole prompt: heads × prompt² per sequence, as BF16 scores, their
        /// FP32 softmax and the BF16 result (8 bytes per score); SDPA and FlashAttention-2 never build the matrix.
        /// </summary>
        internal static double EagerScoreBytes(ModelSpec m, int tp, long tokens, long sequences)
        {
            var prompt = sequences > 0 ? tokens / (double)sequences : 0;
            return sequences * (m.NumAttentionHeads / (double)tp) * prompt * prompt * 8;
        }

        // One FP32 logits row per sequence, split over tensor-parallel ranks; vLLM samples the whole vocabulary on every rank.
        private static double LogitsBytesPerSequence(ModelSpec m, EngineProfile engine, int tp) =>
            (double)m.VocabSize * engine.SamplerBytesPerLogit / (engine.ProfilesSamplerSeparately ? 1 : tp);
    }
}
