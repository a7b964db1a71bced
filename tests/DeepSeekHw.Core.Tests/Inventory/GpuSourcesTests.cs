using DeepSeekHw.Facts;
using DeepSeekHw.Inventory;

namespace DeepSeekHw.Core.Tests.Inventory;

public class GpuSourcesTests
{
    // file, GPUs, first name, VRAM bytes, driver
    [Theory]
    [InlineData("rx6700xt-rocm4.3.0.json", 1, "Radeon RX 6700/6700 XT/6750 XT / 6800M/6850M XT", 12868124672L, "6.3.6")]
    [InlineData("vega10-xt.json", 1, "Radeon PRO WX 9100", 17163091968L, "5.9.25")]
    [InlineData("vega20-radeon-pro-vii-or-mi50-wks-gl-xe.json", 1, "Radeon Instinct MI50 32GB", 34342961152L, "5.9.17")]
    [InlineData("mi100-x6-rocm5.7.1-multi-flags.json", 6, "Arcturus GL-XL [Instinct MI100]", 34342961152L, "6.2.4")]
    public void Rocm_smi_json_of_rocm_4_5_and_6_parses(string file, int count, string name, long vram, string driver)
    {
        var inventory = Fixtures.Linux(Fixtures.Command(FactSourceIds.RocmSmiJson, "rocm-smi/" + file));

        Assert.Equal(count, inventory.Gpus.Length);
        var gpu = inventory.Gpus[0];
        Assert.Equal(name, gpu.Name);
        Assert.Equal(GpuVendor.AMD, gpu.Vendor);
        Assert.Equal(vram, gpu.MemoryTotalBytes);
        Assert.Equal(driver, gpu.DriverVersion);
        Assert.Equal(driver, inventory.Software.AmdDriverVersion);
        Assert.Equal(Enumerable.Range(0, count), inventory.Gpus.Select(g => g.Index));
    }

    [Fact]
    public void Rocm_6_keys_give_device_name_and_bus()
    {
        var inventory = Fixtures.Linux(Fixtures.Command(FactSourceIds.RocmSmiJson, "rocm-smi/mi100-x6-rocm5.7.1-multi-flags.json"));

        Assert.Equal("0000:1E:00.0", inventory.Gpus[0].PciBusId);
        Assert.Equal("0000:22:00.0", inventory.Gpus[1].PciBusId);
        Assert.All(inventory.Gpus, g => Assert.Equal(290, g.PowerLimitWatts)); // "Max Graphics Package Power (W)": the cap, not the 39 W average
    }

    [Fact]
    public void Rocm_smi_output_that_is_not_json_warns()
    {
        var inventory = Fixtures.Linux(Fixtures.Command(FactSourceIds.RocmSmiJson, "rocm-smi/mi300a-json-showrasinfo-no-json-warning.txt"));

        Assert.Empty(inventory.Gpus);
        Assert.Contains(inventory.Warnings.Texts(), w => w.StartsWith(FactSourceIds.RocmSmiJson, StringComparison.Ordinal) && w.Contains("not JSON", StringComparison.Ordinal));
    }

    [Fact]
    public void Rocm_smi_json_cut_short_keeps_the_card_it_had_begun()
    {
        var inventory = Fixtures.Linux(Fixtures.Command(FactSourceIds.RocmSmiJson, "rocm-smi/radeon-780m-phoenix3-apu-rocm6.2.4-json-TRUNCATED.txt"));

        var gpu = Assert.Single(inventory.Gpus);
        Assert.Equal("Phoenix3", gpu.Name);
        Assert.Equal("0000:C4:00.0", gpu.PciBusId);
        Assert.Equal("1002:1900", gpu.PciId);
        Assert.Contains(inventory.Warnings, w => w.Source == FactSourceIds.RocmSmiJson && w.Kind == WarningKind.Truncated);
    }

    [Theory]
    [InlineData("{\"a\": {\"b\": \"1\", \"c\": \"2", "{\"a\": {\"b\": \"1\"}}")]
    [InlineData("[1, 2, {\"x\": [3, 4", "[1, 2, {\"x\": [3]}]")]
    [InlineData("{\"s\": \"a,b\", \"t", "{\"s\": \"a,b\"}")]
    public void Truncated_json_is_closed_after_its_last_complete_member(string cut, string expected)
    {
        Assert.Equal(expected, DeepSeekHw.Json.JsonTruncation.Close(cut));
    }

