using System.Collections.Generic;
using System.Linq;
using DeepSeekHw.Sizing;

using static DeepSeekHw.InvariantText;

namespace DeepSeekHw.Readiness
{
    /// <summary>Where the checkpoint lives and how nodes talk: free space, NVMe, a tier's disks, the multi-node fabric.</summary>
    internal static class StorageNetworkRules
    {
        public static IEnumerable<ReadinessRule> All => new[]
        {
            new ReadinessRule(CheckIds.StorageFreeSpace, CheckCategories.Storage, FreeSpace),
            new ReadinessRule(CheckIds.StorageNvme, CheckCategories.Storage, Nvme),
            new ReadinessRule(CheckIds.StorageCapacity, CheckCategories.Storage, Capacity),
            new ReadinessRule(CheckIds.StorageThroughput, CheckCategories.Storage, Throughput),
            new ReadinessRule(CheckIds.NetworkFabric, CheckCategories.Network, Fabric),
            new ReadinessRule(CheckIds.NetworkJumboFrames, CheckCategories.Network, JumboFrames),
            new ReadinessRule(CheckIds.NetworkStorageNetwork, CheckCategories.Network, StorageNetwork),
        };

        private static Verdict? FreeSpace(ReadinessContext c)
        {
            if (c.Model is null || c.Baseline is null)
            {
                return null;
            }

            var native = c.Precision == c.Model.NativeDtype.ToString() || (c.Precision == nameof(WeightPrecision.BF16) && c.Model.NativeDtype != WeightPrecision.FP8);
            var download = native && c.Model.CheckpointBytes > 0 ? c.Model.CheckpointBytes : c.Baseline.WeightBytes;
            var margin = c.Policy(PolicyNames.CheckpointFreeSpaceMargin).Value;
            var need = Saturating.FromDouble(download * margin);
            var expected = Invariant($">= {Units.Size(need)} free ({(native ? "the checkpoint" : c.Precision + " weights")} + {(margin - 1) * 100:0.#}%)");
            var volumes = c.Inventory.Storage?.Volumes ?? new StorageVolume[0];
            var best = volumes.Where(v => v.FreeBytes != null).OrderByDescending(v => v.FreeBytes).FirstOrDefault();
            if (best is null)
            {
                return Verdict.Unknown(expected, "Free space is unknown.", "df -h");
            }

            var actual = Units.Size(best.FreeBytes!.Value) + " free on " + best.MountPoint;
            return Verdict.Check(best.FreeBytes >= need, ReadinessStatus.Fail, expected, actual, "The largest free filesystem holds the model; point HF_HOME or the model path there.", "No filesystem has room for the model.", "Free or add " + Units.Size(need) + " (NVMe preferred) and point HF_HOME / the engine's download directory there.", c.Model.CheckpointSource);
        }

        private static Verdict? Nvme(ReadinessContext c)
        {
            var required = c.Profile?.RequiresNvme == true;
            if (c.Model is null && !required)
            {
                return null;
            }

            const string Expected = "an NVMe disk for the model files";
            var devices = c.Inventory.Storage?.Devices ?? new StorageDevice[0];
            var actual = devices.Length == 0 ? "unknown" : string.Join(", ", devices.Select(d => d.Name + " " + d.Kind));
            if (devices.Length == 0)
            {
                return Verdict.Unknown(Expected, "No disk was listed.", "lsblk -d -o NAME,ROTA,TRAN");
            }

            if (devices.Any(d => d.Kind == "NVMe"))
            {
                return Verdict.Pass(Expected, actual, "An NVMe disk is present.");
            }

            var message = devices.All(d => d.Kind == "Virtual")
                ? "Only virtual disks: their throughput depends on the cloud volume type and is unknown here."
                : "No NVMe disk: loading hundreds of GB from SATA SSD or HDD takes many minutes.";
            const string Fix = "Keep the checkpoint on local NVMe (cloud: instance-store NVMe or a provisioned-throughput volume).";
            return required ? Verdict.Fail(Expected, actual, message, Fix, c.Profile!.Source) : Verdict.Warning(Expected, actual, message, Fix);
        }

        private static Verdict? Capacity(ReadinessContext c)
        {
            if (c.Profile?.MinStorageBytes is not long need)
            {
                return null;
            }

            var devices = c.Inventory.Storage?.Devices ?? new StorageDevice[0];
            var nvme = devices.Where(d => d.Kind == "NVMe" || !c.Profile.RequiresNvme).Sum(d => d.SizeBytes ?? 0);
            var expected = ">= " + Units.Size(need) + (c.Profile.RequiresNvme ? " of NVMe" : " of disk");
            return devices.Length == 0
                ? Verdict.Unknown(expected, "No disk was listed.", "lsblk -b -d", c.Profile.Source)
                : Verdict.Check(nvme >= need * c.Policy(PolicyNames.TierTolerance).Value, ReadinessStatus.Fail, expected, Units.Size(nvme), "Meets the tier.", "Below the tier.", "Add " + (c.Profile.RequiresNvme ? "NVMe " : string.Empty) + "capacity.", c.Profile.Source);
        }

        private static Verdict? Throughput(ReadinessContext c)
        {
            if (c.Profile?.MinStorageThroughputBytesPerSecond is not long need)
            {
                return null;
            }

            var expected = Invariant($">= {need / 1e6:0} MB/s sequential read");
            return Verdict.Unknown(expected, "Disk throughput is not measured: DeepSeekHw does not benchmark disks.", "Measure it: fio --name=read --rw=read --bs=1M --direct=1 --size=4G --filename=<file on the model disk>.", c.Profile.Source);
        }

