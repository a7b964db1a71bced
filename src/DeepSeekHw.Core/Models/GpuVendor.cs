namespace DeepSeekHw
{
    /// <summary>Who makes a GPU: the one spelling every parser, rule and catalog entry uses.</summary>
    public enum GpuVendor
    {
        Unknown,
        NVIDIA,
        AMD,
        Intel,
        Apple,
    }
}
