using System;
using System.Collections.Generic;

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

        public string Confidence { get; internal set; } = string.Empty;

        public string Source { get; internal set; } = string.Empty;

        public string Notes { get; internal set; } = string.Empty;

        public override string ToString() => Name;
    }
}
