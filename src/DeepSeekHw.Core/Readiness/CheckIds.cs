using System.Collections.Generic;

namespace DeepSeekHw.Readiness
{
    /// <summary>
    /// Every readiness check id, written once. Scripts match on them (-IncludeCheck, $_.CheckId), so they never change;
    /// the rules, the completer and the per-check tests all read this list.
    /// </summary>
    public static class CheckIds
    {
        public const string GpuPresent = "GPU.Present";
        public const string GpuVendor = "GPU.Vendor";
        public const string GpuMemory = "GPU.Memory";
        public const string GpuCount = "GPU.Count";
        public const string GpuComputeCapability = "GPU.ComputeCapability";
        public const string GpuTier = "GPU.Tier";
        public const string GpuMig = "GPU.Mig";
        public const string GpuEcc = "GPU.Ecc";
        public const string GpuMemoryInUse = "GPU.MemoryInUse";
        public const string GpuPersistenceMode = "GPU.PersistenceMode";
        public const string GpuInterconnect = "GPU.Interconnect";
        public const string DriverCudaCompatibility = "Driver.CudaCompatibility";
        public const string DriverNvidiaMinimum = "Driver.NvidiaMinimum";
        public const string DriverRocm = "Driver.Rocm";
        public const string FrameworkPyTorch = "Framework.PyTorch";
        public const string FrameworkTensorFlow = "Framework.TensorFlow";
        public const string FrameworkEngine = "Framework.Engine";
        public const string FrameworkFlashMla = "Framework.FlashMla";
        public const string SystemMemoryRatio = "System.MemoryRatio";
        public const string SystemMemoryForModel = "System.MemoryForModel";
        public const string SystemCpuPerGpu = "System.CpuPerGpu";
        public const string SystemCpuCores = "System.CpuCores";
        public const string SystemCpuThreads = "System.CpuThreads";
        public const string SystemCpuFrequency = "System.CpuFrequency";
        public const string SystemMemory = "System.Memory";
        public const string SystemEccMemory = "System.EccMemory";
        public const string StorageFreeSpace = "Storage.FreeSpace";
        public const string StorageNvme = "Storage.Nvme";
        public const string StorageCapacity = "Storage.Capacity";
        public const string StorageThroughput = "Storage.Throughput";
        public const string NetworkFabric = "Network.Fabric";
        public const string NetworkJumboFrames = "Network.JumboFrames";
        public const string NetworkStorageNetwork = "Network.StorageNetwork";

        /// <summary>Every id, in the order checks are reported.</summary>
        public static IReadOnlyList<string> All => ReadinessEngine.CheckIds;
    }

    /// <summary>The categories checks are grouped in; each check id starts with its category.</summary>
    public static class CheckCategories
    {
        public const string Gpu = "GPU";
        public const string Driver = "Driver";
        public const string Framework = "Framework";
        public const string System = "System";
        public const string Storage = "Storage";
        public const string Network = "Network";
    }

    /// <summary>The names of the policies in compat.json the rules apply.</summary>
    internal static class PolicyNames
    {
        public const string RamPerGpuMemory = "ramPerGpuMemory";
        public const string CpuCoresPerGpu = "cpuCoresPerGpu";
        public const string CheckpointFreeSpaceMargin = "checkpointFreeSpaceMargin";
        public const string EditionRuntimeFactor = "editionRuntimeFactor";
        public const string IdleGpuMemoryBytes = "idleGpuMemoryBytes";
        public const string MultiNodeFabricBitsPerSecond = "multiNodeFabricBitsPerSecond";
        public const string JumboFrameMtu = "jumboFrameMtu";
        public const string InfinibandMtu = "infinibandMtu";
        public const string TierTolerance = "tierTolerance";
        public const string RecommendedRocm = "recommendedRocm";
        public const string DedicatedGpuMemoryUtilization = "dedicatedGpuMemoryUtilization";
        public const string CpuInferenceRamFraction = "cpuInferenceRamFraction";
        public const string DesktopMemoryBandwidth = "desktopMemoryBandwidthBytesPerSecond";
        public const string ServerSocketMemoryBandwidth = "serverSocketMemoryBandwidthBytesPerSecond";
        public const string ServerCoresPerSocket = "serverCoresPerSocket";
        public const string MinimumUsefulContext = "minimumUsefulContext";
        public const string AdaTensorTflopsPerWatt = "adaTensorTflopsPerWatt";

        public static readonly string[] All =
        {
            RamPerGpuMemory, CpuCoresPerGpu, CheckpointFreeSpaceMargin, EditionRuntimeFactor, IdleGpuMemoryBytes,
            MultiNodeFabricBitsPerSecond, JumboFrameMtu, InfinibandMtu, TierTolerance, RecommendedRocm,
            DedicatedGpuMemoryUtilization, CpuInferenceRamFraction, DesktopMemoryBandwidth, ServerSocketMemoryBandwidth,
            ServerCoresPerSocket, MinimumUsefulContext, AdaTensorTflopsPerWatt,
        };
    }
}
