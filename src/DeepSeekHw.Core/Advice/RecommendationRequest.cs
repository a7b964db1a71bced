using System;
using System.Collections.Generic;
using DeepSeekHw.Sizing;

namespace DeepSeekHw.Advice
{
    /// <summary>What to advise on: a deployment, the hardware it would run on, and what readiness found there.</summary>
    public sealed class RecommendationRequest
    {
        public RecommendationRequest(SizingRequest deployment)
        {
            Deployment = deployment ?? throw new ArgumentNullException(nameof(deployment));
        }

        /// <summary>The deployment as asked; its Gpu and GpuCount are the hardware's GPUs (none: a CPU-only machine).</summary>
        public SizingRequest Deployment { get; }

        /// <summary>True when the precision was chosen by the user; otherwise any precision that fits is a candidate.</summary>
        public bool PrecisionGiven { get; set; }

        /// <summary>The machine's inventory, for its RAM, CPU and network; null for a GPU named alone.</summary>
        public HardwareInventory? Inventory { get; set; }

        /// <summary>
        /// Readiness checks on the machine (piped in); those that fail or warn get their remedy. Null: the checks are run here,
        /// on the inventory, for the configuration recommended first.
        /// </summary>
        public IReadOnlyList<ReadinessCheck>? Checks { get; set; }

        /// <summary>The system memory bandwidth for CPU inference, in bytes per second; null to assume one from the CPU.</summary>
        public long? CpuMemoryBandwidthBytesPerSecond { get; set; }

        /// <summary>Where the machine is: the computer name on every recommendation.</summary>
        public string ComputerName { get; set; } = string.Empty;
    }
}
