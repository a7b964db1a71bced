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
        /// Versions of the Python interpreter on PATH and of the ML packages installed for it, read from the names of the
        /// package metadata directories (name-version.dist-info / .egg-info) on its sys.path and site directories (venv-aware)
        /// and from torch/version.py as text. It runs with -S: site's .pth files are third-party code (some import certifi,
        /// setuptools or a whole framework) that would run on every inventory and cost more than the probe itself; the
        /// site directories are computed from site's own functions instead, and nothing else is imported.
        /// </summary>
        public const string PythonPackagesScript =
            "import sys, os, site\n"
            + "want = {'torch', 'tensorflow', 'vllm', 'sglang', 'transformers', 'deepspeed', 'flash_attn', 'accelerate', 'triton',\n"
            + "        'xformers', 'llama_cpp_python', 'tensorrt_llm', 'bitsandbytes', 'auto_gptq', 'autoawq', 'nvidia_cudnn_cu12',\n"
            + "        'nvidia_cudnn_cu11', 'nvidia_nccl_cu12', 'nvidia_nccl_cu11', 'nvidia_cuda_runtime_cu12'}\n"
            + "def q(s):\n"
            + "    return '\"' + ''.join(c if ' ' <= c < '\\x7f' and c not in '\"\\\\' else '\\\\u%04x' % ord(c) if ord(c) < 0x10000 else '?' for c in s) + '\"'\n"
            + "prefixes, user, venv = [sys.prefix, sys.exec_prefix], not sys.flags.no_user_site, None\n"
            + "for d in (os.path.dirname(sys.executable), os.path.dirname(os.path.dirname(sys.executable))):\n"
            + "    if os.path.isfile(os.path.join(d, 'pyvenv.cfg')):\n"
            + "        venv = d\n"
            + "        break\n"
            + "if venv:\n"
            + "    system = False\n"
            + "    with open(os.path.join(venv, 'pyvenv.cfg')) as f:\n"
            + "        for line in f:\n"
            + "            k, _, v = line.partition('=')\n"
            + "            if k.strip().lower() == 'include-system-site-packages':\n"
            + "                system = v.strip().lower() == 'true'\n"
            + "    prefixes, user = [venv] + (prefixes if system else []), user and system\n"
            + "found = {}\n"
            + "for d in sys.path + site.getsitepackages(prefixes) + ([site.getusersitepackages()] if user else []):\n"
            + "    try:\n"
            + "        entries = sorted(os.listdir(d or '.'))\n"
            + "    except OSError:\n"
            + "        continue\n"
            + "    for e in entries:\n"
            + "        suffix = '.dist-info' if e.endswith('.dist-info') else '.egg-info' if e.endswith('.egg-info') else None\n"
            + "        parts = e[:-len(suffix)].split('-') if suffix else []\n"
            + "        key = parts[0].lower().replace('.', '_') if parts else None\n"
            + "        if key in want and len(parts) > 1 and key not in found:\n"
            + "            info = {'version': parts[1]}\n"
            + "            if key == 'torch':\n"
            + "                try:\n"
            + "                    with open(os.path.join(d, 'torch', 'version.py')) as f:\n"
            + "                        info['versionPy'] = f.read()\n"
            + "                except OSError:\n"
            + "                    pass\n"
            + "            found[key] = info\n"
            + "packages = ', '.join(q(k) + ': {' + ', '.join(q(a) + ': ' + q(b) for a, b in sorted(i.items())) + '}' for k, i in sorted(found.items()))\n"
            + "print('{\"python\": ' + q(sys.version.split()[0]) + ', \"packages\": {' + packages + '}}')\n";

        /// <summary>Every version of the probe starts so; parsers accept any recorded one, so old bundles keep replaying.</summary>
        public const string PythonProbePrefix = "python3 ";
        public const string PythonProbePrefixWindows = "python ";
        public const string PythonProbeArguments = "-S -c ";
        public const string PythonPackages = PythonProbePrefix + PythonProbeArguments + PythonPackagesScript;
        public const string PythonPackagesWindows = PythonProbePrefixWindows + PythonProbeArguments + PythonPackagesScript;

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
