using System;

namespace DeepSeekHw
{
    /// <summary>The processors of a machine, summed over sockets.</summary>
    public sealed class CpuInfo
    {
        public string? Model { get; set; }

        /// <summary>GenuineIntel, AuthenticAMD, ARM, ...</summary>
        public string? Vendor { get; set; }

        public int? Sockets { get; set; }

        /// <summary>Physical cores over all sockets.</summary>
        public int? Cores { get; set; }

        /// <summary>Logical processors (hardware threads) over all sockets.</summary>
        public int? Threads { get; set; }

        /// <summary>
        /// CPUs this process may use when a container's cgroup caps it (cgroup cpu.max or CFS quota ÷ period), e.g. 4.5;
        /// null when there is no cap. Threads shows the host's processors even inside such a container.
        /// </summary>
        public double? LimitCores { get; set; }

        /// <summary>Highest rated clock (boost where the OS reports it), in MHz.</summary>
        public double? MaxFrequencyMHz { get; set; }

        public bool? HasAvx2 { get; set; }

        public bool? HasAvx512 { get; set; }

        /// <summary>Intel Advanced Matrix Extensions (Sapphire Rapids and later), used by CPU inference engines.</summary>
        public bool? HasAmx { get; set; }

        /// <summary>
        /// Whether the OS runs in a virtual machine: the hypervisor CPU flag or lscpu's "Hypervisor vendor" (Linux), or a
        /// system a hypervisor names (Windows Win32_ComputerSystem: Virtual Machine, VMware, KVM, QEMU, Xen, Amazon EC2,
        /// ...); null when nothing shows it (a Linux guest may hide the flag).
        /// A VM's share of its host's memory channels is unknown, so CPU inference does not take the platform's peak.
        /// </summary>
        public bool? Virtualized { get; set; }

        /// <summary>The instruction-set flags the OS lists (lower case).</summary>
        public string[] Flags { get; set; } = Array.Empty<string>();

        public override string ToString() => Model ?? string.Empty;
    }
}
