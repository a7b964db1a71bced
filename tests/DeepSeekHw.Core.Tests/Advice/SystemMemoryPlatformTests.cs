using DeepSeekHw.Advice;
using DeepSeekHw.Catalog;

namespace DeepSeekHw.Core.Tests.Advice;

/// <summary>
/// CPU decode reads the weights from RAM at a share of its bandwidth, which no tool reports: the CPU's model name names
/// its platform (channels per socket, top transfer rate; compat.json memoryPlatforms), sockets multiply it, and fewer
/// modules than channels (where the inventory counts them) leave channels empty. A virtual machine keeps the assumption.
/// </summary>
public sealed class SystemMemoryPlatformTests
{
    private static GpuSpec Ram(string? model, int sockets = 1, int cores = 32, int? modules = null, bool? virtualized = null, long? bandwidth = null) =>
        SystemMemoryDevice.From(
            new HardwareInventory
            {
                Cpu = new CpuInfo { Model = model, Sockets = sockets, Cores = cores, Virtualized = virtualized },
                Memory = new MemoryInfo { TotalBytes = 768L << 30, ModuleCount = modules },
            },
            bandwidth,
            CompatibilityChecklist.Builtin)!;

    [Theory]
    [InlineData("AMD EPYC 9654 96-Core Processor", 1, 460.8)] // Genoa: 12 × DDR5-4800
    [InlineData("AMD EPYC 9654 96-Core Processor", 2, 921.6)]
    [InlineData("AMD EPYC 9965 192-Core Processor", 1, 576.0)] // Turin: 12 × DDR5-6000
    [InlineData("AMD EPYC 7763 64-Core Processor", 2, 409.6)] // Milan: 8 × DDR4-3200
    [InlineData("AMD EPYC 7451 24-Core Processor", 1, 170.6)] // Naples: 8 × DDR4-2666
    [InlineData("Intel(R) Xeon(R) Platinum 8480+", 2, 614.4)] // Sapphire Rapids: 8 × DDR5-4800
    [InlineData("Intel(R) Xeon(R) Gold 6454S", 2, 614.4)]
    [InlineData("INTEL(R) XEON(R) PLATINUM 8592+", 1, 358.4)] // Emerald Rapids: 8 × DDR5-5600
    [InlineData("Intel(R) Xeon(R) Platinum 8380 CPU @ 2.30GHz", 1, 204.8)] // Ice Lake: 8 × DDR4-3200
    [InlineData("Intel(R) Xeon(R) Platinum 8380H CPU @ 2.90GHz", 1, 153.6)] // Cooper Lake: 6 × DDR4-3200
    [InlineData("Intel(R) Xeon(R) 6980P", 1, 614.4)] // Xeon 6: 12 × DDR5-6400
    [InlineData("Intel(R) Xeon(R) CPU E5-2699 v3 @ 2.30GHz", 2, 136.5)] // Haswell-EP: 4 × DDR4-2133
    public void A_known_platform_gives_its_peak_per_socket(string model, int sockets, double gigabytesPerSecond)
    {
        var ram = Ram(model, sockets);

        Assert.Equal(gigabytesPerSecond, ram.MemoryBandwidthBytesPerSecond / 1e9, 1);
        Assert.Contains("every channel filled", ram.Source, StringComparison.Ordinal);
        Assert.Contains("-CpuMemoryBandwidthGBps", ram.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Fewer_modules_than_channels_leave_channels_empty()
    {
        // Two Genoa sockets have 24 channels; 8 modules fill 8 of them. 32 modules (two a channel) add no bandwidth.
        Assert.Equal(307.2, Ram("AMD EPYC 9654 96-Core Processor", 2, modules: 8).MemoryBandwidthBytesPerSecond / 1e9, 1);
        Assert.Contains("8 of them filled by the 8 modules the inventory lists", Ram("AMD EPYC 9654 96-Core Processor", 2, modules: 8).Source, StringComparison.Ordinal);
        Assert.Equal(921.6, Ram("AMD EPYC 9654 96-Core Processor", 2, modules: 32).MemoryBandwidthBytesPerSecond / 1e9, 1);
    }

    [Fact]
    public void A_virtual_machine_or_an_unknown_cpu_keeps_the_assumption_and_a_given_figure_wins()
    {
        var vm = Ram("AMD EPYC 9654 96-Core Processor", 1, cores: 8, virtualized: true);
        Assert.Equal(51.2, vm.MemoryBandwidthBytesPerSecond / 1e9, 1);
        Assert.Contains("a virtual machine's share of its host's memory channels is unknown", vm.Source, StringComparison.Ordinal);

        Assert.Equal(460.8, Ram("AMD EPYC 9654 96-Core Processor", 1, virtualized: false).MemoryBandwidthBytesPerSecond / 1e9, 1);
        Assert.Equal(51.2, Ram("AMD Ryzen 9 7950X 16-Core Processor", 1, cores: 16).MemoryBandwidthBytesPerSecond / 1e9, 1);
        Assert.Equal(409.6, Ram("Some Future CPU", 2, cores: 128).MemoryBandwidthBytesPerSecond / 1e9, 1);
        Assert.Equal(300, Ram("AMD EPYC 9654 96-Core Processor", 2, bandwidth: 300_000_000_000).MemoryBandwidthBytesPerSecond / 1e9, 1);
    }

    [Theory]
    [InlineData("\"match\": \"\\\\bEPYC 9\\\\d{2}5\"", "\"match\": \"(\"", "'match' is not a valid regular expression")]
    [InlineData("\"channels\": 12, \"megaTransfersPerSecond\": 6000", "\"channels\": 0, \"megaTransfersPerSecond\": 6000", "'channels' must be from 1 to 32")]
    [InlineData("\"channels\": 12, \"megaTransfersPerSecond\": 6000", "\"channels\": 12, \"megaTransfersPerSecond\": 99999999", "'megaTransfersPerSecond' from 400 to 20000")]
    public void A_bad_platform_row_fails_the_load_naming_it(string original, string replacement, string expected)
    {
        var json = DeepSeekCatalog.ReadResource("compat.json");
        Assert.Contains(original, json, StringComparison.Ordinal);

        var ex = Assert.Throws<CatalogException>(() => CompatibilityChecklist.Read(json.Replace(original, replacement, StringComparison.Ordinal)));

        Assert.Contains("compat.json: memoryPlatforms[0]", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }
}
