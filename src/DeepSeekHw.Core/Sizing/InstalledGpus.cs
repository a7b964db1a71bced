using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DeepSeekHw.Catalog;

namespace DeepSeekHw.Sizing
{
    /// <summary>
    /// The GPUs a machine has, as sizing sees them: one spec and how many of it. Measured facts first: the memory each GPU's
    /// driver reports is the capacity sized on, whether or not the catalog knows the GPU; the catalog adds what tools
    /// cannot say (bandwidth, throughput). A GPU the catalog lacks borrows those from the most similar catalog GPU, and
    /// the spec says so.
    /// </summary>
    public sealed class InstalledGpus
    {
        private InstalledGpus(GpuSpec spec, int count, int ignored)
        {
            Spec = spec;
            Count = count;
            Ignored = ignored;
        }

        public GpuSpec Spec { get; }

        public int Count { get; }

        /// <summary>GPUs left out: another model than the most common one, or one whose memory is unknown.</summary>
        public int Ignored { get; }

        /// <summary>
        /// Picks the largest group of identical GPUs (tensor parallelism needs them identical): catalog GPUs by their entry,
        /// others by reported name and memory. Null when no GPU is in the catalog or reports its memory.
        /// </summary>
        public static InstalledGpus? From(IEnumerable<GpuDevice> gpus, DeepSeekCatalog catalog)
        {
            if (gpus is null)
            {
                throw new ArgumentNullException(nameof(gpus));
            }

            var all = gpus.Where(g => g != null).ToList();
            var groups = all
                .Select(g => (Gpu: g, Spec: g.Spec ?? catalog.FindGpuByPciId(g.PciId) ?? (string.IsNullOrWhiteSpace(g.Name) ? null : catalog.FindGpu(g.Name))))
                .Where(x => x.Spec != null || x.Gpu.MemoryTotalBytes > 0)
                .GroupBy(x => x.Spec?.Name ?? "measured:" + x.Gpu.Name + ":" + x.Gpu.MemoryTotalBytes?.ToString(CultureInfo.InvariantCulture), StringComparer.Ordinal)
                .OrderByDescending(g => g.Count())
                .ThenByDescending(g => g.First().Spec?.MemoryBytes ?? g.First().Gpu.MemoryTotalBytes)
                .FirstOrDefault();
            if (groups is null)
            {
                return null;
            }

            var devices = groups.Select(x => x.Gpu).ToList();
            var spec = groups.First().Spec is { } known ? Measured(known, devices) : Estimated(devices, catalog);
            return new InstalledGpus(spec, devices.Count, all.Count - devices.Count);
        }

        /// <summary>
        /// The GPUs of an inventory, linked as the machine reports them: where nvidia-smi topo -m found PCIe between every
        /// pair, tensor parallelism goes over PCIe whatever the catalog entry's bridge; where it found NVLink between every
        /// pair, over NVLink even for more than a bridge's two GPUs.
        /// </summary>
        public static InstalledGpus? From(HardwareInventory inventory, DeepSeekCatalog catalog)
        {
            if (inventory is null)
            {
                throw new ArgumentNullException(nameof(inventory));
            }

            var installed = From(inventory.Gpus ?? Array.Empty<GpuDevice>(), catalog);
            return installed is null || installed.Count < 2 ? installed : installed.LinkedAs(inventory.GpuInterconnect);
        }

        private InstalledGpus LinkedAs(string? measured) => measured switch
        {
            "PCIe" => new InstalledGpus(Spec.WithInterconnect("none (PCIe between these GPUs, as nvidia-smi topo -m reports)", null), Count, Ignored),
            "NVLink" when Spec.InterconnectBandwidthBytesPerSecond is > 0 => new InstalledGpus(Spec.WithInterconnect("NVLink between every pair of these GPUs (nvidia-smi topo -m)", Spec.InterconnectBandwidthBytesPerSecond), Count, Ignored),
            _ => this,
        };

        /// <summary>Sizing by name alone (no device facts): the most common catalog GPU among the names.</summary>
        public static InstalledGpus? From(IEnumerable<string?> gpuNames, DeepSeekCatalog catalog) =>
            From(gpuNames.Select(name => new GpuDevice { Name = name ?? string.Empty }), catalog);

        // The catalog's figures with the capacity and power limit this machine's driver reports (the smallest of the group:
        // tensor parallelism runs at the pace of its slowest GPU).
        private static GpuSpec Measured(GpuSpec known, List<GpuDevice> devices)
        {
            var reported = devices.Select(d => d.MemoryTotalBytes).Where(m => m > 0).Select(m => m!.Value).DefaultIfEmpty().Min();
            var spec = reported > 0 && reported != known.UsableMemoryBytes
                ? known.WithUsableMemory(reported, "reported by the driver on this machine")
                : known;
            return PowerLimit(devices) is int watts && watts != known.TdpWatts
                ? spec.WithPowerLimit(watts, PowerLimitSource(devices[0], known.TdpWatts))
                : spec;
        }

        private static int? PowerLimit(List<GpuDevice> devices) => devices.Select(d => d.PowerLimitWatts).Where(w => w > 0).Min();

