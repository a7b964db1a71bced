using System;
using System.Collections.Generic;

namespace DeepSeekHw
{
    /// <summary>
    /// A hardware tier or edition from the seed guides (Get-DeepSeekProfile), as data: Test-DeepSeekReadiness -Profile
    /// checks a machine against it. Null requirements are ones the guide does not state.
    /// </summary>
    public sealed class HardwareProfile
    {
        public string Name { get; internal set; } = string.Empty;

        public string Edition { get; internal set; } = string.Empty;

        public string Description { get; internal set; } = string.Empty;

        /// <summary>The guide and section the figures come from.</summary>
        public string Source { get; internal set; } = string.Empty;

        /// <summary>Any one of these GPU sets satisfies the tier (the guides say "or equivalent").</summary>
        public IReadOnlyList<ProfileGpuOption> GpuOptions { get; internal set; } = Array.Empty<ProfileGpuOption>();

        /// <summary>NVLink or NVSwitch between the GPUs; null when the guide does not ask for one.</summary>
        public string? Interconnect { get; internal set; }

        /// <summary>Machines the tier spans; each one is tested on its own.</summary>
        public int Nodes { get; internal set; } = 1;

        public int? MinCpuCores { get; internal set; }

        public int? MinCpuThreads { get; internal set; }

        public double? MinCpuFrequencyMHz { get; internal set; }

        public long? MinMemoryBytes { get; internal set; }

        public bool RequiresEccMemory { get; internal set; }

        public bool RequiresNvme { get; internal set; }

        public long? MinStorageBytes { get; internal set; }

        public long? MinStorageThroughputBytesPerSecond { get; internal set; }

        /// <summary>InfiniBand or RoCE for the compute network of a multi-node tier.</summary>
        public string? NetworkFabric { get; internal set; }

        public long? MinNetworkBitsPerSecond { get; internal set; }

        public long? StorageNetworkBitsPerSecond { get; internal set; }

        /// <summary>Editions: the largest model they serve, in parameters, and its precision.</summary>
        public long? ModelMaxParameters { get; internal set; }

        public WeightPrecision? ModelPrecision { get; internal set; }

        public override string ToString() => Name;
    }

    public sealed class ProfileGpuOption
    {
        /// <summary>The catalog GPU the guide names; a GPU with at least its memory and FP16 throughput is equivalent.</summary>
        public string Gpu { get; internal set; } = string.Empty;

        public int Count { get; internal set; }

        public override string ToString() => Count + "x " + Gpu;
    }
}
