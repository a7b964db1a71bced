using System;

namespace DeepSeekHw
{
    /// <summary>
    /// What one machine has, interpreted from a fact bundle. Plain data with settable properties, so it survives
    /// remoting, Export-Clixml and JSON; a missing fact is null (never a guess) and a reason is in <see cref="Warnings"/>.
    /// </summary>
    public sealed class HardwareInventory
    {
        public string ComputerName { get; set; } = string.Empty;

        /// <summary>Linux, Windows or MacOS.</summary>
        public string Platform { get; set; } = string.Empty;

        public OperatingSystemInfo OperatingSystem { get; set; } = new OperatingSystemInfo();

        public CpuInfo Cpu { get; set; } = new CpuInfo();

        public MemoryInfo Memory { get; set; } = new MemoryInfo();

        /// <summary>Every GPU found; empty (never null) when there is none or no tool could list them.</summary>
        public GpuDevice[] Gpus { get; set; } = Array.Empty<GpuDevice>();

        /// <summary>How the GPUs talk to each other: NVLink, PCIe, Mixed, or null with fewer than two GPUs or no topology.</summary>
        public string? GpuInterconnect { get; set; }

        /// <summary>One entry per GPU pair, from nvidia-smi topo -m.</summary>
        public GpuLink[] GpuLinks { get; set; } = Array.Empty<GpuLink>();

        public StorageInfo Storage { get; set; } = new StorageInfo();

        public NetworkAdapter[] Network { get; set; } = Array.Empty<NetworkAdapter>();

        public SoftwareStack Software { get; set; } = new SoftwareStack();

        /// <summary>What could not be collected or understood, each with its source and kind.</summary>
        public InventoryWarning[] Warnings { get; set; } = Array.Empty<InventoryWarning>();

        /// <summary>What became of each GPU tool: a rule tells "no GPU here" from "the GPU tool failed" by this, not by a warning's wording.</summary>
        public GpuToolStatus[] GpuTools { get; set; } = Array.Empty<GpuToolStatus>();

        public DateTimeOffset CollectedAt { get; set; }

        /// <summary>True for a machine described with New-DeepSeekHardware rather than collected.</summary>
        public bool IsHypothetical { get; set; }

        public override string ToString() => ComputerName;
    }
}
