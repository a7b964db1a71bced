using static DeepSeekHw.InvariantText;

namespace DeepSeekHw.Readiness
{
    /// <summary>How checks write sizes and rates into Expected/Actual: binary units for memory, decimal for disks and links.</summary>
    internal static class Units
    {
        public static string GiB(long bytes) => Invariant($"{bytes / 1073741824.0:0.#} GiB");

        public static string GiB(long? bytes) => bytes is long b ? GiB(b) : "unknown";

        public static string GB(long bytes) => bytes >= 1_000_000_000_000 ? Invariant($"{bytes / 1e12:0.##} TB") : Invariant($"{bytes / 1e9:0.#} GB");

        public static string Gbps(long bitsPerSecond) => Invariant($"{bitsPerSecond / 1e9:0.#} Gb/s");
    }
}
