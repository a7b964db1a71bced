namespace DeepSeekHw.Sizing
{
    /// <summary>One way to place a model on GPUs and what its busiest GPU then holds.</summary>
    internal sealed class LayoutPlan
    {
        public int TensorParallel { get; set; } = 1;

        public int PipelineParallel { get; set; } = 1;

        /// <summary>Data-parallel ranks; each holds the sequences of its share of the load.</summary>
        public int DataParallel { get; set; } = 1;

        /// <summary>GPUs the routed experts are spread over (the tensor-parallel group unless given).</summary>
        public int ExpertParallel { get; set; } = 1;

        public bool DataParallelAttention { get; set; }

        public int GpuCount => TensorParallel * PipelineParallel * DataParallel;

        public long WeightBytes { get; set; }

        public long KvCacheBytes { get; set; }

        public long ActivationBytes { get; set; }

        public long OverheadBytes { get; set; }

        /// <summary>False when the engine keeps activations outside its budget (SGLang: in the 1 - mem_fraction_static rest).</summary>
        public bool ActivationsInBudget { get; set; } = true;

        /// <summary>What counts against the engine's budget on the busiest GPU.</summary>
        public long Need => Saturating.Add(WeightBytes, KvCacheBytes, ActivationsInBudget ? ActivationBytes : 0, OverheadBytes);
    }
}
