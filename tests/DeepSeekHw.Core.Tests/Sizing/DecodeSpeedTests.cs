using DeepSeekHw.Catalog;
using DeepSeekHw.Sizing;

namespace DeepSeekHw.Core.Tests.Sizing;

public sealed class DecodeSpeedTests
{
    private static SizingEstimate Size(int concurrency) =>
        SizingEngine.Estimate(new SizingRequest(DeepSeekCatalog.Builtin.FindModel("DeepSeek-R1-Distill-Qwen-7B")!)
        {
            Precision = WeightPrecision.BF16,
            Gpu = DeepSeekCatalog.Builtin.FindGpu("H100-SXM"),
            ContextLength = 4096,
            Concurrency = concurrency,
        });

    [Fact]
    public void Aggregate_and_per_sequence_decode_speeds_are_kept_apart()
    {
        var one = Size(1);
        var many = Size(32);

        Assert.Equal(one.DecodeTokensPerSecond!.Value, one.DecodeTokensPerSecondPerSequence!.Value, 1);
        Assert.InRange(many.DecodeTokensPerSecond!.Value / many.DecodeTokensPerSecondPerSequence!.Value, 31.9, 32.1);
        Assert.True(many.DecodeTokensPerSecondPerSequence < one.DecodeTokensPerSecondPerSequence, "each sequence waits for a bigger step");
        Assert.True(many.DecodeTokensPerSecond > 10 * one.DecodeTokensPerSecond, "the batch shares one read of the weights");
        Assert.InRange(1 / many.TimePerOutputTokenSeconds!.Value / many.DecodeTokensPerSecondPerSequence!.Value, 0.99, 1.01);
    }
}
