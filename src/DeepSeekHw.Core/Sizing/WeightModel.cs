using System;

namespace DeepSeekHw.Sizing
{
    /// <summary>Weight bytes of a model in one precision, and how they spread over tensor- and pipeline-parallel ranks.</summary>
    internal sealed class WeightModel
    {
        public WeightModel(ParameterBreakdown parameters, PrecisionFormat format)
        {
            Parameters = parameters;
            Format = format;
            var linearBits = format.BitsPerWeight;
            var highBits = format.KeepsEmbeddingsInBf16 ? 16 : format.BitsPerWeight;
            BytesPerLinearWeight = linearBits / 8;
            Embedding = Bytes(parameters.Embedding, highBits);
            LmHead = Bytes(parameters.LmHead, highBits);
            Norms = Bytes(parameters.Norms, highBits);
            Router = Bytes(parameters.Router, format.KeepsEmbeddingsInBf16 ? 16 : linearBits);
            ReplicatedAttention = Bytes(parameters.ReplicatedAttention, linearBits);
            Experts = Bytes(parameters.RoutedExperts, linearBits);
            Total = Bytes(parameters.Total - parameters.HighPrecision - parameters.Router, linearBits) + Embedding + LmHead + Norms + Router;
        }

        public ParameterBreakdown Parameters { get; }

        public PrecisionFormat Format { get; }

        public double BytesPerLinearWeight { get; }

        public long Total { get; }

        public long Embedding { get; }

        public long LmHead { get; }

        public long Norms { get; }

        public long Router { get; }

        public long ReplicatedAttention { get; }

        public long Experts { get; }

        /// <summary>
        /// Weights on the busiest rank. Tensor parallelism splits every matrix except the MLA down-projections, routers and
        /// norms (replicated); pipeline stages split layers, and the first and last stage also hold the embedding or LM head.
        /// </summary>
        public long PerRank(int tensorParallel, int pipelineParallel)
        {
            var replicated = tensorParallel > 1 ? ReplicatedAttention + Router + Norms : 0;
            var layerWeights = Total - Embedding - LmHead - replicated;
            var embeddingShare = pipelineParallel == 1 ? Embedding + LmHead : Math.Max(Embedding, LmHead);
            return (long)(layerWeights / (double)(tensorParallel * pipelineParallel) + replicated / (double)pipelineParallel + embeddingShare / (double)tensorParallel);
        }

        private static long Bytes(long parameters, double bits) => (long)Math.Ceiling(parameters * bits / 8);
    }
}
