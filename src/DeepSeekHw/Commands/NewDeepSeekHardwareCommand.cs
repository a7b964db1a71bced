using System.Collections;
using System.Management.Automation;
using DeepSeekHw.Commands.Completers;
using DeepSeekHw.Commands.Infrastructure;
using DeepSeekHw.Readiness;

namespace DeepSeekHw.Commands
{
    /// <summary>Describes a machine you do not have yet, as an inventory Test-DeepSeekReadiness and Get-DeepSeekSizing accept.</summary>
    /// <remarks>
    /// <para>The GPUs come from the catalog entry (memory as the driver reports it, compute capability, vendor); every
    /// other fact is only what you state. Facts left out stay unknown, so the checks that need them answer Unknown rather
    /// than assume. The object is a HardwareInventory with IsHypothetical set; nothing is created or changed on any
    /// machine.</para>
    /// </remarks>
    /// <example>
    /// <code>New-DeepSeekHardware -Gpu A100-SXM4-80GB -GpuCount 2 -Interconnect NVLink | Test-DeepSeekReadiness -Model DeepSeek-R1-Distill-Llama-70B -ContextLength 32768</code>
    /// <para>Would two A100 80 GB run the 70B distill at 32k context?</para>
    /// </example>
    /// <example>
    /// <code>Get-DeepSeekGpuSpec -Name L40S, A100-PCIe-80GB | New-DeepSeekHardware -GpuCount 4 | Test-DeepSeekReadiness -Model DeepSeek-R1-Distill-Qwen-32B -Summary</code>
    /// <para>Compares two four-GPU servers for the 32B distill, one summary each.</para>
    /// </example>
    /// <example>
    /// <code>New-DeepSeekHardware -Gpu H200-SXM -GpuCount 8 -Interconnect NVSwitch -MemoryGB 2048 -CpuCores 112 -DriverVersion 570.124.06 -PyTorchVersion 2.7.1 -PyTorchCudaBuild 12.8 -Package @{ vllm = '0.9.2' } | Test-DeepSeekReadiness -Model DeepSeek-V3 -Summary</code>
    /// <para>Plans an 8x H200 node with its software stack and gets one verdict.</para>
    /// </example>
    /// <example>
    /// <code>New-DeepSeekHardware -MemoryGB 24 -CpuCores 8 | Get-DeepSeekRecommendation -Model DeepSeek-R1</code>
    /// <para>A machine without a GPU and 24 GiB of RAM: which model of DeepSeek-R1's line runs on its CPU, and how fast.</para>
    /// </example>
    /// <example>
    /// <code>New-DeepSeekHardware -MemoryGB 1536 -CpuModel 'AMD EPYC 9654 96-Core Processor' -CpuSockets 2 -CpuCores 192 | Get-DeepSeekRecommendation -Model DeepSeek-R1</code>
    /// <para>A two-socket EPYC server without GPUs: R1 on its CPUs, at the memory bandwidth of 24 channels of DDR5-4800.</para>
    /// </example>
    [Cmdlet(VerbsCommon.New, "DeepSeekHardware")]
    [Alias("New-DeepSeekHardwareProfile")]
    [OutputType(typeof(HardwareInventory))]
    public sealed class NewDeepSeekHardwareCommand : DeepSeekCmdlet
    {
        /// <summary>The GPU: a catalog short name (H100-SXM, A100-SXM4-80GB, RTX-4090, ...), or GPUs piped from Get-DeepSeekGpuSpec. Omit for a machine without GPUs.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Name")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(GpuNameCompleter))]
        public string Gpu { get; set; } = string.Empty;

        /// <summary>How many of that GPU the machine has.</summary>
        [Parameter(Position = 1)]
        [ValidateRange(1, 1024)]
        public int GpuCount { get; set; } = 1;

        /// <summary>System memory in GiB.</summary>
        [Parameter]
        [ValidateRange(1, 1048576)]
        public double? MemoryGB { get; set; }

        /// <summary>Physical CPU cores over all sockets.</summary>
        [Parameter]
        [ValidateRange(1, 100000)]
        public int? CpuCores { get; set; }

        /// <summary>The CPU's model name as lscpu or Windows reports it (e.g. 'AMD EPYC 9654 96-Core Processor'): CPU inference reads RAM at its platform's memory channels and rate.</summary>
        [Parameter]
        [ValidateLength(1, 200)]
        public string? CpuModel { get; set; }

        /// <summary>CPU sockets (default: unknown, counted as one).</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int? CpuSockets { get; set; }

