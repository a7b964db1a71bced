using DeepSeekHw.Catalog;

namespace DeepSeekHw.Core.Tests;

/// <summary>The PCI ID database join: device id, then name, then architecture, each with its basis.</summary>
public sealed class GpuIdDatabaseTests
{
    private static readonly GpuIdDatabase Ids = GpuIdDatabase.Builtin;

    [Theory]
    [InlineData("10DE:2204", "GA102", "Ampere", "8.6", null)]
    [InlineData("10de:2331", "GH100", "Hopper", "9.0", null)]
    [InlineData("10DE:1BB3", "GP104", "Pascal", "6.1", null)]
    [InlineData("10DE:2BB4", "GB202", "Blackwell", "12.0", null)]
    [InlineData("1002:738C", "Arcturus", "CDNA", null, "gfx908")]
    [InlineData("1002:74A1", "Aqua Vanjaram", "CDNA 3", null, "gfx942")]
    [InlineData("1002:75A0", "Aqua Vanjaram", "CDNA 4", null, "gfx950")] // same chip name in pci.ids, a name rule decides
    [InlineData("1002:73DF", "Navi 22", "RDNA 2", null, "gfx1031")]
    public void A_device_id_names_the_chip_and_what_it_runs(string pciId, string chip, string architecture, string? cc, string? gfx)
    {
        var identity = Ids.FromPciId(pciId)!;

        Assert.Equal(chip, identity.Chip);
        Assert.Equal(architecture, identity.Architecture);
        Assert.Equal(cc, identity.ComputeCapability);
        Assert.Equal(gfx, identity.GfxTarget);
        Assert.Contains("PCI ID database version", identity.Basis, StringComparison.Ordinal);
        Assert.True(identity.IsExact);
    }

    [Theory]
    [InlineData("NVIDIA GeForce RTX 3080", GpuVendor.NVIDIA, "GA102")]
    [InlineData("Tesla P4", GpuVendor.NVIDIA, "GP104")]
    [InlineData("NVIDIA RTX A5000", GpuVendor.NVIDIA, "GA102")]
    [InlineData("AMD Radeon RX 6700 XT", GpuVendor.AMD, "Navi 22")]
    [InlineData("AMD Instinct MI100", GpuVendor.AMD, "Arcturus")]
    public void A_reported_name_names_the_chip(string reported, GpuVendor vendor, string chip)
    {
        Assert.Equal(chip, Ids.FromName(reported, vendor)?.Chip);
    }

    [Fact]
    public void A_shortened_name_is_known_by_its_chip_only_when_every_product_it_could_be_shares_it()
    {
        var identity = Ids.FromName("NVIDIA RTX PRO 6000 Blackwell", GpuVendor.NVIDIA)!;

        Assert.Equal("GB202", identity.Chip);
        Assert.False(identity.IsExact);
        Assert.Contains(identity.Candidates, c => c.Contains("Max-Q", StringComparison.Ordinal));
        Assert.Null(Ids.FromName("NVIDIA RTX A", GpuVendor.NVIDIA)); // GA102, GA104, GA106, AD10x...: no single chip
        Assert.Null(Ids.FromName("Graphics Device", GpuVendor.NVIDIA));
    }

    [Theory]
    [InlineData("Ampere", "NVIDIA A100-SXM4-40GB", "8.0")]
    [InlineData("Ampere", "NVIDIA A10G", "8.6")]
    [InlineData("Ampere", "Jetson AGX Orin", "8.7")]
    [InlineData("Pascal", "Tesla P100-PCIE-16GB", "6.0")]
    [InlineData("Pascal", "Quadro P2000", "6.1")]
    [InlineData("Blackwell", "NVIDIA B200", "10.0")]
    [InlineData("Blackwell", "NVIDIA GeForce RTX 5090", "12.0")]
    [InlineData("Ada Lovelace", "NVIDIA L4", "8.9")]
    public void A_reported_architecture_with_the_name_gives_the_compute_capability(string architecture, string name, string cc)
    {
        Assert.Equal(cc, Ids.FromArchitecture(architecture, name, GpuVendor.NVIDIA)?.ComputeCapability);
    }

    [Fact]
    public void Lists_the_gpus_of_the_last_generations_of_both_vendors()
    {
        Assert.True(Ids.DeviceCount > 800);
        Assert.Null(Ids.FromPciId("10DE:0000"));
        Assert.Null(Ids.FromPciId(null));
    }

    [Theory]
    [InlineData("\"devices\": [{\"id\": \"8086:1234\", \"chip\": \"GA102\", \"name\": \"x\"}]", "NVIDIA (10DE:) or AMD")]
    [InlineData("\"devices\": [{\"id\": \"10DE:1234\", \"chip\": \"ZZ999\", \"name\": \"x\"}]", "is not in 'chips'")]
    public void The_reader_is_strict(string devices, string error)
    {
        var json = "{\"schema\": \"deepseekhw/gpu-ids@1\", \"pciIds\": \"p\", \"nvidiaSource\": \"n\", \"amdSource\": \"a\", "
            + "\"chips\": [{\"vendor\": \"NVIDIA\", \"chip\": \"GA102\", \"architecture\": \"Ampere\", \"computeCapability\": \"8.6\"}], \"architectures\": [], " + devices + "}";

        var exception = Assert.Throws<CatalogException>(() => GpuIdDatabase.Read(json));
        Assert.Contains(error, exception.Message, StringComparison.Ordinal);
    }
}
