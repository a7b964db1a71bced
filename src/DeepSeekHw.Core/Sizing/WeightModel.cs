using System;
using System.Collections.Generic;
using System.Linq;
using DeepSeekHw.Sizing.Gguf;

namespace DeepSeekHw.Sizing
{
    /// <summary>Weight bytes of a model in one precision, and how they spread over tensor- and pipeline-parallel ranks.</summary>
    internal sealed class WeightModel
    {
        private WeightModel(ParameterBreakdown parameters, PrecisionFormat format)
        {
            Parameters = parameters;
            Format = format;
        }

        public ParameterBreakdown Parameters { get; }

        public PrecisionFormat Format { get; }

        /// <summary>Bytes per weight of the layer matrices (attention, MLP, experts): what decode reads per active parameter.</summary>
        public double BytesPerLinearWeight { get; private set; }

        public long Total { get; private set; }

        public long Embedding { get; private set; }

        public long LmHead { get; private set; }

        public long Norms { get; private set; }

        public long Router { get; private set; }

        public long ReplicatedAttention { get; private set; }

        public long Experts { get; private set; }

        /// <summary>The file's tensors with their types, for GGUF precisions (null otherwise).</summary>
        public IReadOnlyList<GgufTensor>? GgufTensors { get; private set; }

        /// <summary>Weights of <paramref name="model"/> in <paramref name="format"/>: tensor by tensor for GGUF, by parameter class otherwise.</summary>
        public static WeightModel Create(ModelSpec model, ParameterBreakdown parameters, PrecisionFormat format)
        {
            if (format.IsGguf && LlamaFileTypes.TryFor(format.Precision, out var fileType))
            {
                return FromTensors(parameters, format, GgufQuantizer.Quantize(model, fileType));
            }

            var w = new WeightModel(parameters, format);
            var linearBits = format.BitsPerWeight;
            var highBits = format.KeepsEmbeddingsInBf16 ? 16 : format.BitsPerWeight;
            w.BytesPerLinearWeight = linearBits / 8;
            w.Embedding = Bytes(parameters.Embedding, highBits);
            w.LmHead = Bytes(parameters.LmHead, highBits);
            w.Norms = Bytes(parameters.Norms, highBits);
            w.Router = Bytes(parameters.Router, format.KeepsEmbeddingsInBf16 ? 16 : linearBits);
            w.ReplicatedAttention = Bytes(parameters.ReplicatedAttention, linearBits);
            w.Experts = Bytes(parameters.RoutedExperts, linearBits);
            w.Total = Bytes(parameters.Total - parameters.HighPrecision - parameters.Router, linearBits) + w.Embedding + w.LmHead + w.Norms + w.Router;
            return w;
        }

        /// <summary>Weights from a list of GGUF tensors: computed for a file type, or read from a file's header.</summary>
        public static WeightModel FromTensors(ParameterBreakdown parameters, PrecisionFormat format, IReadOnlyList<GgufTensor> tensors)
        {
            long Sum(TensorRole role) => tensors.Where(t => t.Role == role).Aggregate(0L, (a, t) => checked(a + t.Bytes));
            var w = new WeightModel(parameters, format)
            {
                GgufTensors = tensors,
                Total = tensors.Aggregate(0L, (a, t) => checked(a + t.Bytes)),
                Embedding = Sum(TensorRole.Embedding),
                LmHead = Sum(TensorRole.Output),
                Norms = Sum(TensorRole.Norm),
                Router = Sum(TensorRole.Router),
                ReplicatedAttention = Sum(TensorRole.ReplicatedAttention),
                Experts = Sum(TensorRole.RoutedExpert),
            };
            var linear = tensors.Where(t => t.Role is TensorRole.Attention or TensorRole.ReplicatedAttention or TensorRole.DenseMlp or TensorRole.SharedExpert or TensorRole.RoutedExpert).ToList();
            var elements = linear.Aggregate(0L, (a, t) => checked(a + t.Elements));
            w.BytesPerLinearWeight = elements > 0 ? linear.Aggregate(0L, (a, t) => checked(a + t.Bytes)) / (double)elements : format.BitsPerWeight / 8;
            return w;
        }

        /// <summary>
        /// The same weights plus the checkpoint's multi-token-prediction layer(s) in the same format: one more MoE decoder
        /// layer (its experts split like the others) and its projection, loaded for speculative decoding.
        /// </summary>
        public WeightModel WithMtp(ModelSpec model)
        {
            var copy = (WeightModel)MemberwiseClone();
            var perExpertLayer = (long)model.MtpLayers * model.RoutedExperts * Parameters.ParametersPerExpert;
            var experts = (long)Math.Ceiling(perExpertLayer * BytesPerLinearWeight);
            var rest = (long)Math.Ceiling((Parameters.Mtp - perExpertLayer) * BytesPerLinearWeight);
            copy.Total = checked(Total + experts + rest);
            copy.Experts = checked(Experts + experts);
            copy.MtpBytes = experts + rest;
            return copy;
        }

        /// <summary>Bytes of the multi-token-prediction layer(s) when loaded (0 otherwise).</summary>
        public long MtpBytes { get; private set; }

        /// <summary>
        /// Weights on the busiest rank. Tensor parallelism splits every matrix except the MLA down-projections, routers and
        /// norms (replicated); pipeline stages split layers, and the first and last stage also hold the embedding or LM head.
        /// llama.cpp keeps the input embedding in system RAM (a row lookup per token needs no GPU).
        /// </summary>
        public long PerRank(int tensorParallel, int pipelineParallel, bool inputEmbeddingOnGpu = true)
        {
            var replicated = tensorParallel > 1 ? ReplicatedAttention + Router + Norms : 0;
            var layerWeights = Total - Embedding - LmHead - replicated;
            var embedding = inputEmbeddingOnGpu ? Embedding : 0;
            var embeddingShare = pipelineParallel == 1 ? embedding + LmHead : Math.Max(embedding, LmHead);
            return (long)(layerWeights / (double)(tensorParallel * pipelineParallel) + replicated / (double)pipelineParallel + embeddingShare / (double)tensorParallel);
        }

        private static long Bytes(long parameters, double bits) => (long)Math.Ceiling(parameters * bits / 8);
    }
}
