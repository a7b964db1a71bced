using System;
using DeepSeekHw.Catalog;
using DeepSeekHw.Readiness;

using static DeepSeekHw.InvariantText;

namespace DeepSeekHw.Advice
{
    /// <summary>
    /// System RAM as the device a CPU-only llama.cpp runs from: the share of RAM the seed guide leaves to the model, and the
    /// DRAM bandwidth decode reads it at, so that the sizing engine gives CPU fit and tokens per second like a GPU's.
    /// </summary>
    internal static class SystemMemoryDevice
    {
        public const string Name = "CPU (system RAM)";

        /// <summary>The device, or null when the inventory does not say how much RAM there is.</summary>
        public static GpuSpec? From(HardwareInventory? inventory, long? bandwidthOverride, CompatibilityChecklist compat)
        {
            var ram = inventory?.Memory?.UsableBytes ?? inventory?.Memory?.TotalBytes;
            if (ram is not long total || total <= 0)
            {
                return null;
            }

            var fraction = compat.Policy(PolicyNames.CpuInferenceRamFraction);
            var usable = (long)(total * fraction.Value);
            var (bandwidth, basis) = Bandwidth(inventory!.Cpu, inventory.Memory?.ModuleCount, bandwidthOverride, compat);
            return new GpuSpec
            {
                Name = Name,
                DisplayName = Name,
                Vendor = GpuVendor.Unknown,
                Architecture = inventory.Cpu?.Model ?? "CPU",
                MemoryBytes = usable,
                UsableMemoryBytes = usable,
                UsableMemorySource = Invariant($"{fraction.Value:P0} of the {total / (double)(1L << 30):0.#} GiB of RAM the inventory reports ({fraction.Source})"),
                MemoryType = "DRAM",
                MemoryBandwidthBytesPerSecond = bandwidth,
                Interconnect = "none",
                Confidence = "assumed",
                Source = basis,
                EstimateBasis = basis,
                IsSystemMemory = true,
            };
        }

        // Measured bandwidth is not in any tool's output, so it is a parameter, the peak of the CPU's platform (its model
        // name, its sockets, and the modules where the inventory counts them), or an assumed server or desktop socket.
        private static (long Bandwidth, string Basis) Bandwidth(CpuInfo? cpu, int? modules, long? bandwidthOverride, CompatibilityChecklist compat)
        {
            if (bandwidthOverride is long given && given > 0)
            {
                return (given, Invariant($"memory bandwidth {given / 1e9:0.#} GB/s (-CpuMemoryBandwidthGBps)"));
            }

            var sockets = Math.Max(1, cpu?.Sockets ?? 1);
            var virtualMachine = cpu?.Virtualized == true;
            if (!virtualMachine && compat.MemoryPlatformFor(cpu?.Model) is { } platform)
            {
                // Fewer modules than channels leave channels empty; more (two a channel) add capacity, not bandwidth.
                var channels = platform.Channels * sockets;
                var filled = modules is int count && count > 0 && count < channels ? count : channels;
                var peak = platform.BytesPerSecond(filled);
                return (peak, Invariant($"{peak / 1e9:0.#} GB/s, the peak of {filled} channel(s) at {platform.MegaTransfersPerSecond:N0} MT/s: {platform.Platform}, {platform.Channels} a socket × {sockets} socket(s){(filled < channels ? Invariant($", {filled} of them filled by the {filled} modules the inventory lists") : ", every channel filled")} ({platform.Source}); give the measured figure with -CpuMemoryBandwidthGBps"));
            }

            var coresPerSocket = (cpu?.Cores ?? 0) / sockets;
            var server = sockets > 1 || coresPerSocket > compat.Policy(PolicyNames.ServerCoresPerSocket).Value;
            var policy = compat.Policy(server ? PolicyNames.ServerSocketMemoryBandwidth : PolicyNames.DesktopMemoryBandwidth);
            var bandwidth = (long)(policy.Value * (server ? sockets : 1));
            return (bandwidth, Invariant($"an assumed {bandwidth / 1e9:0.#} GB/s of memory bandwidth for {(server ? sockets + " server socket(s)" : "a desktop CPU")} ({policy.Source}){(virtualMachine ? "; a virtual machine's share of its host's memory channels is unknown" : string.Empty)}; give the measured figure with -CpuMemoryBandwidthGBps"));
        }
    }
}
