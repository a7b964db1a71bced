namespace DeepSeekHw.Inventory
{
    /// <summary>/proc/meminfo, refined by the cgroup memory limit a container runs under.</summary>
    internal static class MemoryParser
    {
        // cgroup v1 writes "no limit" as a page-rounded 2^63-1; a limit above any machine's memory is no limit.
        private const long UnlimitedThreshold = FactNumber.MaxMemoryBytes;

        public static void ApplyMemInfo(MemoryInfo memory, string text, string sourceId, ParseLog log)
        {
            var values = FactText.KeyValues(text);
            memory.TotalBytes = Kibibytes(values, "MemTotal", sourceId, log);
            memory.AvailableBytes = Kibibytes(values, "MemAvailable", sourceId, log) ?? Kibibytes(values, "MemFree", sourceId, log);
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

        private static long? Kibibytes(System.Collections.Generic.Dictionary<string, string> values, string key, string sourceId, ParseLog log) =>
            values.TryGetValue(key, out var value)
                ? FactNumber.Scaled(FactText.ParseLong(value.Replace("kB", string.Empty).Trim()), 1024, FactNumber.MaxMemoryBytes, log, sourceId, key)
                : null;
    }
}
