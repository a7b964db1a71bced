namespace DeepSeekHw
{
    /// <summary>The KV-cache element type. Auto is the engine's default (the model's activation dtype).</summary>
    public enum KvCacheType
    {
        Auto,
        BF16,
        FP16,
        FP8,
    }
}
