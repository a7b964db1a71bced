namespace DeepSeekHw.Facts
{
    /// <summary>
    /// Every source id the collector records and the parsers read. Ids are pinned (bundles are replayed years later):
    /// a command's id is its exact command line, a file's its absolute path. docs/facts.md lists what each contributes.
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
        public const string EdacPrefix = "/sys/devices/system/edac/mc/";
        public const string OsRelease = "/etc/os-release";
        public const string KernelRelease = "/proc/sys/kernel/osrelease";
        public const string Architecture = "uname -m";
        public const string ArchitectureFile = "/proc/sys/kernel/arch";
        public const string Lsblk = "lsblk -J -b -o NAME,TYPE,SIZE,ROTA,TRAN,MODEL,RM";
        public const string DiskFree = "df -P -B1 -x tmpfs -x devtmpfs -x squashfs -x overlay";
        public const string NetPrefix = "/sys/class/net/";
        public const string InfinibandPrefix = "/sys/class/infiniband/";
        public const string ContainerEnvFile = "/.dockerenv";

        /// <summary>
        /// Versions of the Python interpreter on PATH and of the ML packages installed for it, read from the names of the
        /// package metadata directories (name-version.dist-info / .egg-info) on its sys.path and from torch/version.py as
        /// text: nothing is imported, so it costs one interpreter start.
        /// </summary>
        public const string PythonPackagesScript =
            "import sys, os, json\n"
            + "want = {'torch', 'tensorflow', 'vllm', 'sglang', 'transformers', 'deepspeed', 'flash_attn', 'accelerate', 'triton',\n"
            + "        'xformers', 'llama_cpp_python', 'tensorrt_llm', 'bitsandbytes', 'auto_gptq', 'autoawq', 'nvidia_cudnn_cu12',\n"
            + "        'nvidia_cudnn_cu11', 'nvidia_nccl_cu12', 'nvidia_nccl_cu11', 'nvidia_cuda_runtime_cu12'}\n"
            + "out = {'python': sys.version.split()[0], 'packages': {}}\n"
            + "for d in sys.path:\n"
            + "    try:\n"
            + "        entries = sorted(os.listdir(d or '.'))\n"
            + "    except OSError:\n"
            + "        continue\n"
            + "    for e in entries:\n"
            + "        suffix = '.dist-info' if e.endswith('.dist-info') else '.egg-info' if e.endswith('.egg-info') else None\n"
            + "        parts = e[:-len(suffix)].split('-') if suffix else []\n"
            + "        key = parts[0].lower().replace('.', '_') if parts else None\n"
            + "        if key in want and len(parts) > 1 and key not in out['packages']:\n"
            + "            info = {'version': parts[1]}\n"
            + "            if key == 'torch':\n"
            + "                try:\n"
            + "                    with open(os.path.join(d, 'torch', 'version.py')) as f:\n"
            + "                        info['versionPy'] = f.read()\n"
            + "                except OSError:\n"
            + "                    pass\n"
            + "            out['packages'][key] = info\n"
            + "print(json.dumps(out))\n";

        /// <summary>Every version of the probe starts so; parsers accept any recorded one, so old bundles keep replaying.</summary>
        public const string PythonProbePrefix = "python3 -c ";
        public const string PythonProbePrefixWindows = "python -c ";
        public const string PythonPackages = PythonProbePrefix + PythonPackagesScript;
        public const string PythonPackagesWindows = PythonProbePrefixWindows + PythonPackagesScript;

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
