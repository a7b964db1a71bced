using DeepSeekHw.Catalog;
using DeepSeekHw.Readiness;
using DeepSeekHw.Sizing;

namespace DeepSeekHw.Core.Tests.Readiness;

/// <summary>
/// Every check id, case by case: a machine and a request in, the status out (null: the check is not reported). A check
/// id without cases that reach at least two outcomes fails the coverage test, so a new check arrives with its cases.
/// </summary>
public class CheckCaseTests
{
    private const long GiB = 1L << 30;

    private static readonly DeepSeekCatalog Catalog = DeepSeekCatalog.Builtin;

    private static readonly CheckCase[] Cases =
    {
        // GPU.Present
        new(CheckIds.GpuPresent, "one H100", () => Model(Gpus("H100-SXM", 1), Distill7B), ReadinessStatus.Pass),
        new(CheckIds.GpuPresent, "no GPU, vLLM", () => Model(CpuOnly(), Distill7B), ReadinessStatus.Fail),
        new(CheckIds.GpuPresent, "no GPU, nvidia-smi failed", () => Model(CpuOnly(i => i.GpuTools = new[] { new GpuToolStatus { Tool = "nvidia-smi", SourceId = "nvidia-smi -q -x", State = GpuToolState.Failed } }), Distill7B), ReadinessStatus.Unknown),
        new(CheckIds.GpuPresent, "no GPU, llama.cpp on the CPU", () => Model(CpuOnly(), Distill7B, WeightPrecision.Q4_K_M), ReadinessStatus.NotApplicable),

        // GPU.Vendor
        new(CheckIds.GpuVendor, "NVIDIA", () => Model(Gpus("H100-SXM", 1), Distill7B), ReadinessStatus.Pass),
        new(CheckIds.GpuVendor, "Intel Gaudi only", () => Model(Gpus("Gaudi2", 8), Distill7B), ReadinessStatus.Fail),
        new(CheckIds.GpuVendor, "NVIDIA beside an Intel GPU", () => Model(Gpus("H100-SXM", 1, inventory: i => i.Gpus = i.Gpus.Append(new GpuDevice { Index = 1, Name = "Intel Arc A770", Vendor = GpuVendor.Intel }).ToArray()), Distill7B), ReadinessStatus.Warning),

        // GPU.Memory
        new(CheckIds.GpuMemory, "7B on an H100", () => Model(Gpus("H100-SXM", 1), Distill7B), ReadinessStatus.Pass),
        new(CheckIds.GpuMemory, "7B BF16 on a T4", () => Model(Gpus("T4", 1), Distill7B, WeightPrecision.BF16), ReadinessStatus.Fail),
        new(CheckIds.GpuMemory, "a GPU the catalog lacks, from the memory it reports", () => Model(Mystery(), Distill7B), ReadinessStatus.Pass),
        new(CheckIds.GpuMemory, "a GPU the catalog lacks, too small by the memory it reports", () => Model(Mystery(4 * GiB), Distill7B, WeightPrecision.BF16), ReadinessStatus.Fail),
        new(CheckIds.GpuMemory, "a GPU the catalog lacks that reports no memory", () => Model(Mystery(null), Distill7B), ReadinessStatus.Unknown),
        new(CheckIds.GpuMemory, "edition V2 on an H100", () => Profile(Gpus("H100-SXM", 1), "V2"), ReadinessStatus.Pass),
        new(CheckIds.GpuMemory, "edition V2 on an RTX 4090", () => Profile(Gpus("RTX-4090", 1), "V2"), ReadinessStatus.Fail),

        // GPU.Count
        new(CheckIds.GpuCount, "V3 on eight H200", () => Model(Gpus("H200-SXM", 8, m => m.Interconnect = "NVSwitch"), "DeepSeek-V3", context: 8192), ReadinessStatus.Pass),
        new(CheckIds.GpuCount, "V3 native on eight H100", () => Model(Gpus("H100-SXM", 8, m => m.Interconnect = "NVSwitch"), "DeepSeek-V3"), ReadinessStatus.Fail),
        new(CheckIds.GpuCount, "a GPU the catalog lacks, from the memory it reports", () => Model(Mystery(), Distill7B), ReadinessStatus.Pass),
        new(CheckIds.GpuCount, "a GPU the catalog lacks that reports no memory", () => Model(Mystery(null), Distill7B), ReadinessStatus.Unknown),
        new(CheckIds.GpuCount, "a profile", () => Profile(Gpus("H100-SXM", 1), "Pro"), null),

        // GPU.ComputeCapability
        new(CheckIds.GpuComputeCapability, "FP8 on an H100", () => Model(Gpus("H100-SXM", 1), Distill7B, WeightPrecision.FP8), ReadinessStatus.Pass),
        new(CheckIds.GpuComputeCapability, "FP8 weight-only on an A100 in vLLM", () => Model(Gpus("A100-SXM4-80GB", 1), Distill7B, WeightPrecision.FP8), ReadinessStatus.Warning),
        new(CheckIds.GpuComputeCapability, "FP8 on a T4", () => Model(Gpus("T4", 1), Distill7B, WeightPrecision.FP8), ReadinessStatus.Fail),
        new(CheckIds.GpuComputeCapability, "FP8 on an unreported NVIDIA GPU", () => Model(Mystery(), Distill7B, WeightPrecision.FP8), ReadinessStatus.Unknown),
        new(CheckIds.GpuComputeCapability, "BF16 on an MI300X", () => Model(Gpus("MI300X", 1), Distill7B, WeightPrecision.BF16), ReadinessStatus.NotApplicable),

        // GPU.Tier
        new(CheckIds.GpuTier, "Pro on two H100", () => Profile(Gpus("H100-SXM", 2), "Pro"), ReadinessStatus.Pass),
        new(CheckIds.GpuTier, "Pro on one RTX 4090", () => Profile(Gpus("RTX-4090", 1), "Pro"), ReadinessStatus.Fail),
        new(CheckIds.GpuTier, "Pro on a GPU the catalog lacks", () => Profile(Mystery(), "Pro"), ReadinessStatus.Unknown),
        new(CheckIds.GpuTier, "a model", () => Model(Gpus("H100-SXM", 1), Distill7B), null),

        // GPU.Mig, GPU.Ecc, GPU.MemoryInUse, GPU.PersistenceMode: as the driver reports each GPU
        new(CheckIds.GpuMig, "MIG off", () => Model(Gpus("H100-SXM", 1, inventory: EachGpu(g => g.MigEnabled = false)), Distill7B), ReadinessStatus.Pass),
        new(CheckIds.GpuMig, "MIG on", () => Model(Gpus("H100-SXM", 1, inventory: EachGpu(g => g.MigEnabled = true)), Distill7B), ReadinessStatus.Warning),
        new(CheckIds.GpuMig, "MIG not reported", () => Model(Gpus("H100-SXM", 1), Distill7B), ReadinessStatus.Unknown),
        new(CheckIds.GpuMig, "AMD", () => Model(Gpus("MI300X", 1), Distill7B), ReadinessStatus.NotApplicable),
        new(CheckIds.GpuEcc, "ECC on", () => Model(Gpus("H100-SXM", 1, inventory: EachGpu(g => g.EccEnabled = true)), Distill7B), ReadinessStatus.Pass),
        new(CheckIds.GpuEcc, "ECC off", () => Model(Gpus("H100-SXM", 1, inventory: EachGpu(g => g.EccEnabled = false)), Distill7B), ReadinessStatus.Warning),
        new(CheckIds.GpuEcc, "ECC not reported", () => Model(Gpus("RTX-4090", 1), Distill7B), ReadinessStatus.Unknown),
        new(CheckIds.GpuMemoryInUse, "idle", () => Model(Gpus("H100-SXM", 1, inventory: EachGpu(g => g.MemoryUsedBytes = 4 << 20)), Distill7B), ReadinessStatus.Pass),
        new(CheckIds.GpuMemoryInUse, "5 GiB held by another process", () => Model(Gpus("H100-SXM", 1, inventory: EachGpu(g => g.MemoryUsedBytes = 5 * GiB)), Distill7B), ReadinessStatus.Warning),
        new(CheckIds.GpuMemoryInUse, "not reported", () => Model(Gpus("H100-SXM", 1), Distill7B), ReadinessStatus.Unknown),
        new(CheckIds.GpuPersistenceMode, "on", () => Model(Gpus("H100-SXM", 1, inventory: EachGpu(g => g.PersistenceMode = true)), Distill7B), ReadinessStatus.Pass),
        new(CheckIds.GpuPersistenceMode, "off", () => Model(Gpus("H100-SXM", 1, inventory: EachGpu(g => g.PersistenceMode = false)), Distill7B), ReadinessStatus.Warning),
        new(CheckIds.GpuPersistenceMode, "not reported", () => Model(Gpus("H100-SXM", 1), Distill7B), ReadinessStatus.Unknown),
        new(CheckIds.GpuPersistenceMode, "Windows", () => Model(Gpus("H100-SXM", 1, m => m.Platform = "Windows"), Distill7B), ReadinessStatus.NotApplicable),

        // GPU.Interconnect
        new(CheckIds.GpuInterconnect, "V3 over NVSwitch", () => Model(Gpus("H200-SXM", 8, m => m.Interconnect = "NVSwitch"), "DeepSeek-V3", context: 8192), ReadinessStatus.Pass),
        new(CheckIds.GpuInterconnect, "tensor parallel over PCIe", () => Model(Gpus("RTX-4090", 2, m => m.Interconnect = "PCIe"), "DeepSeek-R1-Distill-Qwen-14B", WeightPrecision.BF16), ReadinessStatus.Warning),
        new(CheckIds.GpuInterconnect, "tensor parallel, topology not reported", () => Model(Gpus("H100-SXM", 2), "DeepSeek-R1-Distill-Qwen-14B", WeightPrecision.BF16), ReadinessStatus.Unknown),
        new(CheckIds.GpuInterconnect, "one GPU", () => Model(Gpus("H100-SXM", 1), Distill7B), ReadinessStatus.NotApplicable),
        new(CheckIds.GpuInterconnect, "Pro asks for NVLink, PCIe given", () => Profile(Gpus("A100-SXM4-80GB", 2, m => m.Interconnect = "PCIe"), "Pro"), ReadinessStatus.Fail),

        // Driver.CudaCompatibility: NVIDIA's table against the CUDA build of PyTorch
        new(CheckIds.DriverCudaCompatibility, "driver 550 for CUDA 12.1", () => Model(Gpus("H100-SXM", 1, Stack("550.54.15", "2.4.0", "12.1")), Distill7B), ReadinessStatus.Pass),
        new(CheckIds.DriverCudaCompatibility, "driver 450 for CUDA 11.8 (minor-version compatibility)", () => Model(Gpus("H100-SXM", 1, Stack("450.80.02", "2.1.0", "11.8")), Distill7B), ReadinessStatus.Warning),
        new(CheckIds.DriverCudaCompatibility, "driver 470 for CUDA 12.1", () => Model(Gpus("H100-SXM", 1, Stack("470.82.01", "2.4.0", "12.1")), Distill7B), ReadinessStatus.Fail),
        new(CheckIds.DriverCudaCompatibility, "no PyTorch", () => Model(Gpus("H100-SXM", 1, m => m.DriverVersion = "550.54.15"), Distill7B), ReadinessStatus.Unknown),
        new(CheckIds.DriverCudaCompatibility, "AMD", () => Model(Gpus("MI300X", 1), Distill7B), ReadinessStatus.NotApplicable),

        // Driver.NvidiaMinimum: NVIDIA's CUDA 12.2 minimum decides, the guide's line warns
        new(CheckIds.DriverNvidiaMinimum, "535.154.05", () => Model(Gpus("H100-SXM", 1, m => m.DriverVersion = "535.154.05"), Distill7B), ReadinessStatus.Pass),
        new(CheckIds.DriverNvidiaMinimum, "535.54.03, below the guide's line", () => Model(Gpus("H100-SXM", 1, m => m.DriverVersion = "535.54.03"), Distill7B), ReadinessStatus.Warning),
        new(CheckIds.DriverNvidiaMinimum, "530.30.02", () => Model(Gpus("H100-SXM", 1, m => m.DriverVersion = "530.30.02"), Distill7B), ReadinessStatus.Fail),
        new(CheckIds.DriverNvidiaMinimum, "driver not reported", () => Model(Gpus("H100-SXM", 1), Distill7B), ReadinessStatus.Unknown),

        // Driver.Rocm
        new(CheckIds.DriverRocm, "ROCm 6.2 lists gfx942", () => Model(Gpus("MI300X", 1, inventory: i => i.Software.RocmVersion = "6.2.0"), Distill7B), ReadinessStatus.Pass),
        new(CheckIds.DriverRocm, "ROCm 5.7 on an MI300X", () => Model(Gpus("MI300X", 1, inventory: i => i.Software.RocmVersion = "5.7.1"), Distill7B), ReadinessStatus.Fail),
        new(CheckIds.DriverRocm, "ROCm not found", () => Model(Gpus("MI300X", 1), Distill7B), ReadinessStatus.Unknown),
        new(CheckIds.DriverRocm, "NVIDIA", () => Model(Gpus("H100-SXM", 1), Distill7B), ReadinessStatus.NotApplicable),

        // Framework.PyTorch
        new(CheckIds.FrameworkPyTorch, "2.4 with vLLM", () => Model(Gpus("H100-SXM", 1, Stack("550.54.15", "2.4.0", "12.1")), Distill7B), ReadinessStatus.Pass),
        new(CheckIds.FrameworkPyTorch, "2.0 for FP8 weights", () => Model(Gpus("H100-SXM", 1, Stack("550.54.15", "2.0.1", "11.8")), Distill7B, WeightPrecision.FP8), ReadinessStatus.Fail),
        new(CheckIds.FrameworkPyTorch, "a CUDA build on AMD GPUs", () => Model(Gpus("MI300X", 1, Stack(null, "2.4.0", "12.1"), i => i.Software.Packages[0].CudaBuild = "12.1"), Distill7B), ReadinessStatus.Fail),
        new(CheckIds.FrameworkPyTorch, "Python without PyTorch", () => Model(Gpus("H100-SXM", 1, inventory: i => i.Software.PythonVersion = "3.11.7"), Distill7B), ReadinessStatus.Fail),
        new(CheckIds.FrameworkPyTorch, "Python not probed", () => Model(Gpus("H100-SXM", 1), Distill7B), ReadinessStatus.Unknown),
        new(CheckIds.FrameworkPyTorch, "llama.cpp", () => Model(Gpus("H100-SXM", 1), Distill7B, WeightPrecision.Q4_K_M), ReadinessStatus.NotApplicable),

        // Framework.TensorFlow: reported, never required
        new(CheckIds.FrameworkTensorFlow, "2.15", () => Model(Gpus("H100-SXM", 1, m => m.Packages["tensorflow"] = "2.15.0"), Distill7B), ReadinessStatus.Pass),
        new(CheckIds.FrameworkTensorFlow, "2.10, below the guide's line", () => Model(Gpus("H100-SXM", 1, m => m.Packages["tensorflow"] = "2.10.0"), Distill7B), ReadinessStatus.Warning),
        new(CheckIds.FrameworkTensorFlow, "not installed", () => Model(Gpus("H100-SXM", 1), Distill7B), ReadinessStatus.NotApplicable),

        // Framework.Engine
        new(CheckIds.FrameworkEngine, "vLLM 0.8.5 for V3", () => Model(Gpus("H200-SXM", 8, m => { m.Interconnect = "NVSwitch"; m.Packages["vllm"] = "0.8.5"; }), "DeepSeek-V3", context: 8192), ReadinessStatus.Pass),
        new(CheckIds.FrameworkEngine, "vLLM 0.5 predates V3", () => Model(Gpus("H200-SXM", 8, m => { m.Interconnect = "NVSwitch"; m.Packages["vllm"] = "0.5.0"; }), "DeepSeek-V3", context: 8192), ReadinessStatus.Fail),
        new(CheckIds.FrameworkEngine, "Python without vLLM", () => Model(Gpus("H100-SXM", 1, inventory: i => i.Software.PythonVersion = "3.11.7"), Distill7B), ReadinessStatus.Fail),
        new(CheckIds.FrameworkEngine, "Ollama, a binary", () => Model(Gpus("H100-SXM", 1), Distill7B, WeightPrecision.Q4_K_M, engine: "Ollama"), ReadinessStatus.Unknown),
        new(CheckIds.FrameworkEngine, "a profile", () => Profile(Gpus("H100-SXM", 2), "Pro"), null),

        // Framework.FlashMla: MLA models on SM90/SM100 in vLLM/SGLang
        new(CheckIds.FrameworkFlashMla, "V3 on H200, PyTorch cu128", () => Model(Gpus("H200-SXM", 8, Stack("570.86.15", "2.7.0", "12.8"), i => i.GpuInterconnect = "NVLink"), "DeepSeek-V3", context: 8192), ReadinessStatus.Pass),
        new(CheckIds.FrameworkFlashMla, "V3 on H200, PyTorch cu121", () => Model(Gpus("H200-SXM", 8, Stack("550.54.15", "2.4.0", "12.1"), i => i.GpuInterconnect = "NVLink"), "DeepSeek-V3", context: 8192), ReadinessStatus.Warning),
        new(CheckIds.FrameworkFlashMla, "V3 on H200, CUDA build unknown", () => Model(Gpus("H200-SXM", 8, m => m.Interconnect = "NVSwitch"), "DeepSeek-V3", context: 8192), ReadinessStatus.Unknown),
        new(CheckIds.FrameworkFlashMla, "a GQA distill", () => Model(Gpus("H100-SXM", 1), Distill7B), ReadinessStatus.NotApplicable),

        // System.MemoryRatio: the guide's quota rule of thumb, a policy
        new(CheckIds.SystemMemoryRatio, "256 GiB for 80 GB of GPU", () => Model(Gpus("H100-SXM", 1, m => m.MemoryBytes = 256 * GiB), Distill7B), ReadinessStatus.Pass),
        new(CheckIds.SystemMemoryRatio, "64 GiB for 80 GB of GPU", () => Model(Gpus("H100-SXM", 1, m => m.MemoryBytes = 64 * GiB), Distill7B), ReadinessStatus.Warning),
        new(CheckIds.SystemMemoryRatio, "RAM not reported", () => Model(Gpus("H100-SXM", 1), Distill7B), ReadinessStatus.Unknown),
        new(CheckIds.SystemMemoryRatio, "no GPU", () => Model(CpuOnly(), Distill7B, WeightPrecision.Q4_K_M), null),

        // System.MemoryForModel
        new(CheckIds.SystemMemoryForModel, "RAM caches the checkpoint", () => Model(Gpus("H100-SXM", 1, m => m.MemoryBytes = 64 * GiB), Distill7B, WeightPrecision.BF16), ReadinessStatus.Pass),
        new(CheckIds.SystemMemoryForModel, "RAM holds one GPU's share only", () => Model(Gpus("H100-SXM", 4, m => { m.MemoryBytes = 64 * GiB; m.Interconnect = "NVLink"; }), "DeepSeek-R1-Distill-Llama-70B", WeightPrecision.BF16), ReadinessStatus.Warning),
        new(CheckIds.SystemMemoryForModel, "RAM below one GPU's share", () => Model(Gpus("H100-SXM", 1, m => m.MemoryBytes = 8 * GiB), Distill7B, WeightPrecision.BF16), ReadinessStatus.Fail),
        new(CheckIds.SystemMemoryForModel, "CPU inference fits in RAM", () => Model(CpuOnly(i => i.Memory.TotalBytes = 16 * GiB), "DeepSeek-R1-Distill-Qwen-1.5B", WeightPrecision.Q4_K_M), ReadinessStatus.Pass),
        new(CheckIds.SystemMemoryForModel, "vLLM without a GPU", () => Model(CpuOnly(i => i.Memory.TotalBytes = 16 * GiB), Distill7B), ReadinessStatus.Fail),
        new(CheckIds.SystemMemoryForModel, "RAM not reported", () => Model(Gpus("H100-SXM", 1), Distill7B), ReadinessStatus.Unknown),

        // System.CpuPerGpu: a policy (cores per GPU)
        new(CheckIds.SystemCpuPerGpu, "64 cores for 8 GPUs", () => Model(Gpus("H100-SXM", 8, m => { m.CpuCores = 64; m.Interconnect = "NVSwitch"; }), Distill7B), ReadinessStatus.Pass),
        new(CheckIds.SystemCpuPerGpu, "16 cores for 8 GPUs", () => Model(Gpus("H100-SXM", 8, m => { m.CpuCores = 16; m.Interconnect = "NVSwitch"; }), Distill7B), ReadinessStatus.Warning),
        new(CheckIds.SystemCpuPerGpu, "cores not reported", () => Model(Gpus("H100-SXM", 1), Distill7B), ReadinessStatus.Unknown),

        // A tier's CPU, memory and ECC figures
        new(CheckIds.SystemCpuCores, "Pro, 48 cores", () => Profile(Gpus("A100-SXM4-80GB", 2, m => m.CpuCores = 48), "Pro"), ReadinessStatus.Pass),
        new(CheckIds.SystemCpuCores, "Pro, 8 cores", () => Profile(Gpus("A100-SXM4-80GB", 2, m => m.CpuCores = 8), "Pro"), ReadinessStatus.Fail),
        new(CheckIds.SystemCpuCores, "Pro, cores not reported", () => Profile(Gpus("A100-SXM4-80GB", 2), "Pro"), ReadinessStatus.Unknown),
        new(CheckIds.SystemCpuThreads, "Pro, 96 threads", () => Profile(Gpus("A100-SXM4-80GB", 2, m => { m.CpuCores = 48; m.CpuThreads = 96; }), "Pro"), ReadinessStatus.Pass),
        new(CheckIds.SystemCpuThreads, "Pro, 32 threads", () => Profile(Gpus("A100-SXM4-80GB", 2, m => { m.CpuCores = 16; m.CpuThreads = 32; }), "Pro"), ReadinessStatus.Fail),
        new(CheckIds.SystemCpuThreads, "Pro, threads not reported", () => Profile(Gpus("A100-SXM4-80GB", 2), "Pro"), ReadinessStatus.Unknown),
        new(CheckIds.SystemCpuFrequency, "Basic-Minimum, 4.0 GHz", () => Profile(Gpus("RTX-3060", 1, m => m.CpuFrequencyMHz = 4000), "Basic-Minimum"), ReadinessStatus.Pass),
        new(CheckIds.SystemCpuFrequency, "Basic-Minimum, 2.5 GHz", () => Profile(Gpus("RTX-3060", 1, m => m.CpuFrequencyMHz = 2500), "Basic-Minimum"), ReadinessStatus.Fail),
        new(CheckIds.SystemCpuFrequency, "Basic-Minimum, not reported (VM)", () => Profile(Gpus("RTX-3060", 1), "Basic-Minimum"), ReadinessStatus.Unknown),
        new(CheckIds.SystemCpuFrequency, "Pro names no frequency", () => Profile(Gpus("A100-SXM4-80GB", 2), "Pro"), null),
        new(CheckIds.SystemMemory, "Pro, 128 GiB less the firmware's share", () => Profile(Gpus("A100-SXM4-80GB", 2, m => m.MemoryBytes = 125 * GiB), "Pro"), ReadinessStatus.Pass),
        new(CheckIds.SystemMemory, "Pro, 64 GiB", () => Profile(Gpus("A100-SXM4-80GB", 2, m => m.MemoryBytes = 64 * GiB), "Pro"), ReadinessStatus.Fail),
        new(CheckIds.SystemMemory, "Pro, RAM not reported", () => Profile(Gpus("A100-SXM4-80GB", 2), "Pro"), ReadinessStatus.Unknown),
        new(CheckIds.SystemEccMemory, "Pro, ECC", () => Profile(Gpus("A100-SXM4-80GB", 2, inventory: i => i.Memory.EccEnabled = true), "Pro"), ReadinessStatus.Pass),
        new(CheckIds.SystemEccMemory, "Pro, no ECC", () => Profile(Gpus("A100-SXM4-80GB", 2, inventory: i => i.Memory.EccEnabled = false), "Pro"), ReadinessStatus.Fail),
        new(CheckIds.SystemEccMemory, "Pro, ECC not exposed", () => Profile(Gpus("A100-SXM4-80GB", 2), "Pro"), ReadinessStatus.Unknown),
        new(CheckIds.SystemEccMemory, "Basic-Minimum asks no ECC", () => Profile(Gpus("RTX-3060", 1), "Basic-Minimum"), null),

        // Storage
        new(CheckIds.StorageFreeSpace, "1 TB free", () => Model(Gpus("H100-SXM", 1, m => m.FreeStorageBytes = 1_000_000_000_000), Distill7B), ReadinessStatus.Pass),
        new(CheckIds.StorageFreeSpace, "5 GB free", () => Model(Gpus("H100-SXM", 1, m => m.FreeStorageBytes = 5_000_000_000), Distill7B), ReadinessStatus.Fail),
        new(CheckIds.StorageFreeSpace, "free space not reported", () => Model(Gpus("H100-SXM", 1), Distill7B), ReadinessStatus.Unknown),
        new(CheckIds.StorageNvme, "an NVMe disk", () => Model(Gpus("H100-SXM", 1, m => m.StorageBytes = 2_000_000_000_000), Distill7B), ReadinessStatus.Pass),
        new(CheckIds.StorageNvme, "a SATA SSD", () => Model(Gpus("H100-SXM", 1, m => { m.StorageBytes = 2_000_000_000_000; m.StorageKind = "SSD"; }), Distill7B), ReadinessStatus.Warning),
        new(CheckIds.StorageNvme, "Pro on a SATA SSD", () => Profile(Gpus("A100-SXM4-80GB", 2, m => { m.StorageBytes = 2_000_000_000_000; m.StorageKind = "SSD"; }), "Pro"), ReadinessStatus.Fail),
        new(CheckIds.StorageNvme, "no disk listed", () => Model(Gpus("H100-SXM", 1), Distill7B), ReadinessStatus.Unknown),
        new(CheckIds.StorageCapacity, "Pro, 2 TB NVMe", () => Profile(Gpus("A100-SXM4-80GB", 2, m => m.StorageBytes = 2_000_000_000_000), "Pro"), ReadinessStatus.Pass),
        new(CheckIds.StorageCapacity, "Pro, 500 GB NVMe", () => Profile(Gpus("A100-SXM4-80GB", 2, m => m.StorageBytes = 500_000_000_000), "Pro"), ReadinessStatus.Fail),
        new(CheckIds.StorageCapacity, "Pro, no disk listed", () => Profile(Gpus("A100-SXM4-80GB", 2), "Pro"), ReadinessStatus.Unknown),
        new(CheckIds.StorageThroughput, "Pro: never measured", () => Profile(Gpus("A100-SXM4-80GB", 2, m => m.StorageBytes = 2_000_000_000_000), "Pro"), ReadinessStatus.Unknown),
        new(CheckIds.StorageThroughput, "a model", () => Model(Gpus("H100-SXM", 1), Distill7B), null),

        // Network: only when the deployment spans nodes
        new(CheckIds.NetworkFabric, "one node", () => Model(Gpus("H100-SXM", 1), Distill7B), ReadinessStatus.NotApplicable),
        new(CheckIds.NetworkFabric, "Pro-Distributed on 200 Gb/s InfiniBand", () => Profile(Gpus("A100-PCIe-40GB", 1, m => m.NetworkBitsPerSecond = 200_000_000_000), "Pro-Distributed"), ReadinessStatus.Pass),
        new(CheckIds.NetworkFabric, "Pro-Distributed on 100 Gb/s InfiniBand", () => Profile(Gpus("A100-PCIe-40GB", 1, m => m.NetworkBitsPerSecond = 100_000_000_000), "Pro-Distributed"), ReadinessStatus.Fail),
        new(CheckIds.NetworkFabric, "V3 needs two nodes of H100, no RDMA", () => Model(Gpus("H100-SXM", 8, m => m.Interconnect = "NVSwitch"), "DeepSeek-V3"), ReadinessStatus.Fail),
        new(CheckIds.NetworkFabric, "Pro-Distributed, the port is down", () => Profile(Gpus("A100-PCIe-40GB", 1, m => m.NetworkBitsPerSecond = 200_000_000_000, i => i.Network[0].State = "down"), "Pro-Distributed"), ReadinessStatus.Unknown),
        new(CheckIds.NetworkJumboFrames, "RoCE with jumbo frames", () => Profile(Gpus("A100-PCIe-40GB", 1, m => { m.NetworkBitsPerSecond = 200_000_000_000; m.NetworkKind = "RoCE"; }), "Pro-Distributed"), ReadinessStatus.Pass),
        new(CheckIds.NetworkJumboFrames, "RoCE at MTU 1500", () => Profile(Gpus("A100-PCIe-40GB", 1, m => { m.NetworkBitsPerSecond = 200_000_000_000; m.NetworkKind = "RoCE"; }, i => i.Network[0].Mtu = 1500), "Pro-Distributed"), ReadinessStatus.Warning),
        new(CheckIds.NetworkJumboFrames, "InfiniBand", () => Profile(Gpus("A100-PCIe-40GB", 1, m => m.NetworkBitsPerSecond = 200_000_000_000), "Pro-Distributed"), ReadinessStatus.NotApplicable),
        new(CheckIds.NetworkStorageNetwork, "Enterprise, 100 GbE", () => Profile(Gpus("H100-SXM", 8, m => { m.NetworkBitsPerSecond = 100_000_000_000; m.NetworkKind = "Ethernet"; }), "Enterprise"), ReadinessStatus.Pass),
        new(CheckIds.NetworkStorageNetwork, "Enterprise, 25 GbE", () => Profile(Gpus("H100-SXM", 8, m => { m.NetworkBitsPerSecond = 25_000_000_000; m.NetworkKind = "Ethernet"; }), "Enterprise"), ReadinessStatus.Fail),
        new(CheckIds.NetworkStorageNetwork, "Enterprise, no adapter listed", () => Profile(Gpus("H100-SXM", 8), "Enterprise"), ReadinessStatus.Unknown),
        new(CheckIds.NetworkStorageNetwork, "a model", () => Model(Gpus("H100-SXM", 1), Distill7B), null),
    };

