using DeepSeekHw.Catalog;
using DeepSeekHw.Sizing;

namespace DeepSeekHw.Core.Tests.Sizing;

/// <summary>
/// Without expert parallelism the tensor-parallel group shards every expert (SGLang's default --tp 8): the same bytes per
/// GPU as expert parallelism over the group, never the whole expert set on each GPU.
/// </summary>
public sealed class ExpertSplitTests
{
    private static SizingEstimate Size(int? expertParallel, int dataParallel = 1, bool dpAttention = false) =>
        SizingEngine.Estimate(new SizingRequest(DeepSeekCatalog.Builtin.FindModel("DeepSeek-R1-0528")!)
        {
            Engine = "SGLang", Gpu = DeepSeekCatalog.Builtin.FindGpu("H200-SXM"), TensorParallel = 8, DataParallel = dataParallel,
            ExpertParallel = expertParallel, DataParallelAttention = dpAttention, ContextLength = 2048, Concurrency = 8,
        });

    [Fact]
    public void No_expert_parallelism_shards_the_experts_over_the_tensor_group()
    {
        var sharded = Size(1);
        var whole = Size(8);
        var unsaid = Size(null);

        Assert.Equal(whole.WeightBytesPerGpu, sharded.WeightBytesPerGpu);
        Assert.Equal(whole.TimePerOutputTokenSeconds, sharded.TimePerOutputTokenSeconds);
        Assert.Equal(unsaid.WeightBytesPerGpu, sharded.WeightBytesPerGpu);
        Assert.True(sharded.Fits, "R1 in FP8 fits eight H200s at TP 8 whether or not the experts are spread");
        Assert.Contains(sharded.Assumptions, a => a.StartsWith("Experts: no expert parallelism: each of the 8", StringComparison.Ordinal));
    }

    [Fact]
    public void Expert_parallelism_over_every_gpu_of_a_stage_holds_fewer_experts_per_gpu()
    {
        var group = Size(8, dataParallel: 2, dpAttention: true);
        var wide = Size(16, dataParallel: 2, dpAttention: true);

        Assert.True(wide.WeightBytesPerGpu < group.WeightBytesPerGpu);
    }
}
