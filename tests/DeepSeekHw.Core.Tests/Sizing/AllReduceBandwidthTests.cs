using DeepSeekHw.Catalog;
using DeepSeekHw.Sizing;

namespace DeepSeekHw.Core.Tests.Sizing;

/// <summary>Tensor parallelism's all-reduces cost their bandwidth: small over NVLink, large over PCIe.</summary>
public sealed class AllReduceBandwidthTests
{
    private static GpuSpec Gpu(string name) => DeepSeekCatalog.Builtin.FindGpu(name)!;

    private static SizingEstimate Size(string gpu, int tensorParallel, int concurrency = 100) =>
        SizingEngine.Estimate(new SizingRequest(DeepSeekCatalog.Builtin.FindModel("DeepSeek-R1-Distill-Llama-70B")!)
        {
            Precision = WeightPrecision.BF16, Engine = "vLLM", Gpu = Gpu(gpu), TensorParallel = tensorParallel, ContextLength = 1024, Concurrency = concurrency, Force = true,
        });

    [Fact]
    public void Nvlink_runs_at_its_one_way_rate_and_pcie_at_four_tenths_of_its_link()
    {
        Assert.Equal(300e9, InferenceSizing.AllReduceBusBytesPerSecond(Gpu("A100-SXM4-80GB"), 8));
        Assert.Equal(450e9, InferenceSizing.AllReduceBusBytesPerSecond(Gpu("H200-SXM"), 8));
        Assert.Equal(0.4 * 32e9, InferenceSizing.AllReduceBusBytesPerSecond(Gpu("L40S"), 4), 3);      // PCIe 4.0 x16
        Assert.Equal(0.4 * 64e9, InferenceSizing.AllReduceBusBytesPerSecond(Gpu("RTX-5090"), 2), 3);  // PCIe 5.0 x16
    }

    [Fact]
    public void A_bridge_joins_two_gpus_and_no_more()
    {
        Assert.Equal(300e9, InferenceSizing.AllReduceBusBytesPerSecond(Gpu("A100-PCIe-80GB"), 2));
        Assert.Equal(0.4 * 32e9, InferenceSizing.AllReduceBusBytesPerSecond(Gpu("A100-PCIe-80GB"), 4), 3);
    }

    [Fact]
    public void A_group_across_servers_gets_one_network_rail_per_gpu() =>
        Assert.Equal(50e9, InferenceSizing.AllReduceBusBytesPerSecond(Gpu("H100-SXM"), 16));

    [Fact]
    public void The_same_layout_decodes_and_prefills_slower_over_pcie_and_says_which_link_it_assumed()
    {
        var nvlink = Size("A100-SXM4-80GB", 8);
        var pcie = Size("A100-PCIe-80GB", 8);

        // Same bandwidth class of memory (2.0 TB/s and 1.9 TB/s), so the gap is the link: 100 x 8,192 x 2 bytes twice a layer.
        var allReduce = 2.0 * 80 * 100 * 8192 * 2 * 2.0 * 7 / 8;
        var expectedGap = (allReduce / (0.4 * 32e9)) - (allReduce / 300e9);
        Assert.InRange(pcie.TimePerOutputTokenSeconds!.Value - nvlink.TimePerOutputTokenSeconds!.Value, expectedGap, expectedGap * 1.3);
        Assert.True(pcie.TimeToFirstTokenSeconds > nvlink.TimeToFirstTokenSeconds);
        Assert.Contains(pcie.Assumptions, a => a.StartsWith("Tensor-parallel all-reduce: two a layer over PCIe 4.0", StringComparison.Ordinal));
        Assert.Contains(nvlink.Assumptions, a => a.StartsWith("Tensor-parallel all-reduce: two a layer over NVLink 3", StringComparison.Ordinal));
    }

    [Fact]
    public void One_gpu_has_nothing_to_reduce() =>
        Assert.DoesNotContain(Size("H200-SXM", 1, 8).Assumptions, a => a.StartsWith("Tensor-parallel all-reduce", StringComparison.Ordinal));
}
