using DeepSeekHw.Catalog;
using DeepSeekHw.Sizing;

namespace DeepSeekHw.Core.Tests.Inventory;

public class InstalledGpusTests
{
    [Fact]
    public void Mixed_machine_is_sized_on_its_largest_group_of_identical_known_gpus()
    {
        var installed = InstalledGpus.From(new[] { "NVIDIA H100 80GB HBM3", "H100-SXM", "NVIDIA H100 80GB HBM3", "Tesla T4", "Graphics Device", null }, DeepSeekCatalog.Builtin);

        Assert.NotNull(installed);
        Assert.Equal("H100-SXM", installed.Spec.Name);
        Assert.Equal(3, installed.Count);
        Assert.Equal(3, installed.Ignored);
    }

    [Fact]
    public void No_known_gpu_is_null()
    {
        Assert.Null(InstalledGpus.From(new[] { "Graphics Device" }, DeepSeekCatalog.Builtin));
        Assert.Null(InstalledGpus.From(Array.Empty<string?>(), DeepSeekCatalog.Builtin));
    }

    private static HardwareInventory Machine(string gpu, int count, string? interconnect) => new HardwareInventory
    {
        Gpus = Enumerable.Range(0, count).Select(i => new GpuDevice { Index = i, Name = gpu, Vendor = GpuVendor.NVIDIA }).ToArray(),
        GpuInterconnect = interconnect,
    };

    [Fact]
    public void Gpus_the_machine_links_by_pcie_reduce_over_pcie_whatever_the_catalog_says()
    {
        var installed = InstalledGpus.From(Machine("H100-SXM", 8, "PCIe"), DeepSeekCatalog.Builtin)!;

        Assert.Contains("nvidia-smi topo -m", installed.Spec.Interconnect, StringComparison.Ordinal);
        Assert.Equal(0.4 * 64e9, InferenceSizing.AllReduceBusBytesPerSecond(installed.Spec, 8), 3);
        Assert.Equal(900_000_000_000L, DeepSeekCatalog.Builtin.FindGpu("H100-SXM")!.InterconnectBandwidthBytesPerSecond); // the catalog entry is untouched
    }

    [Fact]
    public void Bridged_gpus_the_machine_links_pair_by_pair_by_nvlink_reduce_over_nvlink_in_fours()
    {
        var linked = InstalledGpus.From(Machine("A100-PCIe-80GB", 4, "NVLink"), DeepSeekCatalog.Builtin)!;
        var unknown = InstalledGpus.From(Machine("A100-PCIe-80GB", 4, null), DeepSeekCatalog.Builtin)!;

        Assert.Equal(300e9, InferenceSizing.AllReduceBusBytesPerSecond(linked.Spec, 4));
        Assert.Equal(0.4 * 32e9, InferenceSizing.AllReduceBusBytesPerSecond(unknown.Spec, 4), 3); // a bridge joins pairs only
    }

    [Fact]
    public void A_gpu_the_catalog_lacks_borrows_the_multiprocessors_with_the_bandwidth()
    {
        // An unlisted Hopper board: its bandwidth comes from the closest Hopper entry, and so must the SM count and clock
        // that cap llama.cpp's decode kernels there, or its decode would be estimated at the memory share alone.
        var device = new GpuDevice { Name = "NVIDIA H100 Lab Edition", Vendor = GpuVendor.NVIDIA, Architecture = "Hopper", MemoryTotalBytes = 81_559L << 20, Source = "nvidia-smi" };

        var spec = InstalledGpus.From(new[] { device }, DeepSeekCatalog.Builtin)!.Spec;
        var reference = DeepSeekCatalog.Builtin.Gpus.Single(g => spec.EstimateBasis!.Contains("of " + g.Name + " (", StringComparison.Ordinal));

        Assert.True(spec.IsMeasured);
        Assert.Equal(reference.MemoryBandwidthBytesPerSecond, spec.MemoryBandwidthBytesPerSecond);
        Assert.NotNull(reference.Multiprocessors);
        Assert.Equal((reference.Multiprocessors, reference.BoostClockMhz), (spec.Multiprocessors, spec.BoostClockMhz));
    }

    [Theory]
    [InlineData("NVIDIA H20-3e", "10DE:232C", "H20")] // the H20 with 141 GB of HBM3e: 78 SMs, not the H200's 132 that its memory size would pick
    [InlineData("NVIDIA H200 Lab Edition", null, "H200-SXM")] // "H20" is no word of "H200": the closest memory decides (the H200 SXM's 143,771 MiB)
    public void A_gpu_the_catalog_lacks_borrows_from_the_product_its_name_carries(string name, string? pciId, string expected)
    {
        var device = new GpuDevice { Name = name, PciId = pciId, Vendor = GpuVendor.NVIDIA, Architecture = "Hopper", MemoryTotalBytes = 143_771L << 20, Source = "nvidia-smi" };
        var inventory = new HardwareInventory { Gpus = new[] { device } };
        DeepSeekHw.Inventory.InventoryEnricher.Enrich(inventory, DeepSeekCatalog.Builtin);

        var spec = InstalledGpus.From(inventory, DeepSeekCatalog.Builtin)!.Spec;

        Assert.Null(device.Spec); // neither name nor device id is a catalog entry's
        Assert.StartsWith("bandwidth and throughput of " + expected + " (", spec.EstimateBasis, StringComparison.Ordinal);
        Assert.Equal(DeepSeekCatalog.Builtin.FindGpu(expected)!.Multiprocessors, spec.Multiprocessors);
    }
}
