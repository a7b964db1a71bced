namespace DeepSeekHw
{
    /// <summary>One GPU as its vendor tool (or the OS) reports it, with the matched catalog entry.</summary>
    public sealed class GpuDevice
    {
        public int Index { get; set; }

        /// <summary>The product name exactly as reported, e.g. "NVIDIA H100 80GB HBM3".</summary>
        public string Name { get; set; } = string.Empty;

        /// <summary>NVIDIA, AMD or Intel.</summary>
        public GpuVendor Vendor { get; set; }

        /// <summary>Total memory the driver exposes; null when no source reports it reliably (never CIM's 32-bit AdapterRAM).</summary>
        public long? MemoryTotalBytes { get; set; }

        public long? MemoryUsedBytes { get; set; }

        /// <summary>Driver version exactly as reported, e.g. "535.154.02".</summary>
        public string? DriverVersion { get; set; }

        /// <summary>The CUDA driver API version the driver supports, exactly as nvidia-smi reports it, e.g. "12.2".</summary>
        public string? CudaVersion { get; set; }

        /// <summary>CUDA compute capability, e.g. "9.0"; null for non-NVIDIA GPUs or when unknown.</summary>
        public string? ComputeCapability { get; set; }

        /// <summary>Where <see cref="ComputeCapability"/> came from: the driver, the PCI device id, the reported architecture or the catalog.</summary>
        public string? ComputeCapabilityBasis { get; set; }

        /// <summary>The PCI vendor and device id as reported ("10DE:2204"): what identifies the chip when the name does not.</summary>
        public string? PciId { get; set; }

        /// <summary>AMD LLVM target, e.g. "gfx942".</summary>
        public string? GfxTarget { get; set; }

        /// <summary>Where <see cref="GfxTarget"/> came from: the driver, the PCI device id or the catalog.</summary>
        public string? GfxTargetBasis { get; set; }

        public string? Architecture { get; set; }

        /// <summary>The GPU chip ("GA102", "Navi 31"), from the PCI device id or name in the PCI ID database.</summary>
        public string? Chip { get; set; }

        public string? PciBusId { get; set; }

        public string? Uuid { get; set; }

        /// <summary>MIG mode is on: the GPU's memory is split into instances.</summary>
        public bool? MigEnabled { get; set; }

        public bool? EccEnabled { get; set; }

        public bool? PersistenceMode { get; set; }

        /// <summary>Windows driver model: WDDM or TCC.</summary>
        public string? DriverModel { get; set; }

        public int? PcieGeneration { get; set; }

        public int? PcieLinkWidth { get; set; }

        /// <summary>
        /// The board power limit the driver enforces now, in watts (nvidia-smi's current or enforced power limit): below the
        /// catalog's TDP where an administrator capped it; null when not reported.
        /// </summary>
        public int? PowerLimitWatts { get; set; }

        /// <summary>The source this GPU came from (a fact source id).</summary>
        public string Source { get; set; } = string.Empty;

        /// <summary>The catalog entry matched by name (and memory), or null for a GPU the catalog does not know.</summary>
        public GpuSpec? Spec { get; set; }

        public override string ToString() => Name;
    }
}
