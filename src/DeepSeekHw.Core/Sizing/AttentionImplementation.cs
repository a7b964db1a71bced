namespace DeepSeekHw
{
    /// <summary>
    /// Hugging Face Transformers' attention implementation (attn_implementation). Serving engines always run fused
    /// kernels; Auto is SDPA, Transformers' default since 4.36.
    /// </summary>
    public enum AttentionImplementation
    {
        Auto,

        /// <summary>Materializes the attention scores: heads × prompt² per sequence, softmax in FP32.</summary>
        Eager,

        /// <summary>PyTorch scaled_dot_product_attention (flash or memory-efficient kernels): no score matrix.</summary>
        Sdpa,

        /// <summary>The flash-attn package: no score matrix.</summary>
        FlashAttention2,
    }
}
