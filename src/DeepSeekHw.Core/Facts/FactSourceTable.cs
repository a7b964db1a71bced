using System;
using System.Collections.Generic;
using System.IO;

namespace DeepSeekHw.Facts
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
            FactSourceSpec.PythonProbe(FactSourceIds.PythonPackages, "SoftwareParser"),
            FactSourceSpec.GpuTool(FactSourceIds.NvidiaSmiXml, "NvidiaSmiXmlParser"),
            FactSourceSpec.Command(FactSourceIds.NvidiaSmiComputeCap, "NvidiaQueryParser"),
            FactSourceSpec.Command(FactSourceIds.NvidiaSmiTopology, "NvidiaTopologyParser"),
            FactSourceSpec.GpuTool(FactSourceIds.RocmSmiJson, "RocmSmiParser", "/opt/rocm/bin/rocm-smi"),
            FactSourceSpec.GpuTool(FactSourceIds.AmdSmiStatic, "AmdSmiStaticParser", "/opt/rocm/bin/amd-smi"),
            FactSourceSpec.Command(FactSourceIds.Lspci, "LspciParser", Quick, null, "/usr/bin/lspci", "/sbin/lspci", "/usr/sbin/lspci"),
            FactSourceSpec.Command(FactSourceIds.Lscpu, "CpuParser", Quick),
            FactSourceSpec.Command(FactSourceIds.Lsblk, "StorageParser", Quick),
            FactSourceSpec.Command(FactSourceIds.DiskFree, "StorageParser", Quick),
            FactSourceSpec.Command(FactSourceIds.Nvcc, "SoftwareParser", fallbacks: "/usr/local/cuda/bin/nvcc"),

            // Linux 6.1+ names the architecture in a file; older kernels need uname.
            FactSourceSpec.File(FactSourceIds.ArchitectureFile, "OperatingSystemParser"),
            FactSourceSpec.Command(FactSourceIds.Architecture, "OperatingSystemParser", Quick, onlyWhenMissing: FactSourceIds.ArchitectureFile),

            FactSourceSpec.File(FactSourceIds.CpuInfo, "CpuParser"),
            FactSourceSpec.File(FactSourceIds.CpuMaxFrequency, "CpuParser"),
            FactSourceSpec.File(FactSourceIds.MemInfo, "MemoryParser"),
            FactSourceSpec.File(FactSourceIds.CgroupV2MemoryMax, "MemoryParser"),
            FactSourceSpec.File(FactSourceIds.CgroupV1MemoryLimit, "MemoryParser"),
            FactSourceSpec.File(FactSourceIds.CgroupV2CpuMax, "CpuParser"),
            FactSourceSpec.File(FactSourceIds.CgroupV1CpuQuota, "CpuParser"),
            FactSourceSpec.File(FactSourceIds.CgroupV1CpuPeriod, "CpuParser"),
            FactSourceSpec.File(FactSourceIds.OsRelease, "OperatingSystemParser"),
            FactSourceSpec.File(FactSourceIds.KernelRelease, "OperatingSystemParser"),
            FactSourceSpec.File(FactSourceIds.ContainerEnvFile, "OperatingSystemParser"),
            FactSourceSpec.File(FactSourceIds.NvidiaDriverVersionFile, "SoftwareParser"),
            FactSourceSpec.File(FactSourceIds.CudaVersionJson, "SoftwareParser"),
            FactSourceSpec.File(FactSourceIds.CudnnVersionHeader, "SoftwareParser"),
            FactSourceSpec.File(FactSourceIds.CudnnVersionHeaderCuda, "SoftwareParser"),
            FactSourceSpec.File(FactSourceIds.NcclHeader, "SoftwareParser"),
            FactSourceSpec.File(FactSourceIds.RocmVersionFile, "SoftwareParser"),

            // sysfs: an EDAC memory controller means ECC; links; what lsblk reads, for images without lsblk; RDMA ports.
            FactSourceSpec.FileTree(FactSourceIds.EdacPrefix + "mc*/", "MemoryParser", new[] { "mc_name" }),
            FactSourceSpec.FileTree(FactSourceIds.NetPrefix + "*/", "NetworkParser", new[] { "type", "mtu", "operstate", "speed" }),
            FactSourceSpec.FileTree(FactSourceIds.BlockPrefix + "*/", "StorageParser", new[] { "size", "removable", "queue/rotational", "device/model", "device/vendor" }, "loop", "ram", "zram", "dm-", "sr", "md", "nbd"),
            FactSourceSpec.FileTree(FactSourceIds.InfinibandPrefix + "*/ports/*/", "NetworkParser", new[] { "rate", "state", "link_layer" }),
        });

        public static IReadOnlyList<FactSourceSpec> Windows { get; } = Array.AsReadOnly(new[]
        {
            FactSourceSpec.GpuTool(FactSourceIds.NvidiaSmiXmlWindows, "NvidiaSmiXmlParser", NvidiaSmiWindowsFallbacks),
            FactSourceSpec.Command(FactSourceIds.NvidiaSmiComputeCapWindows, "NvidiaQueryParser", null, null, NvidiaSmiWindowsFallbacks),
            FactSourceSpec.Command(FactSourceIds.DisplayAdapterMemoryRegistry, "RegistryQueryParser", Quick),
            FactSourceSpec.Command(FactSourceIds.DisplayAdapterNameRegistry, "RegistryQueryParser", Quick),
            FactSourceSpec.PythonProbe(FactSourceIds.PythonPackagesWindows, "SoftwareParser"),
            FactSourceSpec.Cim(FactSourceIds.CimProcessor, "CimMapper"),
            FactSourceSpec.Cim(FactSourceIds.CimComputerSystem, "CimMapper"),
            FactSourceSpec.Cim(FactSourceIds.CimPhysicalMemory, "CimMapper"),
            FactSourceSpec.Cim(FactSourceIds.CimPhysicalMemoryArray, "CimMapper"),
            FactSourceSpec.Cim(FactSourceIds.CimOperatingSystem, "CimMapper"),
            FactSourceSpec.Cim(FactSourceIds.CimVideoController, "CimMapper"),
            FactSourceSpec.Cim(FactSourceIds.CimPhysicalDisk, "CimMapper"),
            FactSourceSpec.Cim(FactSourceIds.CimDiskDrive, "CimMapper"),
            FactSourceSpec.Cim(FactSourceIds.CimLogicalDisk, "CimMapper"),
            FactSourceSpec.Cim(FactSourceIds.CimNetworkAdapter, "CimMapper"),
        });

        /// <summary>The table for a bundle's platform: Windows, or the Linux table for everything else (its files and tools are POSIX).</summary>
        public static IReadOnlyList<FactSourceSpec> For(string platform) =>
            string.Equals(platform, "Windows", StringComparison.OrdinalIgnoreCase) ? Windows : Linux;

        /// <summary>The text of a probe's script (embedded, one line ending everywhere).</summary>
        public static string ReadScript(string script)
        {
            using var stream = typeof(FactSourceTable).Assembly.GetManifestResourceStream("DeepSeekHw.Facts.Probes." + script)
                ?? throw new InvalidOperationException("Embedded probe missing: " + script);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd().Replace("\r\n", "\n");
        }
    }
}
