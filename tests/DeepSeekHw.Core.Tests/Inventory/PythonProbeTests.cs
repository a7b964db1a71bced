using System.IO;
using DeepSeekHw.Catalog;
using DeepSeekHw.Collection;
using DeepSeekHw.Facts;
using DeepSeekHw.Inventory;

namespace DeepSeekHw.Core.Tests.Inventory;

/// <summary>
/// Runs the probe script for real (where python3 exists) in a throwaway venv: packages are found from the venv's
/// site-packages even though -S keeps site from running, and the printed JSON is what the parser reads.
/// </summary>
public sealed class PythonProbeTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "deepseekhw-probe-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Probe_finds_packages_of_a_venv_without_running_site()
    {
        var python = CommandLocator.Find("python3");
        if (python is null || OperatingSystem.IsWindows())
        {
            return; // nothing to run the script with; the parser side is covered by SoftwareSourcesTests
        }

        var venv = ProcessRunner.Run("venv", python, new[] { "-m", "venv", "--without-pip", root }, TimeSpan.FromSeconds(60));
        Assert.True(venv.ExitCode == 0, venv.Error);
        var version = ProcessRunner.Run("v", Path.Combine(root, "bin", "python3"), new[] { "-S", "-c", "import sys; print('%d.%d' % sys.version_info[:2])" }, TimeSpan.FromSeconds(15)).Output!.Trim();
        var sitePackages = Path.Combine(root, "lib", "python" + version, "site-packages");
        Directory.CreateDirectory(Path.Combine(sitePackages, "torch-2.4.0+cu121.dist-info"));
        Directory.CreateDirectory(Path.Combine(sitePackages, "vllm-0.6.3.post1.dist-info"));
        Directory.CreateDirectory(Path.Combine(sitePackages, "torch"));
        File.WriteAllText(Path.Combine(sitePackages, "torch", "version.py"), "__version__ = '2.4.0+cu121'\ncuda: Optional[str] = '12.1'\ngit = \"é\\\"\"\n");
        File.WriteAllText(Path.Combine(sitePackages, "zz-breaks-site.pth"), "import sys; sys.stdout.write('site ran')\n");

        var probe = Assert.Single(FactSourceTable.Linux, r => r.Kind == FactSourceKind.PythonProbe);
        var arguments = probe.Arguments.Append(FactSourceTable.ReadScript(probe.Script!)).ToArray();
        var source = ProcessRunner.Run(probe.Id, Path.Combine(root, "bin", "python3"), arguments, TimeSpan.FromSeconds(15));
        var bundle = new FactBundle { Platform = "Linux" };
        bundle.Add(source);
        var software = InventoryParser.Interpret(bundle, DeepSeekCatalog.Builtin).Software;

        Assert.Equal(0, source.ExitCode);
        Assert.DoesNotContain("site ran", source.Output, StringComparison.Ordinal);
        Assert.StartsWith(version + ".", software.PythonVersion, StringComparison.Ordinal);
        var torch = Assert.Single(software.Packages, p => p.Name == "torch");
        Assert.Equal("2.4.0+cu121", torch.Version);
        Assert.Equal("12.1", torch.CudaBuild);
        Assert.Equal("0.6.3.post1", Assert.Single(software.Packages, p => p.Name == "vllm").Version);
    }

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