        /// <summary>Hardware threads over all sockets (default: the core count).</summary>
        [Parameter]
        [ValidateRange(1, 100000)]
        public int? CpuThreads { get; set; }

        /// <summary>The CPU's highest rated clock in GHz.</summary>
        [Parameter]
        [ValidateRange(0.1, 10.0)]
        public double? CpuFrequencyGHz { get; set; }

        /// <summary>Between the GPUs: NVLink, NVSwitch or PCIe.</summary>
        [Parameter]
        [ValidateSet("NVLink", "NVSwitch", "PCIe", IgnoreCase = true)]
        public string? Interconnect { get; set; }

        /// <summary>Speed of the node-to-node fabric in Gb/s.</summary>
        [Parameter]
        [ValidateRange(1, 100000)]
        public int? NetworkGbps { get; set; }

        /// <summary>The fabric: InfiniBand (default), RoCE or Ethernet.</summary>
        [Parameter]
        [ValidateSet("InfiniBand", "RoCE", "Ethernet", IgnoreCase = true)]
        public string NetworkKind { get; set; } = "InfiniBand";

        /// <summary>Disk for model files, in GB (10^9 bytes).</summary>
        [Parameter]
        [ValidateRange(1, 10000000)]
        public double? StorageGB { get; set; }

        /// <summary>Free space for model files in GB (default: all of -StorageGB).</summary>
        [Parameter]
        [ValidateRange(0, 10000000)]
        public double? FreeStorageGB { get; set; }

        /// <summary>The disk: NVMe (default), SSD or HDD.</summary>
        [Parameter]
        [ValidateSet("NVMe", "SSD", "HDD", IgnoreCase = true)]
        public string StorageKind { get; set; } = "NVMe";

        /// <summary>GPU driver version (NVIDIA: 570.124.06).</summary>
        [Parameter]
        public string? DriverVersion { get; set; }

        /// <summary>PyTorch version (2.7.1).</summary>
        [Parameter]
        public string? PyTorchVersion { get; set; }

        /// <summary>The CUDA (NVIDIA) or ROCm (AMD) version PyTorch is built for (12.8, 6.3).</summary>
        [Parameter]
        public string? PyTorchCudaBuild { get; set; }

        /// <summary>Other Python packages as a hashtable of name = version (@{ vllm = '0.9.2'; sglang = '0.4.6' }).</summary>
        [Parameter]
        public Hashtable? Package { get; set; }

        /// <summary>The name the machine is reported under (default: what-if).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string ComputerName { get; set; } = "what-if";

        /// <summary>Linux (default) or Windows; decides which driver minimums apply.</summary>
        [Parameter]
        [ValidateSet("Linux", "Windows", IgnoreCase = true)]
        public string Platform { get; set; } = "Linux";

        protected override void ProcessRecord()
        {
            var gpu = string.IsNullOrEmpty(Gpu) ? null : Catalog.FindGpu(Gpu);
            if (gpu is null && !string.IsNullOrEmpty(Gpu))
            {
                WriteError(GpuNotFound(Gpu));
                return;
            }

            const double GiB = 1024.0 * 1024 * 1024;
            var machine = new WhatIfMachine(gpu, GpuCount)
            {
                ComputerName = ComputerName,
                Platform = Platform,
                MemoryBytes = MemoryGB is double memory ? (long)(memory * GiB) : (long?)null,
                CpuCores = CpuCores,
                CpuModel = CpuModel,
                CpuSockets = CpuSockets,
                CpuThreads = CpuThreads,
                CpuFrequencyMHz = CpuFrequencyGHz * 1000,
                Interconnect = Interconnect,
                NetworkBitsPerSecond = NetworkGbps is int gbps ? gbps * 1_000_000_000L : (long?)null,
                NetworkKind = NetworkKind,
                StorageBytes = StorageGB is double storage ? (long)(storage * 1e9) : (long?)null,
                FreeStorageBytes = FreeStorageGB is double free ? (long)(free * 1e9) : (long?)null,
                StorageKind = StorageKind,
                DriverVersion = DriverVersion,
                PyTorchVersion = PyTorchVersion,
                PyTorchCudaBuild = PyTorchCudaBuild,
            };
            if (Package != null)
            {
                foreach (DictionaryEntry entry in Package)
                {
                    machine.Packages[entry.Key.ToString()!] = entry.Value?.ToString() ?? string.Empty;
                }
            }

            WriteObject(machine.ToInventory());
        }
    }
}