    private const string Distill7B = "DeepSeek-R1-Distill-Qwen-7B";

    public static TheoryData<string> CaseNames
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var c in Cases)
            {
                data.Add(c.Name);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Check_gives_the_expected_status(string name)
    {
        var c = Cases.Single(x => x.Name == name);

        var checks = ReadinessEngine.Evaluate(c.Request(), Catalog, CompatibilityChecklist.Builtin);

        var check = checks.SingleOrDefault(x => x.CheckId == c.CheckId);
        Assert.Equal(c.Expected, check?.Status);
        if (check != null)
        {
            Assert.False(string.IsNullOrWhiteSpace(check.Message));
            Assert.True(check.Status is ReadinessStatus.Pass or ReadinessStatus.NotApplicable || !string.IsNullOrWhiteSpace(check.Remediation), c.CheckId + " " + check.Status + " has no remediation");
        }
    }

    [Fact]
    public void Tensor_parallel_over_pcie_says_what_the_all_reduces_cost_at_the_load_asked()
    {
        var request = new ReadinessRequest(Gpus("RTX-4090", 2, m => m.Interconnect = "PCIe"),
            new SizingRequest(Catalog.FindModel("DeepSeek-R1-Distill-Qwen-14B")!) { Precision = WeightPrecision.BF16, ContextLength = 4096, Concurrency = 16 });

        var check = ReadinessEngine.Evaluate(request, Catalog, CompatibilityChecklist.Builtin).Single(x => x.CheckId == CheckIds.GpuInterconnect);
        var sized = SizingEngine.Estimate(new SizingRequest(Catalog.FindModel("DeepSeek-R1-Distill-Qwen-14B")!)
        {
            Precision = WeightPrecision.BF16, ContextLength = 4096, Concurrency = 16, Gpu = InstalledGpus.From(request.Inventory, Catalog)!.Spec, GpuCount = 2,
        });

        Assert.Equal(ReadinessStatus.Warning, check.Status);
        Assert.NotNull(sized.TensorParallelAllReduceSeconds);
        Assert.Contains(FormattableString.Invariant($"the all-reduces take {sized.TensorParallelAllReduceSeconds!.Value * 1e3:0.#} ms of each decode step"), check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_check_id_has_cases_that_reach_at_least_two_outcomes()
    {
        var outcomes = Cases.GroupBy(c => c.CheckId).ToDictionary(g => g.Key, g => g.Select(c => c.Expected).Distinct().Count());

        Assert.All(CheckIds.All, id => Assert.True(outcomes.GetValueOrDefault(id) >= 2, id + " needs cases with at least two outcomes"));
        Assert.All(outcomes.Keys, id => Assert.Contains(id, CheckIds.All));
        Assert.Equal(Cases.Length, Cases.Select(c => c.Name).Distinct().Count());
    }

    private static ReadinessRequest Model(HardwareInventory inventory, string model, WeightPrecision precision = WeightPrecision.Native, int? context = null, string? engine = null) =>
        new(inventory, new SizingRequest(Catalog.FindModel(model)!) { Precision = precision, ContextLength = context, Engine = engine });

    private static ReadinessRequest Profile(HardwareInventory inventory, string profile) => new(inventory, ProfileCatalog.Find(profile)!);

    /// <summary>A planned machine with these GPUs; then the stated facts, then any change to the inventory itself.</summary>
    private static HardwareInventory Gpus(string gpu, int count, Action<WhatIfMachine>? machine = null, Action<HardwareInventory>? inventory = null)
    {
        var planned = new WhatIfMachine(Catalog.FindGpu(gpu)!, count);
        machine?.Invoke(planned);
        var result = planned.ToInventory();
        inventory?.Invoke(result);
        return result;
    }

    private static HardwareInventory CpuOnly(Action<HardwareInventory>? change = null)
    {
        var inventory = new HardwareInventory { ComputerName = "cpu-only", Platform = "Linux" };
        change?.Invoke(inventory);
        return inventory;
    }

    /// <summary>One NVIDIA GPU neither the catalog nor the PCI ID database knows, reporting only its name and (by default) 48 GiB.</summary>
    private static HardwareInventory Mystery(long? memory = 48 * GiB) => new()
    {
        ComputerName = "mystery",
        Platform = "Linux",
        Gpus = new[] { new GpuDevice { Index = 0, Name = "NVIDIA Mystery Accelerator X1", Vendor = GpuVendor.NVIDIA, MemoryTotalBytes = memory, Source = "nvidia-smi -q -x" } },
    };

    private static Action<HardwareInventory> EachGpu(Action<GpuDevice> change) => i => Array.ForEach(i.Gpus, change);

    /// <summary>A driver and a PyTorch build, as a probe would report them.</summary>
    private static Action<WhatIfMachine> Stack(string? driver, string torch, string cuda) => m =>
    {
        m.DriverVersion = driver;
        m.PyTorchVersion = torch;
        m.PyTorchCudaBuild = cuda;
    };

    private sealed record CheckCase(string CheckId, string Label, Func<ReadinessRequest> Request, ReadinessStatus? Expected)
    {
        public string Name => CheckId + ": " + Label;
    }
}
