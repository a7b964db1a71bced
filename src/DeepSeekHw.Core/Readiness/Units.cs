using static DeepSeekHw.InvariantText;

namespace DeepSeekHw.Readiness
{
    /// <summary>How checks write sizes and rates into Expected/Actual: sizes as <see cref="ByteSize"/> writes them everywhere, links in Gb/s.</summary>
    internal static class Units
    {
        public static string Size(long bytes) => ByteSize.Format(bytes);

        public static string Size(long? bytes) => bytes is long b ? Size(b) : "unknown";

        public static string Gbps(long bitsPerSecond) => Invariant($"{bitsPerSecond / 1e9:0.#} Gb/s");
    }
}
