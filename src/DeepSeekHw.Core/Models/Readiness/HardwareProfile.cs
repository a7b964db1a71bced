using System;

namespace DeepSeekHw
{
    /// <summary>
    /// A hardware tier or edition from the seed guides (Get-DeepSeekProfile), as data: Test-DeepSeekReadiness -Profile
    /// checks a machine against it. Null requirements are ones the guide does not state.
    /// </summary>
    public sealed class HardwareProfile
    {
        public string Name { get; set; } = string.Empty;

        public string Edition { get; set; } = string.Empty;

        public string Description { get; set; } = string.Empty;

        /// <summary>The guide and section the figures come from.</summary>
        public string Source { get; set; } = string.Empty;

        /// <summary>Any one of these GPU sets satisfies the tier (the guides say "or equivalent").</summary>
        public ProfileGpuOption[] GpuOptions { get; set; } = Array.Empty<ProfileGpuOption>();

        /// <summary>NVLink or NVSwitch between the GPUs; null when the guide does not ask for one.</summary>
        public string? Interconnect { get; set; }

        /// <summary>Machines the tier spans; each one is tested on its own.</summary>
        public int Nodes { get; set; } = 1;

        public int? MinCpuCores { get; set; }

        public int? MinCpuThreads { get; set; }

        public double? MinCpuFrequencyMHz { get; set; }

        public long? MinMemoryBytes { get; set; }

        public bool RequiresEccMemory { get; set; }

        public bool RequiresNvme { get; set; }

        public long? MinStorageBytes { get; set; }

        public long? MinStorageThroughputBytesPerSecond { get; set; }

        /// <summary>InfiniBand or RoCE for the compute network of a multi-node tier.</summary>
        public string? NetworkFabric { get; set; }

        public long? MinNetworkBitsPerSecond { get; set; }

        public long? StorageNetworkBitsPerSecond { get; set; }

        /// <summary>Editions: the largest model they serve, in parameters, and its precision.</summary>
        public long? ModelMaxParameters { get; set; }

        public string? ModelPrecision { get; set; }

        public override string ToString() => Name;
    }

    public sealed class ProfileGpuOption
    {
        /// <summary>The catalog GPU the guide names; a GPU with at least its memory and FP16 throughput is equivalent.</summary>
        public string Gpu { get; set; } = string.Empty;

        public int Count { get; set; }

        public override string ToString() => Count + "x " + Gpu;
    }
}
