using DeepSeekHw.Facts;

namespace DeepSeekHw.Core.Tests.Inventory;

public class NvidiaSmiXmlTests
{
    private const long MiB = 1024L * 1024;

    // file, name, total MiB (null = not reported), driver, CUDA, catalog entry (null = not in the catalog: sized from its reported memory)
    [Theory]
    [InlineData("a100-sxm4-40gb-mig-drv510.xml", "NVIDIA A100-SXM4-40GB", 40960L, "510.47.03", "11.6", "A100-SXM4-40GB")]
    [InlineData("a100-sxm4-80gb-x4-mig-drv535.xml", "NVIDIA A100-SXM4-80GB", 81920L, "535.54.03", "12.2", "A100-SXM4-80GB")]
    [InlineData("a10g-drv515.xml", "NVIDIA A10G", 23028L, "515.105.01", "11.7", "A10G")]
    [InlineData("gtx-1070-ti-partial.xml", "GeForce GTX 1070 Ti", 4096L, null, null, "GTX-1070-Ti")]
    [InlineData("gtx-1660-ti-drv418-graphics-device.xml", "GeForce GTX 1660", 5912L, "418.43", "10.1", "GTX-1660")]
    [InlineData("quadro-p2000-drv525.xml", "Quadro P2000", 5120L, "525.125.06", "12.0", "Quadro-P2000")]
    [InlineData("quadro-p400-drv418.xml", "Quadro P400", 1998L, "418.43", "10.1", "Quadro-P400")]
    [InlineData("rtx-2080-windows-wddm-drv516.xml", "NVIDIA GeForce RTX 2080", 8192L, "516.59", "11.7", "RTX-2080")]
    [InlineData("rtx-3060-drv570.xml", "NVIDIA GeForce RTX 3060", 12288L, "570.124.04", "12.8", "RTX-3060")]
    [InlineData("rtx-3060-laptop-drv515.xml", "NVIDIA GeForce RTX 3060 Laptop GPU", 6144L, "515.65.01", "11.7", "RTX-3060-Laptop")]
    [InlineData("rtx-3080-drv595-schema-v13.xml", "NVIDIA GeForce RTX 3080", 10240L, "595.58.03", "13.2", "RTX-3080")]
    [InlineData("rtx-3080-windows-wddm-drv536.xml", "NVIDIA GeForce RTX 3080", 10240L, "536.40", "12.2", "RTX-3080")]
    [InlineData("rtx-3090-drv525.xml", "NVIDIA GeForce RTX 3090", 24576L, "525.147.05", "12.0", "RTX-3090")]
    [InlineData("rtx-4000-sff-ada-drv595-schema-v13.xml", "NVIDIA RTX 4000 SFF Ada Generation", 20475L, "595.84", "13.2", "RTX-4000-SFF-Ada")]
    [InlineData("rtx-4090-drv535.xml", "NVIDIA GeForce RTX 4090", 24564L, "535.86.05", "12.2", "RTX-4090")]
    [InlineData("rtx-pro-6000-blackwell-drv580-trimmed-excerpt.xml", "NVIDIA RTX PRO 6000 Blackwell", null, null, null, "RTX-PRO-6000-BW-WS")]
    [InlineData("tesla-p100-pcie-16gb-drv510.xml", "Tesla P100-PCIE-16GB", 16384L, "510.47.03", "11.6", null)]
    [InlineData("tesla-t4-drv515.xml", "Tesla T4", 15360L, "515.105.01", "11.7", "T4")]
    public void Every_capture_parses_with_the_values_it_holds(string file, string name, long? totalMiB, string? driver, string? cuda, string? spec)
    {
        var inventory = Fixtures.Linux(Fixtures.Command(FactSourceIds.NvidiaSmiXml, "nvidia-smi-xml/" + file));

        var gpu = Assert.Single(inventory.Gpus);
        Assert.Equal(0, gpu.Index);
        Assert.Equal(name, gpu.Name);
        Assert.Equal(GpuVendor.NVIDIA, gpu.Vendor);
        Assert.Equal(totalMiB * MiB, gpu.MemoryTotalBytes);
        Assert.Equal(driver, gpu.DriverVersion);
        Assert.Equal(cuda, gpu.CudaVersion);
        Assert.Equal(spec, gpu.Spec?.Name);
        Assert.Equal(driver, inventory.Software.NvidiaDriverVersion);
        Assert.Equal(cuda, inventory.Software.CudaDriverVersion);
        if (spec is null)
        {
            Assert.Contains(inventory.Warnings.Texts(), w => w.Contains("not in the catalog", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Mig_capture_reports_mig_ecc_the_whole_gpu_memory_and_the_gpus_it_left_out()
    {
        var inventory = Fixtures.Linux(Fixtures.Command(FactSourceIds.NvidiaSmiXml, "nvidia-smi-xml/a100-sxm4-80gb-x4-mig-drv535.xml"));

        var gpu = Assert.Single(inventory.Gpus);
        Assert.True(gpu.MigEnabled);
        Assert.True(gpu.EccEnabled);
        Assert.False(gpu.PersistenceMode);
        Assert.Equal("00000000:01:00.0", gpu.PciBusId);
        Assert.Equal(81920 * MiB, gpu.MemoryTotalBytes); // the GPU's, not its first MIG instance's 19968 MiB
        Assert.Equal("8.0", gpu.ComputeCapability); // from the catalog: the XML has none
        Assert.Contains(inventory.Warnings.Texts(), w => w.Contains("reports 4 attached GPUs but describes 1", StringComparison.Ordinal));
    }

    [Fact]
    public void Windows_capture_reports_the_driver_model()
    {
        var inventory = Fixtures.Windows(Fixtures.Command(FactSourceIds.NvidiaSmiXmlWindows, "nvidia-smi-xml/rtx-3080-windows-wddm-drv536.xml"));

        var gpu = Assert.Single(inventory.Gpus);
        Assert.Equal("WDDM", gpu.DriverModel);
        Assert.Equal("536.40", gpu.DriverVersion);
    }

    [Fact]
    public void Schema_v13_reads_pcie_link_and_architecture()
    {
        var gpu = Assert.Single(Fixtures.Linux(Fixtures.Command(FactSourceIds.NvidiaSmiXml, "nvidia-smi-xml/rtx-3080-drv595-schema-v13.xml")).Gpus);

        Assert.Equal(4, gpu.PcieGeneration);
        Assert.Equal(16, gpu.PcieLinkWidth);
        Assert.Equal("Ampere", gpu.Architecture);
        Assert.Equal("GPU-19d6d965-2acc-f646-00f8-4c76979aabb4", gpu.Uuid);
        Assert.Null(gpu.MigEnabled); // N/A is unknown, not false
        Assert.Equal(9184 * MiB, gpu.MemoryUsedBytes);
    }

    [Fact]
    public void Truncated_xml_keeps_the_gpus_read_before_the_cut_and_warns()
    {
        var xml = Fixtures.Text("nvidia-smi-xml/tesla-t4-drv515.xml");
        var firstGpuEnd = xml.IndexOf("</gpu>", StringComparison.Ordinal) + "</gpu>".Length;
        var gpuStart = xml.IndexOf("<gpu ", StringComparison.Ordinal);
        var truncated = xml[..firstGpuEnd] + "\n" + xml[gpuStart..(gpuStart + 700)];

        var inventory = Fixtures.Linux(Fixtures.Source(FactSourceIds.NvidiaSmiXml, truncated, 0));

        var gpu = Assert.Single(inventory.Gpus);
        Assert.Equal("Tesla T4", gpu.Name);
        Assert.Contains(inventory.Warnings.Texts(), w => w.StartsWith(FactSourceIds.NvidiaSmiXml, StringComparison.Ordinal) && w.Contains("truncated or malformed", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("this is not xml")]
    [InlineData("<nvidia_smi_log><gpu id=\"0\"><product_name>Tesla T4")]
    public void Garbage_output_gives_no_gpu_and_a_warning_not_an_error(string output)
    {
        var inventory = Fixtures.Linux(Fixtures.Source(FactSourceIds.NvidiaSmiXml, output, 0));

        Assert.NotNull(inventory.Gpus);
        Assert.Empty(inventory.Gpus);
        Assert.Contains(inventory.Warnings.Texts(), w => w.StartsWith(FactSourceIds.NvidiaSmiXml, StringComparison.Ordinal));
    }

    [Fact]
    public void Driver_that_cannot_be_reached_warns_with_the_cause_and_exit_code()
    {
        const string Message = "NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver. Make sure that the latest NVIDIA driver is installed and running.\n";

        var inventory = Fixtures.Linux(Fixtures.Source(FactSourceIds.NvidiaSmiXml, Message, 9));

        Assert.NotNull(inventory.Gpus);
        Assert.Empty(inventory.Gpus);
        var warning = Assert.Single(inventory.Warnings.Texts(), w => w.StartsWith(FactSourceIds.NvidiaSmiXml, StringComparison.Ordinal));
        Assert.Contains("exited with code 9", warning, StringComparison.Ordinal);
        Assert.Contains("couldn't communicate with the NVIDIA driver", warning, StringComparison.Ordinal);
        Assert.DoesNotContain(inventory.Warnings.Texts(), w => w.Contains("no GPU tool was found", StringComparison.Ordinal));
    }

    [Fact]
    public void Hung_nvidia_smi_is_reported_as_timed_out()
    {
        var inventory = Fixtures.Linux(new FactSource(FactSourceIds.NvidiaSmiXml) { Status = FactSourceStatus.TimedOut, Output = string.Empty, Error = "timed out after 15 s" });

        Assert.Empty(inventory.Gpus);
        Assert.Contains(inventory.Warnings.Texts(), w => w.Contains("did not answer in time", StringComparison.Ordinal));
    }

    [Fact]
    public void No_gpu_tool_at_all_is_one_clear_warning()
    {
        var inventory = Fixtures.Linux(
            new FactSource(FactSourceIds.NvidiaSmiXml) { Status = FactSourceStatus.Absent },
            new FactSource(FactSourceIds.RocmSmiJson) { Status = FactSourceStatus.Absent });

        Assert.Empty(inventory.Gpus);
        Assert.Contains(inventory.Warnings.Texts(), w => w.Contains("no GPU tool was found", StringComparison.Ordinal));
    }

    [Fact]
    public void Compute_capability_comes_from_the_query_when_recorded()
    {
        var inventory = Fixtures.Linux(
            Fixtures.Command(FactSourceIds.NvidiaSmiXml, "nvidia-smi-xml/rtx-3080-drv595-schema-v13.xml"),
            Fixtures.Source(FactSourceIds.NvidiaSmiComputeCap, "0, 00000000:0C:00.0, 8.6\n", 0));

        Assert.Equal("8.6", Assert.Single(inventory.Gpus).ComputeCapability);
    }

    // Schema v12+ (gpu_power_readings/current_power_limit) and older drivers (power_readings/enforced_power_limit); the
    // RTX 3090 capture is a 350 W board its owner capped at 200 W; "N/A" and a readings block without a limit are unknown.
    [Theory]
    [InlineData("rtx-4090-drv535.xml", 450)]
    [InlineData("rtx-4000-sff-ada-drv595-schema-v13.xml", 70)]
    [InlineData("a100-sxm4-80gb-x4-mig-drv535.xml", 500)]
    [InlineData("a10g-drv515.xml", 300)]
    [InlineData("rtx-3090-drv525.xml", 200)]
    [InlineData("quadro-p400-drv418.xml", null)]
    [InlineData("rtx-pro-6000-blackwell-drv580-trimmed-excerpt.xml", null)]
    public void The_power_limit_is_the_one_the_driver_enforces(string file, int? watts)
    {
        var gpu = Assert.Single(Fixtures.Linux(Fixtures.Command(FactSourceIds.NvidiaSmiXml, "nvidia-smi-xml/" + file)).Gpus);

        Assert.Equal(watts, gpu.PowerLimitWatts);
    }

    [Theory]
    [InlineData("-5.00 W")]
    [InlineData("0.00 W")]
    [InlineData("1e12 W")]
    [InlineData("NaN W")]
    public void An_impossible_power_limit_is_unknown(string limit)
    {
        var xml = Fixtures.Text("nvidia-smi-xml/rtx-4090-drv535.xml").Replace("<current_power_limit>450.00 W</current_power_limit>", "<current_power_limit>" + limit + "</current_power_limit>", StringComparison.Ordinal);

        var gpu = Assert.Single(Fixtures.Linux(Fixtures.Source(FactSourceIds.NvidiaSmiXml, xml, 0)).Gpus);

        Assert.Null(gpu.PowerLimitWatts);
    }

    [Fact]
    public void Parsing_is_the_same_under_a_german_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            var gpu = Assert.Single(Fixtures.Linux(Fixtures.Command(FactSourceIds.NvidiaSmiXml, "nvidia-smi-xml/rtx-4090-drv535.xml")).Gpus);
            Assert.Equal(24564 * MiB, gpu.MemoryTotalBytes);
            Assert.Equal("12.2", gpu.CudaVersion);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
