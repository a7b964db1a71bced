using DeepSeekHw.Catalog;

namespace DeepSeekHw.Core.Tests;

public sealed class GpuCatalogTests
{
    private static readonly DeepSeekCatalog Catalog = DeepSeekCatalog.Builtin;

    [Theory]
    [InlineData("H100-SXM", "H100-SXM")]
    [InlineData("h100-pcie", "H100-PCIe")]
    [InlineData("H200", "H200-SXM")]
    [InlineData("A100-80GB", "A100-SXM4-80GB")]
    [InlineData("A100-40GB", "A100-SXM4-40GB")]
    [InlineData("l40s", "L40S")]
    [InlineData("L4", "L4")]
    [InlineData("T4", "T4")]
    [InlineData("RTX-3060", "RTX-3060")]
    [InlineData("rtx 3090", "RTX-3090")]
    [InlineData("RTX-4090", "RTX-4090")]
    [InlineData("MI300X", "MI300X")]
    public void Resolves_the_short_names_people_type(string typed, string expected)
    {
        Assert.Equal(expected, Catalog.FindGpu(typed)?.Name);
    }

    // Product names exactly as the fixtures' tools report them (nvidia-smi XML/-q/tables, rocm-smi, CIM).
    [Theory]
    [InlineData("NVIDIA H100 80GB HBM3", "H100-SXM")]
    [InlineData("NVIDIA H100 PCIe", "H100-PCIe")]
    [InlineData("NVIDIA H100 NVL", "H100-NVL")]
    [InlineData("NVIDIA H200", "H200-SXM")]
    [InlineData("NVIDIA A100-SXM4-80GB", "A100-SXM4-80GB")]
    [InlineData("NVIDIA A100-SXM4-40GB", "A100-SXM4-40GB")]
    [InlineData("NVIDIA A100-PCIE-40GB", "A100-PCIe-40GB")]
    [InlineData("NVIDIA A100 80GB PCIe", "A100-PCIe-80GB")]
    [InlineData("Tesla T4", "T4")]
    [InlineData("NVIDIA A10G", "A10G")]
    [InlineData("NVIDIA L4", "L4")]
    [InlineData("NVIDIA L40S", "L40S")]
    [InlineData("NVIDIA GeForce RTX 3060", "RTX-3060")]
    [InlineData("NVIDIA GeForce RTX 3090", "RTX-3090")]
    [InlineData("NVIDIA GeForce RTX 4090", "RTX-4090")]
    [InlineData("NVIDIA GeForce RTX 5090", "RTX-5090")]
    [InlineData("NVIDIA RTX A6000", "RTX-A6000")]
    [InlineData("NVIDIA RTX 6000 Ada Generation", "RTX-6000-Ada")]
    [InlineData("Tesla V100-SXM2-16GB", "V100-SXM2-16GB")]
    [InlineData("AMD Instinct MI300X", "MI300X")]
    [InlineData("  nvidia   h100 80gb hbm3 ", "H100-SXM")]
    public void Maps_reported_product_names_to_the_right_entry(string reported, string expected)
    {
        Assert.Equal(expected, Catalog.FindGpu(reported)?.Name);
    }

    [Theory]
    [InlineData("NVIDIA GeForce RTX 3060 Laptop GPU", "RTX-3060-Laptop")] // the 6 GB mobile part, not the 12 GB desktop card
    [InlineData("NVIDIA GeForce RTX 3090 Ti", "RTX-3090-Ti")]
    [InlineData("Quadro P400", "Quadro-P400")]
    [InlineData("NVIDIA RTX A5000", "RTX-A5000")]
    [InlineData("Tesla P4", "Tesla-P4")]
    [InlineData("AMD Instinct MI100", "MI100")]
    [InlineData("AMD Radeon RX 6700 XT", "RX-6700-XT")]
    [InlineData("NVIDIA GeForce RTX 2080", "RTX-2080")]
    [InlineData("NVIDIA H20", "H20")]
    public void Knows_the_gpus_people_own_as_their_tools_name_them(string reported, string expected)
    {
        Assert.Equal(expected, Catalog.FindGpu(reported)?.Name);
    }

