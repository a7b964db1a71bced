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
            var (bandwidth, basis) = Bandwidth(inventory!.Cpu, bandwidthOverride, compat);
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

        // Measured bandwidth is not in any tool's output, so it is a parameter or the platform's assumed channels.
        private static (long Bandwidth, string Basis) Bandwidth(CpuInfo? cpu, long? bandwidthOverride, CompatibilityChecklist compat)
        {
            if (bandwidthOverride is long given && given > 0)
            {
                return (given, Invariant($"memory bandwidth {given / 1e9:0.#} GB/s (-CpuMemoryBandwidthGBps)"));
            }

            var sockets = Math.Max(1, cpu?.Sockets ?? 1);
            var coresPerSocket = (cpu?.Cores ?? 0) / sockets;
            var server = sockets > 1 || coresPerSocket > compat.Policy(PolicyNames.ServerCoresPerSocket).Value;
            var policy = compat.Policy(server ? PolicyNames.ServerSocketMemoryBandwidth : PolicyNames.DesktopMemoryBandwidth);
            var bandwidth = (long)(policy.Value * (server ? sockets : 1));
            return (bandwidth, Invariant($"an assumed {bandwidth / 1e9:0.#} GB/s of memory bandwidth for {(server ? sockets + " server socket(s)" : "a desktop CPU")} ({policy.Source}); give the measured figure with -CpuMemoryBandwidthGBps"));
        }
    }
}
