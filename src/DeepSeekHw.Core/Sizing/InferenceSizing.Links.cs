using System;
using static DeepSeekHw.InvariantText;

namespace DeepSeekHw.Sizing
{
    /// <summary>The link a tensor-parallel group's all-reduces cross, and the bus bandwidth they get over it.</summary>
    internal static partial class InferenceSizing
    {
        /// <summary>
        /// Share of a PCIe x16 link's one-way rate that NCCL's ring all-reduce reaches between GPUs without NVLink: 12.7 GB/s
        /// bus bandwidth for four RTX 4090s on PCIe 4.0 with peer-to-peer on (tinygrad/open-gpu-kernel-modules pull request
        /// #22, all_reduce_perf), 28 GB/s for eight RTX 5090s on PCIe 5.0 and 35 for four (NVIDIA/nccl issue #1639): 0.4-0.55
        /// of 32 and 64 GB/s, the low end taken.
        /// </summary>
        private const double PcieAllReduceShare = 0.4;

        /// <summary>Bus bandwidth of an all-reduce leg between servers: one 400 Gb/s InfiniBand NDR or RoCE rail per GPU.</summary>
        private const double NetworkAllReduceBytesPerSecond = 50e9;

        /// <summary>
        /// The all-reduce bus bandwidth a tensor-parallel group of <paramref name="tp"/> GPUs gets: NVLink or Infinity Fabric
        /// at its one-way rate (a bridge joins pairs only), PCIe at <see cref="PcieAllReduceShare"/> of its one-way x16 rate,
        /// and no more than one network rail per GPU once the group spans servers.
        /// </summary>
        internal static double AllReduceBusBytesPerSecond(GpuSpec gpu, int tp)
        {
            var link = LinkOf(gpu, tp);
            var inside = link == GpuLink.Fabric ? gpu.InterconnectBandwidthBytesPerSecond!.Value / 2.0 : PcieOneWayBytesPerSecond(gpu.PcieGeneration) * PcieAllReduceShare;
            return tp > GpusPerNode ? Math.Min(inside, NetworkAllReduceBytesPerSecond) : inside;
        }

        private static string TensorParallelLinkName(GpuSpec gpu, int tp) =>
            tp > GpusPerNode ? "the network between servers"
            : LinkOf(gpu, tp) == GpuLink.Fabric ? gpu.Interconnect
            : Invariant($"PCIe {gpu.PcieGeneration ?? 4}.0 (no GPU-to-GPU link for {tp} GPUs)");

        private enum GpuLink
        {
            Pcie,
            Fabric,
        }

        private static GpuLink LinkOf(GpuSpec gpu, int tp)
        {
            var text = gpu.Interconnect ?? string.Empty;
            var fabric = gpu.InterconnectBandwidthBytesPerSecond is > 0
                && text.IndexOf("none", StringComparison.OrdinalIgnoreCase) < 0;
            var pairsOnly = text.IndexOf("bridge", StringComparison.OrdinalIgnoreCase) >= 0;
            return fabric && (!pairsOnly || tp <= 2) ? GpuLink.Fabric : GpuLink.Pcie;
        }

        // One-way bandwidth of a x16 link: 16 GB/s for PCIe 3.0, doubling each generation; 4.0 when the GPU does not say.
        private static double PcieOneWayBytesPerSecond(int? generation) => 16e9 * Math.Pow(2, Math.Min(Math.Max((generation ?? 4) - 3, 0), 3));
    }
}
