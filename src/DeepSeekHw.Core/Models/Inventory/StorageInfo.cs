using System;

namespace DeepSeekHw
{
    /// <summary>Disks and the filesystems model files could live on.</summary>
    public sealed class StorageInfo
    {
        public StorageDevice[] Devices { get; set; } = Array.Empty<StorageDevice>();

        public StorageVolume[] Volumes { get; set; } = Array.Empty<StorageVolume>();
    }

    /// <summary>A physical (or virtual) disk.</summary>
    public sealed class StorageDevice
    {
        public string Name { get; set; } = string.Empty;

        public string? Model { get; set; }

        public long? SizeBytes { get; set; }

        /// <summary>NVMe, SSD, HDD, Virtual or Unknown.</summary>
        public string Kind { get; set; } = "Unknown";

        /// <summary>nvme, sata, sas, usb, ... as the OS reports it.</summary>
        public string? Transport { get; set; }

        public bool Removable { get; set; }

        public override string ToString() => Name;
    }

    /// <summary>A mounted filesystem (Linux) or a logical disk (Windows) with its free space.</summary>
    public sealed class StorageVolume
    {
        /// <summary>Mount point ("/", "/data") or drive ("C:").</summary>
        public string MountPoint { get; set; } = string.Empty;

        public string? Device { get; set; }

        public long? SizeBytes { get; set; }

        public long? FreeBytes { get; set; }

        public override string ToString() => MountPoint;
    }
}
