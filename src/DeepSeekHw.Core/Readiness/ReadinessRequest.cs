namespace DeepSeekHw.Readiness
{
    /// <summary>What to test: one machine's inventory against a model deployment (Model + sizing options) or a profile.</summary>
    public sealed class ReadinessRequest
    {
        public ReadinessRequest(HardwareInventory inventory)
        {
            Inventory = inventory;
        }

        public HardwareInventory Inventory { get; }

        public ModelSpec? Model { get; set; }

        public WeightPrecision Precision { get; set; } = WeightPrecision.Native;

        public int? ContextLength { get; set; }

        public int Concurrency { get; set; } = 1;

        public SizingWorkload Workload { get; set; } = SizingWorkload.Inference;

        public string? Engine { get; set; }

        public HardwareProfile? Profile { get; set; }
    }
}
