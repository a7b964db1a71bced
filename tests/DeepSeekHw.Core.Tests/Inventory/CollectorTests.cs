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
            if (bundle.Get(FactSourceIds.PythonPackages)?.Status == FactSourceStatus.Ok)
            {
                Assert.NotNull(inventory.Software.PythonVersion); // the probe's script runs and prints what the parser reads
            }
        }
    }
}
