using System;
using System.Collections.Generic;
using System.Linq;

namespace DeepSeekHw
{
    /// <summary>
    /// A GPU or accelerator from the catalog. Throughput figures are dense (no sparsity); sizes are bytes. Read-only:
    /// every runspace in a process shares the catalog's objects, so no one may change them.
    /// </summary>
    public sealed class GpuSpec
    {
        /// <summary>The short name people type, e.g. H100-SXM.</summary>
        public string Name { get; internal set; } = string.Empty;

        public string DisplayName { get; internal set; } = string.Empty;

        public IReadOnlyList<string> Aliases { get; internal set; } = Array.Empty<string>();

        /// <summary>Regular expressions (case-insensitive) that match the names nvidia-smi, rocm-smi or CIM report.</summary>
        public IReadOnlyList<string> MatchPatterns { get; internal set; } = Array.Empty<string>();

        public GpuVendor Vendor { get; internal set; }

        public string Architecture { get; internal set; } = string.Empty;

        public string FormFactor { get; internal set; } = string.Empty;

        /// <summary>Marketed memory capacity.</summary>
        public long MemoryBytes { get; internal set; }

        /// <summary>What the driver exposes as total memory (e.g. nvidia-smi's 81559 MiB on an H100 80GB); null when no capture was seen.</summary>
        public long? UsableMemoryBytes { get; internal set; }

        public string? UsableMemorySource { get; internal set; }

        public string MemoryType { get; internal set; } = string.Empty;

        public long MemoryBandwidthBytesPerSecond { get; internal set; }

        /// <summary>Dense BF16 tensor throughput; null where the GPU has no BF16 tensor support (Turing, Volta).</summary>
        public double? DenseBf16Tflops { get; internal set; }

        public double? DenseFp16Tflops { get; internal set; }

        /// <summary>
        /// Dense FP16 tensor throughput with FP16 accumulation where it differs from <see cref="DenseFp16Tflops"/> (GeForce
        /// cards accumulate in FP32 at half rate; llama.cpp's FP16 GEMMs accumulate in FP16); null where it is the same.
        /// </summary>
        public double? DenseFp16AccumulateTflops { get; internal set; }

        /// <summary>Dense FP8 tensor throughput; null where the GPU has no FP8 units.</summary>
        public double? DenseFp8Tflops { get; internal set; }

        public double? DenseInt8Tops { get; internal set; }

        public double? DenseFp4Tflops { get; internal set; }

        public int? TdpWatts { get; internal set; }

        public string Interconnect { get; internal set; } = string.Empty;

        public long? InterconnectBandwidthBytesPerSecond { get; internal set; }

        /// <summary>CUDA compute capability (NVIDIA), e.g. 9.0.</summary>
        public string? ComputeCapability { get; internal set; }

        /// <summary>LLVM target (AMD), e.g. gfx942.</summary>
        public string? GfxTarget { get; internal set; }

        public int? PcieGeneration { get; internal set; }

        /// <summary>Streaming multiprocessors (NVIDIA SMs); null where the catalog does not carry them.</summary>
        public int? Multiprocessors { get; internal set; }

        /// <summary>Boost clock of the multiprocessors in MHz; null where the catalog does not carry it.</summary>
        public int? BoostClockMhz { get; internal set; }

        public string Confidence { get; internal set; } = string.Empty;

        public string Source { get; internal set; } = string.Empty;

        public string Notes { get; internal set; } = string.Empty;

        /// <summary>PCI vendor:device ids of this product ("10DE:2204"): matched before names, which tools abbreviate.</summary>
        public IReadOnlyList<string> PciDeviceIds { get; internal set; } = Array.Empty<string>();

        /// <summary>The source of each figure where it differs from <see cref="Source"/> (field name → source).</summary>
        public IReadOnlyDictionary<string, string> ValueSources { get; internal set; } = EmptySources;

        /// <summary>
        /// Set when the figures are not this GPU's own published ones: a GPU the catalog lacks, sized from the memory its
        /// driver reported, with bandwidth and throughput taken from a similar GPU (this says which), or none.
        /// </summary>
        public string? EstimateBasis { get; internal set; }

        /// <summary>True for a spec built from what the driver reported rather than a catalog entry.</summary>
        public bool IsMeasured { get; internal set; }

        /// <summary>True for system RAM standing in for a GPU (CPU-only inference): decode streams DRAM, not GPU memory.</summary>
        public bool IsSystemMemory { get; internal set; }

        /// <summary>True where <see cref="TdpWatts"/> is the limit a machine's driver enforces (its source in <see cref="ValueSources"/>).</summary>
        internal bool HasMeasuredPowerLimit { get; private set; }

        /// <summary>The catalog's TDP where a measured power limit replaced it; null otherwise.</summary>
        internal int? CatalogTdpWatts { get; private set; }

        private static readonly IReadOnlyDictionary<string, string> EmptySources = new System.Collections.ObjectModel.ReadOnlyDictionary<string, string>(new Dictionary<string, string>());

        /// <summary>A copy for a measured device: the same figures, this capacity (vGPU profiles, MIG and firmware reservations differ).</summary>
        internal GpuSpec WithUsableMemory(long bytes, string source)
        {
            var copy = (GpuSpec)MemberwiseClone();
            copy.UsableMemoryBytes = bytes;
            copy.UsableMemorySource = source;
            return copy;
        }

        /// <summary>A copy for a measured device whose driver enforces another board power limit than the catalog's TDP.</summary>
        internal GpuSpec WithPowerLimit(int watts, string source)
        {
            var copy = (GpuSpec)MemberwiseClone();
            copy.CatalogTdpWatts = HasMeasuredPowerLimit ? CatalogTdpWatts : TdpWatts;
            copy.TdpWatts = watts;
            copy.HasMeasuredPowerLimit = true;
            var sources = ValueSources.Where(pair => pair.Key != "tdpWatts").ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
            sources["tdpWatts"] = source;
            copy.ValueSources = new System.Collections.ObjectModel.ReadOnlyDictionary<string, string>(sources);
            return copy;
        }

        /// <summary>This GPU as linked on one machine (what nvidia-smi topo -m found between its GPUs).</summary>
        internal GpuSpec WithInterconnect(string interconnect, long? bandwidthBytesPerSecond)
        {
            var copy = (GpuSpec)MemberwiseClone();
            copy.Interconnect = interconnect;
            copy.InterconnectBandwidthBytesPerSecond = bandwidthBytesPerSecond;
            return copy;
        }

        public override string ToString() => Name;
    }
}