        /// <summary>
        /// True when the deployment spans machines: the tier is multi-node, or the smallest layout needs more GPUs than
        /// one node holds (this one, or an 8-GPU server when this machine has fewer: then adding GPUs is the fix).
        /// </summary>
        private static bool MultiNode(ReadinessContext c) =>
            (c.Profile?.Nodes ?? 1) > 1 || (c.Installed != null && c.Smallest?.Fits == true && c.Smallest.GpuCount > System.Math.Max(c.Installed.Count, 8));

        private static NetworkAdapter[] FastAdapters(ReadinessContext c) =>
            (c.Inventory.Network ?? new NetworkAdapter[0]).Where(a => a.Kind is "InfiniBand" or "RoCE").ToArray();

        private static Verdict? Fabric(ReadinessContext c)
        {
            if (c.Model is null && c.Profile?.NetworkFabric is null)
            {
                return null;
            }

            var fabric = c.Policy(PolicyNames.MultiNodeFabricBitsPerSecond);
            var source = c.Profile?.Source ?? fabric.Source;
            var need = c.Profile?.MinNetworkBitsPerSecond ?? Saturating.FromDouble(fabric.Value);
            var expected = "InfiniBand or RoCE >= " + Units.Gbps(need) + " between nodes";
            if (!MultiNode(c))
            {
                return Verdict.NotApplicable("The deployment fits one node.");
            }

            var adapters = FastAdapters(c);
            if (adapters.Length == 0)
            {
                return Verdict.Fail(expected, "none", "A multi-node deployment needs an RDMA fabric; this node has no InfiniBand or RoCE adapter.", "Add HDR/NDR InfiniBand or 200 GbE RoCE adapters (one per GPU pair or per GPU for expert parallelism).", source);
            }

            var up = adapters.Where(a => a.SpeedBitsPerSecond != null && (a.State is null || a.State == "up" || a.State == "Active" || a.State == "ACTIVE")).ToArray();
            var actual = string.Join(", ", adapters.Select(a => a.Name + " " + a.Kind + " " + (a.SpeedBitsPerSecond is long s ? Units.Gbps(s) : "?") + " " + a.State));
            if (up.Length == 0)
            {
                return Verdict.Unknown(expected, "The RDMA adapters report no speed or are down.", "ibstat", source);
            }

            return Verdict.Check(up.Any(a => a.SpeedBitsPerSecond >= need), ReadinessStatus.Fail, expected, actual, "An RDMA link of the needed speed is up.", "No RDMA link reaches " + Units.Gbps(need) + ".", "Use HDR (200 Gb/s) or NDR (400 Gb/s) InfiniBand, or 200/400 GbE RoCE.", source);
        }

        private static Verdict? JumboFrames(ReadinessContext c)
        {
            if (c.Model is null && c.Profile?.NetworkFabric is null)
            {
                return null;
            }

            var jumbo = c.Policy(PolicyNames.JumboFrameMtu);
            var mtu = Invariant($"{jumbo.Value:0}");
            var expected = "MTU " + mtu + " on the RoCE/Ethernet fabric";
            if (!MultiNode(c))
            {
                return Verdict.NotApplicable("The deployment fits one node.");
            }

            var roce = FastAdapters(c).Where(a => a.Kind == "RoCE").ToArray();
            if (roce.Length == 0)
            {
                return Verdict.NotApplicable("No RoCE fabric (InfiniBand MTU is set by the subnet manager).");
            }

            var small = roce.Where(a => a.Mtu is int m && m < jumbo.Value).ToArray();
            var actual = string.Join(", ", roce.Select(a => a.Name + " MTU " + (a.Mtu?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?")));
            return small.Length == 0 && roce.All(a => a.Mtu != null)
                ? Verdict.Pass(expected, actual, "Jumbo frames are on.", jumbo.Source)
                : Verdict.Warning(expected, actual, "Standard frames on the RoCE fabric cost throughput for NCCL traffic.", "ip link set dev " + (small.FirstOrDefault()?.Name ?? "<nic>") + " mtu " + mtu + " (and on the switch ports).", jumbo.Source);
        }

        private static Verdict? StorageNetwork(ReadinessContext c)
        {
            if (c.Profile?.StorageNetworkBitsPerSecond is not long need)
            {
                return null;
            }

            var expected = Units.Gbps(need) + " Ethernet storage network";
            var ethernet = (c.Inventory.Network ?? new NetworkAdapter[0]).Where(a => a.Kind is "Ethernet" or "RoCE").ToArray();
            var best = ethernet.Where(a => a.SpeedBitsPerSecond != null).OrderByDescending(a => a.SpeedBitsPerSecond).FirstOrDefault();
            return best is null
                ? Verdict.Unknown(expected, "No Ethernet adapter reports a speed.", "ethtool <nic>", c.Profile.Source)
                : Verdict.Check(best.SpeedBitsPerSecond >= need, ReadinessStatus.Fail, expected, best.Name + " " + Units.Gbps(best.SpeedBitsPerSecond!.Value), "Meets the tier.", "No Ethernet link reaches the tier's storage network speed.", "Add 100 GbE adapters for the storage network.", c.Profile.Source);
        }
    }
}
