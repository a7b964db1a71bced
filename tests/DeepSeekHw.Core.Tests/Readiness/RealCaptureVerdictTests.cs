using System.IO;
using DeepSeekHw.Catalog;
using DeepSeekHw.Core.Tests.Inventory;
using DeepSeekHw.Facts;
using DeepSeekHw.Readiness;
using DeepSeekHw.Sizing;

namespace DeepSeekHw.Core.Tests.Readiness;

/// <summary>
/// Every real capture that lists a GPU gets a verdict: the 7B distill in INT4 either fits its GPUs or does not, and every
/// NVIDIA GPU's compute capability is known, whether or not the catalog lists the GPU. The verdicts are checked against
/// the physics where it is unambiguous (16 GiB always holds it, 4 GiB never does; INT4 kernels need 7.5).
/// </summary>
public class RealCaptureVerdictTests
{
    private const long GiB = 1L << 30;

    // The one capture whose GPU has no memory of its own to find: an APU's rocm-smi JSON cut before its VRAM fields.
    private static readonly HashSet<string> NoMemoryFacts = new(StringComparer.Ordinal) { "rocm-smi/radeon-780m-phoenix3-apu-rocm6.2.4-json-TRUNCATED.txt" };

    private static readonly (string Folder, string SourceId, string Platform)[] GpuSources =
    {
        ("nvidia-smi-xml", FactSourceIds.NvidiaSmiXml, "Linux"),
        ("rocm-smi", FactSourceIds.RocmSmiJson, "Linux"),
        ("amd-smi", FactSourceIds.AmdSmiStatic, "Linux"),
        ("lspci", FactSourceIds.Lspci, "Linux"),
        ("windows-cim", FactSourceIds.CimVideoController, "Windows"),
        ("windows-wmic", FactSourceIds.CimVideoController, "Windows"),
    };

    public static TheoryData<string> Captures
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var (folder, _, _) in GpuSources)
            {
                foreach (var file in Directory.GetFiles(Path.Combine(Fixtures.Root, folder)).OrderBy(f => f, StringComparer.Ordinal))
                {
                    var name = Path.GetFileName(file);
                    if (folder.StartsWith("windows", StringComparison.Ordinal) && !name.Contains("videocontroller", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    data.Add(folder + "/" + name);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void Every_capture_that_lists_a_gpu_gets_a_memory_and_capability_verdict(string capture)
    {
        var inventory = Replay(capture);
        var gpus = inventory.Gpus.Where(g => g.Vendor is GpuVendor.NVIDIA or GpuVendor.AMD).ToList();
        if (gpus.Count == 0)
        {
            Assert.DoesNotContain(capture, NoMemoryFacts);
            return; // the capture lists no GPU (a tool error, an Intel iGPU): nothing to decide
        }

        var checks = ReadinessEngine.Evaluate(new ReadinessRequest(inventory, new SizingRequest(DeepSeekCatalog.Builtin.FindModel("DeepSeek-R1-Distill-Qwen-7B")!) { Precision = WeightPrecision.INT4 }), DeepSeekCatalog.Builtin, CompatibilityChecklist.Builtin);

        var memory = Assert.Single(checks, c => c.CheckId == CheckIds.GpuMemory);
        if (NoMemoryFacts.Contains(capture))
        {
            Assert.Equal(ReadinessStatus.Unknown, memory.Status);
            return;
        }

        Assert.True(memory.Status is ReadinessStatus.Pass or ReadinessStatus.Fail, capture + ": GPU.Memory " + memory.Status + ": " + memory.Message);
        var installed = InstalledGpus.From(inventory.Gpus, DeepSeekCatalog.Builtin)!;
        var capacity = installed.Spec.UsableMemoryBytes ?? installed.Spec.MemoryBytes;
        if (capacity >= 16 * GiB)
        {
            Assert.Equal(ReadinessStatus.Pass, memory.Status);
        }
        else if (capacity <= 4 * GiB)
        {
            Assert.Equal(ReadinessStatus.Fail, memory.Status);
        }

        if (gpus.Any(g => g.Vendor == GpuVendor.NVIDIA))
        {
            var capability = Assert.Single(checks, c => c.CheckId == CheckIds.GpuComputeCapability);
            var lowest = gpus.Where(g => g.Vendor == GpuVendor.NVIDIA).Min(g => double.Parse(g.ComputeCapability!, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(lowest >= 7.5 ? ReadinessStatus.Pass : ReadinessStatus.Fail, capability.Status);
            Assert.All(gpus.Where(g => g.Vendor == GpuVendor.NVIDIA), g => Assert.False(string.IsNullOrEmpty(g.ComputeCapabilityBasis)));
        }
    }

    [Fact]
    public void A_gpu_the_catalog_lacks_is_sized_from_the_memory_its_driver_reports()
    {
        var inventory = Replay("nvidia-smi-xml/tesla-p100-pcie-16gb-drv510.xml");
        var gpu = Assert.Single(inventory.Gpus);
        Assert.Null(gpu.Spec);

        var installed = InstalledGpus.From(inventory.Gpus, DeepSeekCatalog.Builtin)!;

        Assert.True(installed.Spec.IsMeasured);
        Assert.Equal(16384L << 20, installed.Spec.UsableMemoryBytes);
        Assert.Contains("reported by nvidia-smi", installed.Spec.UsableMemorySource, StringComparison.Ordinal);
        Assert.Equal("6.0", gpu.ComputeCapability);
        Assert.Contains("10DE:15F8", gpu.ComputeCapabilityBasis, StringComparison.Ordinal); // from the PCI device id
        Assert.Equal("GP100", gpu.Chip);
        Assert.StartsWith("bandwidth and throughput of Tesla-P100-PCIe (the product its name carries", installed.Spec.EstimateBasis, StringComparison.Ordinal); // the reference list's entry for its own product, said so
    }

    [Fact]
    public void Compute_capability_comes_from_the_device_id_when_the_driver_does_not_report_it()
    {
        var gpu = Assert.Single(Replay("nvidia-smi-xml/rtx-3080-drv595-schema-v13.xml").Gpus);

        Assert.Equal("8.6", gpu.ComputeCapability);
        Assert.Contains("PCI device 10DE:", gpu.ComputeCapabilityBasis, StringComparison.Ordinal);
        Assert.Contains("GA102", gpu.ComputeCapabilityBasis, StringComparison.Ordinal);
    }

    [Fact]
    public void A_nameless_gpu_is_named_from_its_device_id()
    {
        var gpu = Assert.Single(Replay("rocm-smi/rx6700xt-rocm4.3.0.json").Gpus);

        Assert.StartsWith("Radeon RX 6700", gpu.Name, StringComparison.Ordinal);
        Assert.Equal("gfx1031", gpu.GfxTarget);
        Assert.Contains("Navi 22", gpu.GfxTargetBasis, StringComparison.Ordinal);
    }

    private static HardwareInventory Replay(string capture)
    {
        var (folder, sourceId, platform) = GpuSources.First(s => capture.StartsWith(s.Folder + "/", StringComparison.Ordinal));
        var source = folder.StartsWith("windows", StringComparison.Ordinal) ? Fixtures.Cim(sourceId, capture) : Fixtures.Command(sourceId, capture);
        return platform == "Windows" ? Fixtures.Windows(source) : Fixtures.Linux(source);
    }
}
