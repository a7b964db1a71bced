namespace DeepSeekHw
{
    /// <summary>What the GPUs will do with the model.</summary>
    public enum SizingWorkload
    {
        Inference,

        /// <summary>LoRA adapters on a frozen BF16 base.</summary>
        LoRA,

        /// <summary>LoRA adapters on a frozen 4-bit NF4 base.</summary>
        QLoRA,

        /// <summary>All parameters trained with mixed-precision AdamW.</summary>
        FullFineTune,
    }
}
