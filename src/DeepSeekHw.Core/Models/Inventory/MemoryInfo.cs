namespace DeepSeekHw
{
    /// <summary>System memory. Inside a container the cgroup limit, not the host's total, is what a process can use.</summary>
    public sealed class MemoryInfo
    {
        /// <summary>Memory the operating system sees (MemTotal, TotalPhysicalMemory).</summary>
        public long? TotalBytes { get; set; }

        public long? AvailableBytes { get; set; }

        /// <summary>The container's memory limit (cgroup v2 memory.max or v1 memory.limit_in_bytes); null when unlimited.</summary>
        public long? LimitBytes { get; set; }

        /// <summary>What processes here can actually use: the smaller of the total and the limit.</summary>
        public long? UsableBytes { get; set; }

        /// <summary>Whether memory has error correction; null when the OS does not expose it.</summary>
        public bool? EccEnabled { get; set; }

        /// <summary>Installed memory modules (Windows: Win32_PhysicalMemory); null where not visible.</summary>
        public int? ModuleCount { get; set; }

        public override string ToString() => TotalBytes?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
    }
}