    [Theory]
    [InlineData("{\"a\": 1}")]
    [InlineData("{\"a\": ]")]
    [InlineData("no json")]
    public void Complete_or_broken_json_is_not_truncation(string text)
    {
        Assert.Null(DeepSeekHw.Json.JsonTruncation.Close(text));
    }

    // file, pairs, NVLink pairs, bonded links per NVLink pair, summary
    [Theory]
    [InlineData("a100-sxm-x8-nv12-topo-m-spaces.txt", 28, 28, 12, "NVLink")]
    [InlineData("h100-sxm-x8-nv18-topo-m-spaces.txt", 28, 28, 18, "NVLink")]
    [InlineData("h100-x4-nv6-4nic-sparse-affinity-TRUNCATED.txt", 6, 6, 6, "NVLink")]
    [InlineData("h100-x8-nv18-9nic-tabs-TRUNCATED.txt", 28, 28, 18, "NVLink")]
    [InlineData("tesla-t4-x4-pcie-no-nvlink.txt", 6, 0, 0, "PCIe")]
    [InlineData("h100-single-gpu-topo-m-ansi.txt", 0, 0, 0, null)]
    [InlineData("windows-drv610-topo-m-empty-affinity.txt", 0, 0, 0, null)]
    public void Topology_matrix_reads_nvlink_and_pcie_pairs(string file, int pairs, int nvlinkPairs, int links, string? summary)
    {
        var log = new ParseLog();
        var parsed = NvidiaTopologyParser.Parse(Fixtures.Text("nvidia-smi-topo/" + file), FactSourceIds.NvidiaSmiTopology, log);

        Assert.Equal(pairs, parsed.Count);
        Assert.Equal(nvlinkPairs, parsed.Count(l => l.Kind == "NVLink"));
        Assert.All(parsed.Where(l => l.Kind == "NVLink"), l => Assert.Equal(links, l.NvLinkCount));
        Assert.Equal(summary, NvidiaTopologyParser.Summarize(parsed));
        Assert.Empty(log.Warnings.Texts());
    }

    [Fact]
    public void Topology_error_output_warns()
    {
        var log = new ParseLog();
        var parsed = NvidiaTopologyParser.Parse(Fixtures.Text("nvidia-smi-topo/windows-drv591-topo-m-error.txt"), FactSourceIds.NvidiaSmiTopology, log);

        Assert.Empty(parsed);
        Assert.Contains(log.Warnings.Texts(), w => w.Contains("no GPU matrix", StringComparison.Ordinal));
    }

    [Fact]
    public void Pcie_topology_of_four_t4_is_summarized_on_the_inventory()
    {
        var xml = Fixtures.Text("nvidia-smi-xml/tesla-t4-drv515.xml");
        var start = xml.IndexOf("<gpu ", StringComparison.Ordinal);
        var end = xml.IndexOf("</gpu>", StringComparison.Ordinal) + "</gpu>".Length;
        var gpu = xml[start..end];
        var four = xml[..start] + gpu + gpu + gpu + gpu + xml[end..];

        var inventory = Fixtures.Linux(
            Fixtures.Source(FactSourceIds.NvidiaSmiXml, four, 0),
            Fixtures.Command(FactSourceIds.NvidiaSmiTopology, "nvidia-smi-topo/tesla-t4-x4-pcie-no-nvlink.txt"));

        Assert.Equal(4, inventory.Gpus.Length);
        Assert.Equal("PCIe", inventory.GpuInterconnect);
        Assert.Equal(6, inventory.GpuLinks.Length);
        Assert.Equal("7.5", inventory.Gpus[3].ComputeCapability);
    }

    // file, NVIDIA/AMD GPUs lspci lists, first name
    [Theory]
    [InlineData("a100-sxm4-x8-nvswitch-lspci-nn.txt", 8, "A100 SXM4 80GB")]
    [InlineData("a10-qemu-vm-lspci-nn.txt", 1, "A10")]
    [InlineData("amd-matisse-rtx2060super-lspci-vnn.txt", 1, "GeForce RTX 2060 SUPER")]
    [InlineData("rtx3080-lspci-nn-single-line.txt", 1, "GeForce RTX 3080")]
    public void Lspci_finds_gpus_the_vendor_tool_missed_and_warns(string file, int count, string name)
    {
        var inventory = Fixtures.Linux(
            new FactSource(FactSourceIds.NvidiaSmiXml) { Status = FactSourceStatus.Absent },
            Fixtures.Command(FactSourceIds.Lspci, "lspci/" + file));

        Assert.Equal(count, inventory.Gpus.Length);
        Assert.Equal(name, inventory.Gpus[0].Name);
        Assert.All(inventory.Gpus, g => Assert.Null(g.MemoryTotalBytes));
        Assert.Contains(inventory.Warnings.Texts(), w => w.Contains("not listed by its vendor tool", StringComparison.Ordinal));
    }

