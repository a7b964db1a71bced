namespace DeepSeekHw.Inventory
{
    /// <summary>/proc/meminfo, refined by the cgroup memory limit a container runs under.</summary>
    internal static class MemoryParser
    {
        // cgroup v1 writes "no limit" as a page-rounded 2^63-1; anything this large is not a real limit.
        private const long UnlimitedThreshold = 1L << 60;

        public static void ApplyMemInfo(MemoryInfo memory, string text)
        {
            var values = FactText.KeyValues(text);
            memory.TotalBytes = Kibibytes(values, "MemTotal");
            memory.AvailableBytes = Kibibytes(values, "MemAvailable") ?? Kibibytes(values, "MemFree");
        }

        /// <summary>cgroup v2 memory.max ("max" or bytes) or v1 memory.limit_in_bytes.</summary>
        public static void ApplyCgroupLimit(MemoryInfo memory, string text)
        {
            if (FactText.ParseLong(text) is long limit && limit > 0 && limit < UnlimitedThreshold)
            {
                memory.LimitBytes = memory.LimitBytes is long existing && existing < limit ? existing : limit;
            }
        }

        public static void Finish(MemoryInfo memory)
        {
            memory.UsableBytes = memory.LimitBytes is long limit && (memory.TotalBytes is null || limit < memory.TotalBytes)
                ? limit
                : memory.TotalBytes;
        }

        private static long? Kibibytes(System.Collections.Generic.Dictionary<string, string> values, string key) =>
            values.TryGetValue(key, out var value) && FactText.ParseLong(value.Replace("kB", string.Empty).Trim()) is long kib
                ? kib * 1024
                : (long?)null;
    }
}
