using System;
using DeepSeekHw.Sizing;

namespace DeepSeekHw.Readiness
{
    /// <summary>
    /// What to test: one machine's inventory against a model deployment (the same SizingRequest Get-DeepSeekSizing takes,
    /// so the two never disagree for the same flags) or against a profile.
    /// </summary>
    public sealed class ReadinessRequest
    {
        /// <summary>Tests a deployment; its Gpu and GpuCount are ignored, because the machine's own GPUs are what is tested.</summary>
        public ReadinessRequest(HardwareInventory inventory, SizingRequest deployment)
        {
            Inventory = inventory ?? throw new ArgumentNullException(nameof(inventory));
            Deployment = deployment ?? throw new ArgumentNullException(nameof(deployment));
        }

        /// <summary>Tests a seed tier or edition.</summary>
        public ReadinessRequest(HardwareInventory inventory, HardwareProfile profile)
        {
            Inventory = inventory ?? throw new ArgumentNullException(nameof(inventory));
            Profile = profile ?? throw new ArgumentNullException(nameof(profile));
        }

        public HardwareInventory Inventory { get; }

        /// <summary>The model deployment to test; null for a profile test.</summary>
        public SizingRequest? Deployment { get; }

        public HardwareProfile? Profile { get; }

        public ModelSpec? Model => Deployment?.Model;
    }
}
