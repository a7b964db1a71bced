using DeepSeekHw.Catalog;
using DeepSeekHw.Facts;
using DeepSeekHw.Inventory;

namespace DeepSeekHw.Core.Tests.Inventory;

public class FactBundleTests
{
    [Fact]
    public void Bundle_round_trips_through_json_byte_for_byte()
    {
        var bundle = Fixtures.Bundle(
            "Linux",
            Fixtures.Command(FactSourceIds.NvidiaSmiXml, "nvidia-smi-xml/rtx-4090-drv535.xml"),
            new FactSource(FactSourceIds.RocmSmiJson) { Status = FactSourceStatus.Absent, Error = "rocm-smi was not found on PATH." },
            new FactSource(FactSourceIds.Lscpu) { Status = FactSourceStatus.TimedOut, Output = "Architecture: x86_64\n", Error = "timed out", DurationMs = 15003 },
            Fixtures.File(FactSourceIds.CpuInfo, "proc-cpuinfo/amd-epyc-7451-2s-96cpu.cpuinfo"));

        var json = FactBundleJson.Write(bundle);
        var read = FactBundleJson.Read(json);

        Assert.Equal(json, FactBundleJson.Write(read));
        Assert.Equal("fixture", read.ComputerName);
        Assert.Equal("Linux", read.Platform);
        Assert.Equal(bundle.CollectedAt, read.CollectedAt);
        Assert.Equal(Fixtures.Text("nvidia-smi-xml/rtx-4090-drv535.xml"), read.Get(FactSourceIds.NvidiaSmiXml)!.Output);
        Assert.Equal(FactSourceStatus.TimedOut, read.Get(FactSourceIds.Lscpu)!.Status);
        Assert.Equal(15003, read.Get(FactSourceIds.Lscpu)!.DurationMs);
        Assert.Null(read.Get(FactSourceIds.CpuInfo)!.ExitCode);
        Assert.Contains("\"schema\": \"deepseekhw/facts@1\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void The_documented_example_without_status_fields_reads()
    {
        const string Json = """
        {
          "schema": "deepseekhw/facts@1",
          "computerName": "gpu-node-01",
          "collectedAt": "2026-11-22T12:00:00Z",
          "platform": "Linux",
          "collector": { "name": "DeepSeekHw", "version": "0.1.0" },
          "sources": {
            "nvidia-smi -q -x": { "exitCode": 9, "output": "NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver.", "error": "", "durationMs": 212 },
            "/proc/cpuinfo":    { "exitCode": null, "output": "processor\t: 0\nmodel name\t: Test CPU\n" }
          }
        }
        """;

        var inventory = InventoryParser.Interpret(FactBundleJson.Read(Json), DeepSeekCatalog.Builtin);

        Assert.Equal("gpu-node-01", inventory.ComputerName);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero), inventory.CollectedAt);
        Assert.Equal("Test CPU", inventory.Cpu.Model);
        Assert.Empty(inventory.Gpus);
        Assert.Contains(inventory.Warnings.Texts(), w => w.Contains("exited with code 9", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{\"schema\": \"deepseekhw/facts@2\", \"sources\": {}}")]
    [InlineData("{\"schema\": \"deepseekhw/facts@1\"}")]
    [InlineData("{\"schema\": \"deepseekhw/facts@1\", \"sources\": {\"x\": 1}}")]
    public void Anything_but_a_facts_document_is_a_clear_error(string json)
    {
        Assert.Throws<FactBundleException>(() => FactBundleJson.Read(json));
    }

    [Fact]
    public void Cpu_only_machine_capture_replays()
    {
        // Captured on the project's build VM (Debian 12, 2 vCPU, no GPU) with Export-DeepSeekFactBundle.
        var bundle = FactBundleJson.Read(Fixtures.Text("bundles/debian12-cpu-only-vm.facts.json"));

        var inventory = InventoryParser.Interpret(bundle, DeepSeekCatalog.Builtin);

        Assert.Equal("Linux", inventory.Platform);
        Assert.Equal("Debian GNU/Linux 12 (bookworm)", inventory.OperatingSystem.Name);
        Assert.Equal("AMD EPYC", inventory.Cpu.Model);
        Assert.Equal(2, inventory.Cpu.Threads);
        Assert.Equal(25276502016L, inventory.Memory.TotalBytes);
        Assert.Empty(inventory.Gpus);
        Assert.Equal("vda", Assert.Single(inventory.Storage.Devices).Name);
        Assert.Equal("/", Assert.Single(inventory.Storage.Volumes).MountPoint);
        Assert.Equal("3.11.7", inventory.Software.PythonVersion);
        var warning = Assert.Single(inventory.Warnings.Texts());
        Assert.Contains("no GPU tool was found", warning, StringComparison.Ordinal);
    }
}