    [Fact]
    public void Lspci_gpus_already_listed_by_nvidia_smi_are_not_counted_twice()
    {
        var inventory = Fixtures.Linux(
            Fixtures.Command(FactSourceIds.NvidiaSmiXml, "nvidia-smi-xml/a10g-drv515.xml"),
            Fixtures.Source(FactSourceIds.Lspci, "00:1e.0 3D controller [0302]: NVIDIA Corporation GA102GL [A10G] [10de:2237] (rev a1)\n", 0));

        Assert.Single(inventory.Gpus);
        Assert.DoesNotContain(inventory.Warnings.Texts(), w => w.Contains("not listed by its vendor tool", StringComparison.Ordinal));
    }
}

public class AmdSmiTests
{
    [Fact]
    public void Amd_smi_static_lists_the_four_mi300a_of_an_apu_node_and_skips_its_cpus()
    {
        var inventory = Fixtures.Linux(Fixtures.Command(FactSourceIds.AmdSmiStatic, "amd-smi/mi300a-x4-static-text.txt"));

        Assert.Equal(4, inventory.Gpus.Length);
        Assert.All(inventory.Gpus, g =>
        {
            Assert.Equal("MI300A", g.Name);
            Assert.Equal(GpuVendor.AMD, g.Vendor);
            Assert.Equal(64289L * 1024 * 1024, g.MemoryTotalBytes);
            Assert.Equal("6.9.0-rc5+", g.DriverVersion);
        });
        Assert.Equal(new[] { "0000:01:00.0", "0001:01:00.0", "0002:01:00.0", "0003:01:00.0" }, inventory.Gpus.Select(g => g.PciBusId));
        Assert.Equal("6.9.0-rc5+", inventory.Software.AmdDriverVersion);
        Assert.All(inventory.Gpus, g => Assert.Equal("MI300A", g.Spec?.Name)); // the APU's own entry, found by name
        Assert.All(inventory.Gpus, g => Assert.Equal("1002:74A0", g.PciId));
        Assert.All(inventory.Gpus, g => Assert.Equal(550, g.PowerLimitWatts)); // LIMIT.SOCKET_POWER: the socket's current power cap
    }

    [Fact]
    public void Amd_smi_static_cut_short_keeps_the_gpu_with_what_it_had()
    {
        var inventory = Fixtures.Linux(Fixtures.Command(FactSourceIds.AmdSmiStatic, "amd-smi/mi350x-static-bus-ifwi-asic-board-vbios-driver-vram-ras-TRUNCATED.txt"));

        var gpu = Assert.Single(inventory.Gpus);
        Assert.Equal("AMD Instinct MI350X", gpu.Name);
        Assert.Equal("gfx950", gpu.GfxTarget);
        Assert.Equal("0000:05:00.0", gpu.PciBusId);
        Assert.Equal("6.18.3", gpu.DriverVersion);
        Assert.Equal(16, gpu.PcieLinkWidth);
        Assert.Null(gpu.MemoryTotalBytes);
        Assert.Null(gpu.PowerLimitWatts); // the capture has no LIMIT section
        Assert.Contains(inventory.Warnings.Texts(), w => w.StartsWith("amd-smi static: GPU 0", StringComparison.Ordinal) && w.Contains("no VRAM size", StringComparison.Ordinal));
    }

    [Fact]
    public void Amd_smi_is_not_read_when_rocm_smi_listed_the_gpus()
    {
        var inventory = Fixtures.Linux(
            Fixtures.Command(FactSourceIds.RocmSmiJson, "rocm-smi/mi100-x6-rocm5.7.1-multi-flags.json"),
            Fixtures.Command(FactSourceIds.AmdSmiStatic, "amd-smi/mi300a-x4-static-text.txt"));

        Assert.Equal(6, inventory.Gpus.Length);
        Assert.DoesNotContain(inventory.Gpus, g => g.Source == FactSourceIds.AmdSmiStatic);
    }
}
