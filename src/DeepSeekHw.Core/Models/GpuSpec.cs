using System;

namespace DeepSeekHw
{
    /// <summary>
    /// A GPU or accelerator from the catalog. Throughput figures are dense (no sparsity); sizes are bytes.
    /// </summary>
    public sealed class GpuSpec
    {
        /// <summary>The short name people type, e.g. H100-SXM.</summary>
        public string Name { get; set; } = string.Empty;

        public string DisplayName { get; set; } = string.Empty;

        public string[] Aliases { get; set; } = Array.Empty<string>();

        /// <summary>Regular expressions (case-insensitive) that match the names nvidia-smi, rocm-smi or CIM report.</summary>
        public string[] MatchPatterns { get; set; } = Array.Empty<string>();

        public string Vendor { get; set; } = string.Empty;

        public string Architecture { get; set; } = string.Empty;

        public string FormFactor { get; set; } = string.Empty;

        /// <summary>Marketed memory capacity.</summary>
        public long MemoryBytes { get; set; }

        /// <summary>What the driver exposes as total memory (e.g. nvidia-smi's 81559 MiB on an H100 80GB); null when no capture was seen.</summary>
        public long? UsableMemoryBytes { get; set; }

        public string? UsableMemorySource { get; set; }

        public string MemoryType { get; set; } = string.Empty;

        public long MemoryBandwidthBytesPerSecond { get; set; }

        /// <summary>Dense BF16 tensor throughput; null where the GPU has no BF16 tensor support (Turing, Volta).</summary>
        public double? DenseBf16Tflops { get; set; }

        public double? DenseFp16Tflops { get; set; }

        /// <summary>Dense FP8 tensor throughput; null where the GPU has no FP8 units.</summary>
        public double? DenseFp8Tflops { get; set; }

        public double? DenseInt8Tops { get; set; }

        public double? DenseFp4Tflops { get; set; }

        public int? TdpWatts { get; set; }

        public string Interconnect { get; set; } = string.Empty;

        public long? InterconnectBandwidthBytesPerSecond { get; set; }

        /// <summary>CUDA compute capability (NVIDIA), e.g. 9.0.</summary>
        public string? ComputeCapability { get; set; }

        /// <summary>LLVM target (AMD), e.g. gfx942.</summary>
        public string? GfxTarget { get; set; }

        public int? PcieGeneration { get; set; }

        public string Confidence { get; set; } = string.Empty;

        public string Source { get; set; } = string.Empty;

        public string Notes { get; set; } = string.Empty;

        public override string ToString() => Name;
    }
}
