using System;
using System.Collections.Generic;
using System.IO;
using DeepSeekHw.Facts;
using DeepSeekHw.Inventory;

namespace DeepSeekHw.Collection
{
    /// <summary>
    /// What the collector records on each platform, one row per source: the only place a command, file or CIM class is
    /// named. The collector runs these rows; the tests check that each row produces exactly its id and that a parser
    /// reads it; a collector for another runtime (a PowerShell script for remote nodes) is generated from the same rows.
    /// Order matters only for speed: the slowest commands first, so they overlap everything else.
    /// </summary>
    public static class FactSourceTable
    {
        // Local tools that answer at once unless something is wrong (df on a hung NFS mount blocks until killed).
        private static readonly TimeSpan Quick = TimeSpan.FromSeconds(10);

        // Where NVIDIA's Windows driver installs nvidia-smi when it is not on PATH; expanded on the machine.
        private static readonly string[] NvidiaSmiWindowsFallbacks =
        {
            @"%SystemRoot%\System32\nvidia-smi.exe",
            @"%ProgramFiles%\NVIDIA Corporation\NVSMI\nvidia-smi.exe",
        };

        public static IReadOnlyList<FactSourceSpec> Linux { get; } = Array.AsReadOnly(new[]
        {
            FactSourceSpec.PythonProbe(FactSourceIds.PythonPackages, nameof(SoftwareParser)),
            FactSourceSpec.Command(FactSourceIds.NvidiaSmiXml, nameof(NvidiaSmiXmlParser)),
            FactSourceSpec.Command(FactSourceIds.NvidiaSmiComputeCap, nameof(NvidiaQueryParser)),
            FactSourceSpec.Command(FactSourceIds.NvidiaSmiTopology, nameof(NvidiaTopologyParser)),
            FactSourceSpec.Command(FactSourceIds.RocmSmiJson, nameof(RocmSmiParser), fallbacks: "/opt/rocm/bin/rocm-smi"),
            FactSourceSpec.Command(FactSourceIds.AmdSmiStatic, nameof(AmdSmiStaticParser), fallbacks: "/opt/rocm/bin/amd-smi"),
            FactSourceSpec.Command(FactSourceIds.Lspci, nameof(LspciParser), Quick, null, "/usr/bin/lspci", "/sbin/lspci", "/usr/sbin/lspci"),
            FactSourceSpec.Command(FactSourceIds.Lscpu, nameof(CpuParser), Quick),
            FactSourceSpec.Command(FactSourceIds.Lsblk, nameof(StorageParser), Quick),
            FactSourceSpec.Command(FactSourceIds.DiskFree, nameof(StorageParser), Quick),
            FactSourceSpec.Command(FactSourceIds.Nvcc, nameof(SoftwareParser), fallbacks: "/usr/local/cuda/bin/nvcc"),

            // Linux 6.1+ names the architecture in a file; older kernels need uname.
            FactSourceSpec.File(FactSourceIds.ArchitectureFile, nameof(OperatingSystemParser)),
            FactSourceSpec.Command(FactSourceIds.Architecture, nameof(OperatingSystemParser), Quick, onlyWhenMissing: FactSourceIds.ArchitectureFile),

            FactSourceSpec.File(FactSourceIds.CpuInfo, nameof(CpuParser)),
            FactSourceSpec.File(FactSourceIds.CpuMaxFrequency, nameof(CpuParser)),
            FactSourceSpec.File(FactSourceIds.MemInfo, nameof(MemoryParser)),
            FactSourceSpec.File(FactSourceIds.CgroupV2MemoryMax, nameof(MemoryParser)),
            FactSourceSpec.File(FactSourceIds.CgroupV1MemoryLimit, nameof(MemoryParser)),
            FactSourceSpec.File(FactSourceIds.CgroupV2CpuMax, nameof(CpuParser)),
            FactSourceSpec.File(FactSourceIds.CgroupV1CpuQuota, nameof(CpuParser)),
            FactSourceSpec.File(FactSourceIds.CgroupV1CpuPeriod, nameof(CpuParser)),
            FactSourceSpec.File(FactSourceIds.OsRelease, nameof(OperatingSystemParser)),
            FactSourceSpec.File(FactSourceIds.KernelRelease, nameof(OperatingSystemParser)),
            FactSourceSpec.File(FactSourceIds.ContainerEnvFile, nameof(OperatingSystemParser)),
            FactSourceSpec.File(FactSourceIds.NvidiaDriverVersionFile, nameof(SoftwareParser)),
            FactSourceSpec.File(FactSourceIds.CudaVersionJson, nameof(SoftwareParser)),
            FactSourceSpec.File(FactSourceIds.CudnnVersionHeader, nameof(SoftwareParser)),
            FactSourceSpec.File(FactSourceIds.CudnnVersionHeaderCuda, nameof(SoftwareParser)),
            FactSourceSpec.File(FactSourceIds.NcclHeader, nameof(SoftwareParser)),
            FactSourceSpec.File(FactSourceIds.RocmVersionFile, nameof(SoftwareParser)),

            // sysfs: an EDAC memory controller means ECC; links; what lsblk reads, for images without lsblk; RDMA ports.
            FactSourceSpec.FileTree(FactSourceIds.EdacPrefix + "mc*/", nameof(MemoryParser), new[] { "mc_name" }),
            FactSourceSpec.FileTree(FactSourceIds.NetPrefix + "*/", nameof(NetworkParser), new[] { "type", "mtu", "operstate", "speed" }),
            FactSourceSpec.FileTree(FactSourceIds.BlockPrefix + "*/", nameof(StorageParser), new[] { "size", "removable", "queue/rotational", "device/model", "device/vendor" }, "loop", "ram", "zram", "dm-", "sr", "md", "nbd"),
            FactSourceSpec.FileTree(FactSourceIds.InfinibandPrefix + "*/ports/*/", nameof(NetworkParser), new[] { "rate", "state", "link_layer" }),
        });