    [Theory]
    [InlineData("NVIDIA GH200 480GB")]
    [InlineData("Graphics Device")]
    [InlineData("")]
    public void Leaves_unknown_or_different_boards_unmatched(string reported)
    {
        Assert.Null(Catalog.FindGpu(reported));
    }

    [Fact]
    public void Lists_SXM_and_PCIe_boards_as_separate_entries()
    {
        var sxm = Catalog.FindGpu("H100-SXM")!;
        var pcie = Catalog.FindGpu("H100-PCIe")!;

        Assert.NotSame(sxm, pcie);
        Assert.Equal(3_350_000_000_000L, sxm.MemoryBandwidthBytesPerSecond);
        Assert.Equal(2_000_000_000_000L, pcie.MemoryBandwidthBytesPerSecond);
        Assert.Equal(80L << 30, sxm.MemoryBytes);
        Assert.Equal(81559L << 20, sxm.UsableMemoryBytes);
    }

    [Fact]
    public void Throughput_figures_are_dense_not_sparse()
    {
        Assert.Equal(989.4, Catalog.FindGpu("H100-SXM")!.DenseBf16Tflops);
        Assert.Equal(312, Catalog.FindGpu("A100-80GB")!.DenseBf16Tflops);
        Assert.Equal(1307.4, Catalog.FindGpu("MI300X")!.DenseBf16Tflops);
        Assert.Null(Catalog.FindGpu("A100-80GB")!.DenseFp8Tflops); // Ampere has no FP8 units
        Assert.Null(Catalog.FindGpu("T4")!.DenseBf16Tflops); // Turing has no BF16 tensor cores
    }

    [Fact]
    public void Ampere_and_Ada_GeForce_cards_accumulate_fp16_at_twice_their_fp32_accumulate_rate_and_others_at_the_same()
    {
        foreach (var name in new[] { "RTX-3060", "RTX-3090", "RTX-4090" })
        {
            var gpu = Catalog.FindGpu(name)!;
            Assert.Equal(2 * gpu.DenseFp16Tflops!.Value, gpu.DenseFp16AccumulateTflops!.Value, 0);
            Assert.True(gpu.ValueSources.ContainsKey("denseFp16AccumulateTflops"), name);
        }

        Assert.Null(Catalog.FindGpu("A100-80GB")!.DenseFp16AccumulateTflops);
        Assert.Null(Catalog.FindGpu("RTX-A6000")!.DenseFp16AccumulateTflops); // a professional card: full-rate FP32 accumulation

        // GeForce Blackwell measured above the halved rate with FP32 accumulation (PyTorch BF16 matmuls at 235-240 TFLOPS).
        var blackwell = Catalog.FindGpu("RTX-5090")!;
        Assert.Null(blackwell.DenseFp16AccumulateTflops);
        Assert.Equal(419.2, blackwell.DenseBf16Tflops);
        Assert.Contains("235-240 TFLOPS", blackwell.ValueSources["denseBf16Tflops"], StringComparison.Ordinal);
    }

    [Fact]
    public void Every_gpu_has_sane_units_and_a_source()
    {
        foreach (var gpu in Catalog.Gpus)
        {
            Assert.InRange(gpu.MemoryBytes, 512L << 20, 1L << 40);
            Assert.InRange(gpu.MemoryBandwidthBytesPerSecond, 10_000_000_000L, 20_000_000_000_000L);
            Assert.False(string.IsNullOrWhiteSpace(gpu.Source), gpu.Name);
            if (gpu.DenseFp8Tflops is { } fp8 && gpu.DenseBf16Tflops is { } bf16)
            {
                Assert.True(fp8 >= bf16, gpu.Name);
            }

            if (gpu.UsableMemoryBytes is { } usable)
            {
                Assert.InRange(usable, gpu.MemoryBytes * 8 / 10, gpu.MemoryBytes * 11 / 10);
            }
        }
    }
}
