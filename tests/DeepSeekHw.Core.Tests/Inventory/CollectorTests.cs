using System.IO;
using DeepSeekHw.Catalog;
using DeepSeekHw.Collection;
using DeepSeekHw.Facts;
using DeepSeekHw.Inventory;

namespace DeepSeekHw.Core.Tests.Inventory;

/// <summary>Collects this machine for real: whatever it has, the result is an inventory, never an exception.</summary>
public class CollectorTests
{
    [Fact]
    public void This_machine_collects_and_parses_with_what_it_has()
    {
        var bundle = FactCollector.Collect(new CollectorOptions { Timeout = TimeSpan.FromSeconds(15), CollectorVersion = "test" });

        var inventory = InventoryParser.Interpret(FactBundleJson.Read(FactBundleJson.Write(bundle)), DeepSeekCatalog.Builtin);

        Assert.Equal(Environment.MachineName, inventory.ComputerName);
        Assert.NotNull(inventory.Gpus);
        if (OperatingSystem.IsLinux())
        {
            Assert.Equal(FactSourceStatus.Ok, bundle.Get(FactSourceIds.CpuInfo)!.Status);
            Assert.True(inventory.Cpu.Threads >= 1);
            Assert.True(inventory.Memory.TotalBytes > 0);
            Assert.NotEmpty(inventory.Storage.Volumes);
            Assert.DoesNotContain(bundle.Sources, s => s.Id.StartsWith("/proc/self/environ", StringComparison.Ordinal));
            Assert.Single(bundle.Sources, s => s.Id == FactSourceIds.PythonPackages); // ran or absent; its output is tested on recorded probes and in a venv (PythonProbeTests)
        }
    }
}

public sealed class FileFactsTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "deepseekhw-file-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void A_huge_file_keeps_its_first_4_MiB_and_says_it_was_cut()
    {
        File.WriteAllText(_path, new string('x', (4 * 1024 * 1024) + 10));

        var source = FileFacts.Read(_path);

        Assert.Equal(FactSourceStatus.Ok, source.Status);
        Assert.True(source.Truncated);
        Assert.Equal(4 * 1024 * 1024, source.Output!.Length);
    }

    [Fact]
    public void A_small_file_is_read_whole()
    {
        File.WriteAllText(_path, "1500\n");

        var source = FileFacts.Read(_path);

        Assert.False(source.Truncated);
        Assert.Equal("1500\n", source.Output);
    }

    [Fact]
    public void A_missing_file_is_absent()
    {
        Assert.Equal(FactSourceStatus.Absent, FileFacts.Read(_path).Status);
    }

    public void Dispose() => File.Delete(_path);
}