        public static IReadOnlyList<FactSourceSpec> Windows { get; } = Array.AsReadOnly(new[]
        {
            FactSourceSpec.Command(FactSourceIds.NvidiaSmiXmlWindows, nameof(NvidiaSmiXmlParser), null, null, NvidiaSmiWindowsFallbacks),
            FactSourceSpec.Command(FactSourceIds.NvidiaSmiComputeCapWindows, nameof(NvidiaQueryParser), null, null, NvidiaSmiWindowsFallbacks),
            FactSourceSpec.Command(FactSourceIds.DisplayAdapterMemoryRegistry, nameof(RegistryQueryParser), Quick),
            FactSourceSpec.Command(FactSourceIds.DisplayAdapterNameRegistry, nameof(RegistryQueryParser), Quick),
            FactSourceSpec.PythonProbe(FactSourceIds.PythonPackagesWindows, nameof(SoftwareParser)),
            FactSourceSpec.Cim(FactSourceIds.CimProcessor, nameof(CimMapper)),
            FactSourceSpec.Cim(FactSourceIds.CimComputerSystem, nameof(CimMapper)),
            FactSourceSpec.Cim(FactSourceIds.CimPhysicalMemory, nameof(CimMapper)),
            FactSourceSpec.Cim(FactSourceIds.CimPhysicalMemoryArray, nameof(CimMapper)),
            FactSourceSpec.Cim(FactSourceIds.CimOperatingSystem, nameof(CimMapper)),
            FactSourceSpec.Cim(FactSourceIds.CimVideoController, nameof(CimMapper)),
            FactSourceSpec.Cim(FactSourceIds.CimPhysicalDisk, nameof(CimMapper)),
            FactSourceSpec.Cim(FactSourceIds.CimDiskDrive, nameof(CimMapper)),
            FactSourceSpec.Cim(FactSourceIds.CimLogicalDisk, nameof(CimMapper)),
            FactSourceSpec.Cim(FactSourceIds.CimNetworkAdapter, nameof(CimMapper)),
        });

        /// <summary>The table for a bundle's platform (Linux, Windows); macOS has none yet.</summary>
        public static IReadOnlyList<FactSourceSpec> For(string platform) =>
            string.Equals(platform, "Windows", StringComparison.OrdinalIgnoreCase) ? Windows
            : string.Equals(platform, "Linux", StringComparison.OrdinalIgnoreCase) ? Linux
            : Array.Empty<FactSourceSpec>();

        /// <summary>The text of a probe's script (embedded, one line ending everywhere).</summary>
        public static string ReadScript(string script)
        {
            using var stream = typeof(FactSourceTable).Assembly.GetManifestResourceStream("DeepSeekHw.Collection.Probes." + script)
                ?? throw new InvalidOperationException("Embedded probe missing: " + script);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd().Replace("\r\n", "\n");
        }
    }
}
