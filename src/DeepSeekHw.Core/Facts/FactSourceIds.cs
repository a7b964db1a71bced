namespace DeepSeekHw.Facts
{
    /// <summary>
    /// Every source id the collector records and the parsers read. Ids are pinned (bundles are replayed years later):
    /// a command's id is its exact command line (the collector runs the id's words, see FactSourceTable), a file's its
    /// absolute path, a CIM class cim:&lt;namespace&gt;:&lt;class&gt;. docs/facts.md lists what each contributes.
    /// </summary>
    public static class FactSourceIds
    {
        // NVIDIA
        public const string NvidiaSmiXml = "nvidia-smi -q -x";
        public const string NvidiaSmiComputeCap = "nvidia-smi --query-gpu=index,pci.bus_id,compute_cap --format=csv,noheader";
        public const string NvidiaSmiTopology = "nvidia-smi topo -m";
        public const string NvidiaDriverVersionFile = "/proc/driver/nvidia/version";
        public const string Nvcc = "nvcc --version";
        public const string CudaVersionJson = "/usr/local/cuda/version.json";
        public const string CudnnVersionHeader = "/usr/include/cudnn_version.h";
        public const string CudnnVersionHeaderCuda = "/usr/local/cuda/include/cudnn_version.h";
        public const string NcclHeader = "/usr/include/nccl.h";

        // AMD
        public const string RocmSmiJson = "rocm-smi --showallinfo --json";
        public const string AmdSmiStatic = "amd-smi static";
        public const string RocmVersionFile = "/opt/rocm/.info/version";

        // Any vendor
        public const string Lspci = "lspci -nn";

        // Linux system
        public const string CpuInfo = "/proc/cpuinfo";
        public const string Lscpu = "lscpu";
        public const string CpuMaxFrequency = "/sys/devices/system/cpu/cpu0/cpufreq/cpuinfo_max_freq";
        public const string MemInfo = "/proc/meminfo";
        public const string CgroupV2MemoryMax = "/sys/fs/cgroup/memory.max";
        public const string CgroupV1MemoryLimit = "/sys/fs/cgroup/memory/memory.limit_in_bytes";
        public const string CgroupV2CpuMax = "/sys/fs/cgroup/cpu.max";
        public const string CgroupV1CpuQuota = "/sys/fs/cgroup/cpu/cpu.cfs_quota_us";
        public const string CgroupV1CpuPeriod = "/sys/fs/cgroup/cpu/cpu.cfs_period_us";
        public const string EdacPrefix = "/sys/devices/system/edac/mc/";
        public const string OsRelease = "/etc/os-release";
        public const string KernelRelease = "/proc/sys/kernel/osrelease";
        public const string Architecture = "uname -m";
        public const string ArchitectureFile = "/proc/sys/kernel/arch";
        public const string Lsblk = "lsblk -J -b -o NAME,TYPE,SIZE,ROTA,TRAN,MODEL,RM";
        public const string BlockPrefix = "/sys/block/";
        public const string DiskFree = "df -P -B1 -x tmpfs -x devtmpfs -x squashfs -x overlay";
        public const string NetPrefix = "/sys/class/net/";
        public const string InfinibandPrefix = "/sys/class/infiniband/";
        public const string ContainerEnvFile = "/.dockerenv";

        /// <summary>
        /// The Python probe: versions of the interpreter on PATH and of the ML packages installed for it. The script is an
        /// embedded file (Facts/Probes), named in the id with its version; any edit is a new file and a new id.
        /// </summary>
        public const string PythonPackages = PythonProbePrefix + "-S -c <python-packages.v1.py>";
        public const string PythonPackagesWindows = PythonProbePrefixWindows + "-S -c <python-packages.v1.py>";

        /// <summary>Every version of the probe starts so (older bundles hold the script text itself); parsers accept any, so old bundles keep replaying.</summary>
        public const string PythonProbePrefix = "python3 ";
        public const string PythonProbePrefixWindows = "python ";

        // Windows
        public const string NvidiaSmiXmlWindows = "nvidia-smi.exe -q -x";
        public const string NvidiaSmiComputeCapWindows = "nvidia-smi.exe --query-gpu=index,pci.bus_id,compute_cap --format=csv,noheader";
        public const string DisplayAdapterMemoryRegistry = @"reg query HKLM\SYSTEM\CurrentControlSet\Control\Class\{4d36e968-e325-11ce-bfc1-08002be10318} /s /v HardwareInformation.qwMemorySize";
        public const string DisplayAdapterNameRegistry = @"reg query HKLM\SYSTEM\CurrentControlSet\Control\Class\{4d36e968-e325-11ce-bfc1-08002be10318} /s /v DriverDesc";
        public const string CimProcessor = "cim:root/cimv2:Win32_Processor";
        public const string CimComputerSystem = "cim:root/cimv2:Win32_ComputerSystem";
        public const string CimPhysicalMemory = "cim:root/cimv2:Win32_PhysicalMemory";
        public const string CimPhysicalMemoryArray = "cim:root/cimv2:Win32_PhysicalMemoryArray";
        public const string CimOperatingSystem = "cim:root/cimv2:Win32_OperatingSystem";
        public const string CimVideoController = "cim:root/cimv2:Win32_VideoController";
        public const string CimDiskDrive = "cim:root/cimv2:Win32_DiskDrive";
        public const string CimPhysicalDisk = "cim:root/Microsoft/Windows/Storage:MSFT_PhysicalDisk";
        public const string CimLogicalDisk = "cim:root/cimv2:Win32_LogicalDisk";
        public const string CimNetworkAdapter = "cim:root/StandardCimv2:MSFT_NetAdapter";
    }
}
