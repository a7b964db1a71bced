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
}