        private static string PowerLimitSource(GpuDevice device, int? catalogTdp) =>
            "the power limit " + ToolOf(device) + " reports on this machine" + (catalogTdp is int tdp ? "; the catalog's TDP is " + tdp.ToString(CultureInfo.InvariantCulture) + " W" : string.Empty);

        private static string ToolOf(GpuDevice device) => device.Source.Split(' ')[0] is { Length: > 0 } tool ? tool : "the driver";

        // A GPU the catalog lacks: its reported memory, and a similar catalog GPU's bandwidth and throughput, stated as such.
        private static GpuSpec Estimated(List<GpuDevice> devices, DeepSeekCatalog catalog)
        {
            var first = devices[0];
            var memory = devices.Select(d => d.MemoryTotalBytes ?? 0).Min();
            var reference = Similar(first, memory, catalog);
            var tool = ToolOf(first);
            var basis = reference is null
                ? "no catalog GPU shares its architecture" + (first.Architecture is null ? string.Empty : " (" + first.Architecture + ")") + ": speed is not estimated"
                : "bandwidth and throughput of " + reference.Name + " (" + (NamedIn(first, reference) > 0 ? "the product its name carries, " : string.Empty) + (SameChip(first, reference) ? "the same chip" : "the same architecture") + ", the closest memory size); add this GPU's figures with Import-DeepSeekCatalog for its own";
            var spec = new GpuSpec
            {
                Name = first.Name,
                DisplayName = first.Name,
                Vendor = first.Vendor,
                Architecture = first.Architecture ?? string.Empty,
                MemoryBytes = memory,
                UsableMemoryBytes = memory,
                UsableMemorySource = "reported by " + tool + " on this machine",
                MemoryType = reference?.MemoryType ?? string.Empty,
                MemoryBandwidthBytesPerSecond = reference?.MemoryBandwidthBytesPerSecond ?? 0,
                DenseBf16Tflops = reference?.DenseBf16Tflops,
                DenseFp16Tflops = reference?.DenseFp16Tflops,
                DenseFp16AccumulateTflops = reference?.DenseFp16AccumulateTflops,
                DenseFp8Tflops = reference?.DenseFp8Tflops,
                DenseInt8Tops = reference?.DenseInt8Tops,
                Multiprocessors = reference?.Multiprocessors, // with its bandwidth: the pair sets what the engines' kernels can stream
                BoostClockMhz = reference?.BoostClockMhz,
                ComputeCapability = first.ComputeCapability,
                GfxTarget = first.GfxTarget,
                Interconnect = "unknown",
                Confidence = "measured",
                Source = "measured: memory reported by " + tool + (first.ComputeCapabilityBasis is { } basis2 ? "; compute capability " + basis2 : string.Empty),
                EstimateBasis = basis,
                IsMeasured = true,
            };

            // Its own board's limit, never the reference's TDP: the power-limited tensor rate and the power cost follow it.
            return PowerLimit(devices) is int watts ? spec.WithPowerLimit(watts, PowerLimitSource(first, null)) : spec;
        }

        // A catalog entry's source names its bus width and chip rarely; its PCI ids name the chip through the same database.
        private static bool SameChip(GpuDevice device, GpuSpec spec) =>
            device.Chip != null && spec.PciDeviceIds.Any(id => GpuIdDatabase.Builtin.FromPciId(id)?.Chip == device.Chip);

        // A variant the catalog lacks usually carries its base product's name ("NVIDIA H20-3e", the H20 with more memory):
        // every word of the catalog name is a word of the device's, so "H20" is in "H20-3e" but not in "H200 NVL". The
        // more words, the closer the product ("Tesla-P100-PCIe" before "Tesla-P100"); 0 where the name is not carried.
        private static int NamedIn(GpuDevice device, GpuSpec spec)
        {
            var words = Words(device.Name);
            var named = Words(spec.Name);
            return named.All(words.Contains) ? named.Count : 0;
        }

        private static HashSet<string> Words(string? name) =>
            new HashSet<string>(WordSplit.Split(name ?? string.Empty).Where(w => w.Length > 0).Select(w => w.ToUpperInvariant()), StringComparer.Ordinal);

        private static readonly System.Text.RegularExpressions.Regex WordSplit = new System.Text.RegularExpressions.Regex("[^A-Za-z0-9]+", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

        private static GpuSpec? Similar(GpuDevice device, long memory, DeepSeekCatalog catalog)
        {
            var architecture = NameKey.Of(device.Architecture);
            if (architecture.Length == 0)
            {
                return null;
            }

            return catalog.Gpus
                .Where(g => g.Vendor == device.Vendor && g.MemoryBandwidthBytesPerSecond > 0 && (NameKey.Of(g.Architecture).StartsWith(architecture, StringComparison.Ordinal) || architecture.StartsWith(NameKey.Of(g.Architecture), StringComparison.Ordinal)) && NameKey.Of(g.Architecture).Length > 0)
                .OrderByDescending(g => NamedIn(device, g))
                .ThenByDescending(g => SameChip(device, g))
                .ThenBy(g => Math.Abs(Math.Log((double)Math.Max(1, g.UsableMemoryBytes ?? g.MemoryBytes) / Math.Max(1, memory))))
                .ThenBy(g => g.Name, StringComparer.Ordinal)
                .FirstOrDefault();
        }
    }
}
