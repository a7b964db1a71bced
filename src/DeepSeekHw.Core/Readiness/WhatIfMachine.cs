using System;
using System.Collections.Generic;
using System.Linq;

namespace DeepSeekHw.Readiness
{
    /// <summary>
    /// A machine a planner does not have yet (New-DeepSeekHardware). It becomes an inventory with only the facts
    /// given: GPUs from the catalog entry, and whatever else was stated; everything left out stays unknown, so the
    /// checks that need it answer Unknown instead of guessing.
    /// </summary>
    public sealed class WhatIfMachine
    {
        /// <summary>A machine with gpuCount of this GPU, or (gpu null) one without GPUs, for CPU inference.</summary>
        public WhatIfMachine(GpuSpec? gpu, int gpuCount)
        {
            Gpu = gpu;
            GpuCount = gpu is null ? 0 : gpuCount >= 1 ? gpuCount : throw new ArgumentOutOfRangeException(nameof(gpuCount), "GpuCount must be at least 1.");
        }

        /// <summary>The GPU, or null for a machine without one.</summary>
        public GpuSpec? Gpu { get; }

        public int GpuCount { get; }

        public string ComputerName { get; set; } = "what-if";

        public string Platform { get; set; } = "Linux";

        public long? MemoryBytes { get; set; }

        public int? CpuCores { get; set; }

        /// <summary>The CPU's model name as lscpu or Windows reports it (e.g. AMD EPYC 9654 96-Core Processor).</summary>
        public string? CpuModel { get; set; }

        public int? CpuSockets { get; set; }

        public int? CpuThreads { get; set; }

        public double? CpuFrequencyMHz { get; set; }

        /// <summary>NVLink, NVSwitch or PCIe.</summary>
        public string? Interconnect { get; set; }

        public long? NetworkBitsPerSecond { get; set; }

        /// <summary>InfiniBand, RoCE or Ethernet.</summary>
        public string NetworkKind { get; set; } = "InfiniBand";

        public long? StorageBytes { get; set; }

        public long? FreeStorageBytes { get; set; }

        /// <summary>NVMe, SSD or HDD.</summary>
        public string StorageKind { get; set; } = "NVMe";

        public string? DriverVersion { get; set; }

        public string? PyTorchVersion { get; set; }

        public string? PyTorchCudaBuild { get; set; }

        /// <summary>Python packages as name=version (e.g. vllm=0.8.5).</summary>
        public IDictionary<string, string> Packages { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        public HardwareInventory ToInventory()
        {
            var gpu = Gpu;
            var inventory = new HardwareInventory
            {
                ComputerName = ComputerName,
                Platform = Platform,
                IsHypothetical = true,
                Gpus = gpu is null ? Array.Empty<GpuDevice>() : Enumerable.Range(0, GpuCount).Select(i => new GpuDevice
                {
                    Index = i,
                    Name = gpu.DisplayName.Length > 0 ? gpu.DisplayName : gpu.Name,
                    Vendor = gpu.Vendor,
                    MemoryTotalBytes = gpu.UsableMemoryBytes ?? gpu.MemoryBytes,
                    ComputeCapability = gpu.ComputeCapability,
                    GfxTarget = gpu.GfxTarget,
                    Architecture = gpu.Architecture,
                    DriverVersion = DriverVersion,
                    Source = "what-if",
                    Spec = gpu,
                }).ToArray(),
                GpuInterconnect = GpuCount < 2 ? null : Interconnect is "NVSwitch" ? "NVLink" : Interconnect,
                Cpu = new CpuInfo { Model = CpuModel is { } model ? SafeText.Clean(model) : null, Sockets = CpuSockets, Cores = CpuCores, Threads = CpuThreads ?? CpuCores, MaxFrequencyMHz = CpuFrequencyMHz },
                Memory = new MemoryInfo { TotalBytes = MemoryBytes, UsableBytes = MemoryBytes },
                CollectedAt = DateTimeOffset.UtcNow,
            };
            inventory.Software.NvidiaDriverVersion = gpu?.Vendor == GpuVendor.NVIDIA ? DriverVersion : null;
            inventory.Software.AmdDriverVersion = gpu?.Vendor == GpuVendor.AMD ? DriverVersion : null;
            var packages = Packages.Select(p => new SoftwarePackage { Name = p.Key, Version = p.Value }).ToList();
            if (PyTorchVersion != null)
            {
                packages.Add(new SoftwarePackage { Name = "torch", Version = PyTorchVersion, CudaBuild = gpu?.Vendor == GpuVendor.NVIDIA ? PyTorchCudaBuild : null, RocmBuild = gpu?.Vendor == GpuVendor.AMD ? PyTorchCudaBuild : null });
            }

            inventory.Software.Packages = packages.ToArray();
            if (StorageBytes != null || FreeStorageBytes != null)
            {
                inventory.Storage.Devices = new[] { new StorageDevice { Name = "disk0", Kind = StorageKind, SizeBytes = StorageBytes ?? FreeStorageBytes } };
                inventory.Storage.Volumes = new[] { new StorageVolume { MountPoint = "/", SizeBytes = StorageBytes ?? FreeStorageBytes, FreeBytes = FreeStorageBytes ?? StorageBytes } };
            }

            if (NetworkBitsPerSecond != null)
            {
                inventory.Network = new[] { new NetworkAdapter { Name = "fabric0", Kind = NetworkKind, SpeedBitsPerSecond = NetworkBitsPerSecond, State = "up", Mtu = FabricMtu() } };
            }

            return inventory;
        }

        // A planned fabric is assumed set up as the checks want it: IPoIB's datagram MTU, or jumbo frames on RoCE/Ethernet.
        private int FabricMtu() =>
            (int)Catalog.CompatibilityChecklist.Builtin.Policy(NetworkKind == "InfiniBand" ? PolicyNames.InfinibandMtu : PolicyNames.JumboFrameMtu).Value;
    }
}
