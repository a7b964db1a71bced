namespace DeepSeekHw.Sizing
{
    /// <summary>One way to place a model on GPUs and what its busiest GPU then holds.</summary>
    internal sealed class LayoutPlan
    {
        public int TensorParallel { get; set; } = 1;

        public int PipelineParallel { get; set; } = 1;

        public int GpuCount => TensorParallel * PipelineParallel;

        public long WeightBytes { get; set; }

        public long KvCacheBytes { get; set; }

        public long ActivationBytes { get; set; }

        public long OverheadBytes { get; set; }

        public long Need => Saturating.Add(WeightBytes, KvCacheBytes, ActivationBytes, OverheadBytes);
    }
}
