namespace DeepSeekHw.Sizing
{
    /// <summary>Parameter counts computed from a model's architecture, by where they live.</summary>
    internal sealed class ParameterBreakdown
    {
        public long Embedding { get; set; }

        public long LmHead { get; set; }

        /// <summary>Attention projections of all layers (MLA or GQA/MHA), including the V3.2 indexer.</summary>
        public long Attention { get; set; }

        /// <summary>Attention weights every tensor-parallel rank holds whole (MLA down-projections q_a/kv_a in vLLM and SGLang).</summary>
        public long ReplicatedAttention { get; set; }

        public long DenseMlp { get; set; }

        public long SharedExperts { get; set; }

        public long RoutedExperts { get; set; }

        /// <summary>Parameters of one routed expert in one layer.</summary>
        public long ParametersPerExpert { get; set; }

        public long Router { get; set; }

        public long Norms { get; set; }

        /// <summary>Multi-token-prediction layers: in the checkpoint, not used for plain inference, not in <see cref="Total"/>.</summary>
        public long Mtp { get; set; }

        public long Total => Embedding + LmHead + Attention + DenseMlp + SharedExperts + RoutedExperts + Router + Norms;

        /// <summary>Weights that are not matrix multiplications' inputs: embeddings, LM head, norms (kept in BF16 by quantizers).</summary>
        public long HighPrecision => Embedding + LmHead + Norms;

        /// <summary>Parameters a token touches, without the input embedding (a lookup reads one row).</summary>
        public long ActivePerToken(int expertsPerToken, int moeLayers) =>
            LmHead + Attention + DenseMlp + SharedExperts + Router + Norms + (long)expertsPerToken * moeLayers * ParametersPerExpert;
    }
}
