namespace DeepSeekHw
{
    /// <summary>How a model's attention caches keys and values, which decides the KV-cache size per token.</summary>
    public enum AttentionKind
    {
        /// <summary>Multi-head attention: one K and one V head per query head.</summary>
        MultiHead,

        /// <summary>Grouped-query attention: fewer K/V heads than query heads.</summary>
        GroupedQuery,

        /// <summary>Multi-head latent attention (DeepSeek-V2/V3): one compressed latent per token and layer, shared by all heads.</summary>
        MultiHeadLatent,
    }
}
