namespace DeepSeekHw.Sizing
{
    /// <summary>Counts parameters from the architecture fields (Hugging Face config names), layer by layer.</summary>
    internal static class ParameterCounter
    {
        public static ParameterBreakdown Count(ModelSpec m)
        {
            long h = m.HiddenSize;
            long layers = m.NumLayers;
            var attentionPerLayer = AttentionPerLayer(m, out var replicatedPerLayer);
            var perExpert = 3 * h * m.MoeIntermediateSize;
            var breakdown = new ParameterBreakdown
            {
                Embedding = (long)m.VocabSize * h,
                LmHead = m.TieWordEmbeddings ? 0 : (long)m.VocabSize * h,
                Attention = layers * attentionPerLayer,
                ReplicatedAttention = layers * replicatedPerLayer,
                DenseMlp = m.DenseLayers * 3 * h * m.IntermediateSize,
                SharedExperts = m.MoeLayers * m.SharedExperts * perExpert,
                RoutedExperts = m.MoeLayers * m.RoutedExperts * perExpert,
                ParametersPerExpert = perExpert,
                Router = m.MoeLayers * m.RoutedExperts * h,
                Norms = layers * 2 * h + h,
            };

            // An MTP layer is a full MoE decoder layer plus its projection (2h→h) and two extra norms; shares embedding/head.
            var mtpLayer = attentionPerLayer + (m.SharedExperts + m.RoutedExperts) * perExpert + m.RoutedExperts * h + 2 * h * h + 4 * h;
            breakdown.Mtp = m.MtpLayers * (m.IsMixtureOfExperts ? mtpLayer : attentionPerLayer + 3 * h * m.IntermediateSize);
            return breakdown;
        }

        private static long AttentionPerLayer(ModelSpec m, out long replicated)
        {
            long h = m.HiddenSize;
            long heads = m.NumAttentionHeads;
            if (m.Attention == AttentionKind.MultiHeadLatent)
            {
                long qkHead = m.QkNopeHeadDim + m.QkRopeHeadDim;
                long kvLatent = m.KvLoraRank + m.QkRopeHeadDim;
                var qDown = m.QLoraRank > 0 ? h * m.QLoraRank + m.QLoraRank : 0;
                var qUp = m.QLoraRank > 0 ? (long)m.QLoraRank * heads * qkHead : h * heads * qkHead;
                var kvDown = h * kvLatent + m.KvLoraRank;
                var kvUp = (long)m.KvLoraRank * heads * (m.QkNopeHeadDim + m.VHeadDim);
                var output = heads * m.VHeadDim * h;
                var indexer = m.IndexHeads > 0 ? Indexer(m) : 0;
                replicated = qDown + kvDown;
                return qDown + qUp + kvDown + kvUp + output + indexer;
            }

            long d = m.HeadDim;
            long kv = m.NumKeyValueHeads;
            var bias = m.AttentionBias ? heads * d + 2 * kv * d : 0;
            replicated = 0;
            return h * heads * d + 2 * h * kv * d + heads * d * h + bias;
        }

        // DeepSeek-V3.2 lightning indexer: wq_b (q_lora → heads·dim), wk (h → dim), LayerNorm on k, weights_proj (h → heads).
        private static long Indexer(ModelSpec m) =>
            (long)m.QLoraRank * m.IndexHeads * m.IndexHeadDim + (long)m.HiddenSize * m.IndexHeadDim + 2L * m.IndexHeadDim + (long)m.HiddenSize * m.IndexHeads;
    }
}
