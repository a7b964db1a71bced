namespace DeepSeekHw
{
    /// <summary>How model weights are stored in GPU memory.</summary>
    public enum WeightPrecision
    {
        /// <summary>The model's released dtype: FP8 with 128×128 block scales for the V3/R1 line, BF16 otherwise.</summary>
        Native,
        FP32,
        BF16,
        FP16,
        FP8,
        INT8,

        /// <summary>Generic 4-bit weights with an FP16 scale per group (bitsandbytes/compressed-tensors style).</summary>
        INT4,

        /// <summary>GPTQ 4-bit, FP16 scale and zero point per group (group size set separately).</summary>
        GPTQ_INT4,

        /// <summary>AWQ 4-bit, FP16 scale and zero point per group (group size set separately).</summary>
        AWQ_INT4,
        Q8_0,
        Q6_K,
        Q5_K_M,
        Q4_K_M,
        Q3_K_M,
        Q2_K,

        // More GGUF file types (appended to keep the numeric values above stable). Sizes follow llama.cpp's per-tensor choice.
        Q5_K_S,
        Q5_0,
        Q4_K_S,
        Q4_0,
        Q4_1,
        IQ4_XS,
        IQ4_NL,
        Q3_K_L,
        Q3_K_S,
        IQ3_M,
        IQ3_XXS,
        IQ2_M,
        IQ2_XXS,
        IQ1_M,
        IQ1_S,
    }
}
