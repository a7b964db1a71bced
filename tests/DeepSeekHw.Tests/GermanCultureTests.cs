using System.Text.Json;
using DeepSeekHw.Shell;

namespace DeepSeekHw.Tests;

/// <summary>Runs cmdlets on a thread whose culture writes decimals with a comma: nothing we emit for machines may change.</summary>
public sealed class GermanCultureTests : IDisposable
{
    private readonly CultureInfo _savedCulture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _savedUiCulture = CultureInfo.CurrentUICulture;
    private readonly PowerShellSession _session;

    public GermanCultureTests()
    {
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        CultureInfo.CurrentUICulture = new CultureInfo("de-DE");
        _session = new PowerShellSession(useCallingThread: true);
    }

    public void Dispose()
    {
        _session.Dispose();
        CultureInfo.CurrentCulture = _savedCulture;
        CultureInfo.CurrentUICulture = _savedUiCulture;
    }

    [Fact]
    public void The_engine_really_runs_under_de_DE()
    {
        Assert.Equal("de-DE", _session.Run("[cultureinfo]::CurrentCulture.Name").Single().ToString());
    }

    [Fact]
    public void Catalog_values_are_the_same_numbers()
    {
        var sxm = _session.Run("Get-DeepSeekGpuSpec -Name H100-SXM").Single();

        Assert.Equal(989.4, sxm.Properties["DenseBf16Tflops"].Value);
        Assert.Equal(85_899_345_920L, sxm.Properties["MemoryBytes"].Value);
    }

    [Fact]
    public void Json_output_keeps_a_decimal_point()
    {
        using var output = new StringWriter();
        var exit = new ShellRunner(output, TextWriter.Null, RepoPaths.ModuleManifest, 120).Run(ShellOptions.Parse(new[] { "-OutputFormat", "Json", "Get-DeepSeekGpuSpec", "-Name", "L40S" }));

        Assert.Equal(0, exit);
        Assert.Contains("\"DenseBf16Tflops\": 362.05", output.ToString(), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(output.ToString());
        Assert.Equal(362.05, json.RootElement[0].GetProperty("DenseBf16Tflops").GetDouble());
    }

    [Fact]
    public void Errors_and_help_still_work()
    {
        var result = _session.Run("Get-DeepSeekModel -Name Nope");
        var help = _session.Run("Get-Help Get-DeepSeekModel").Single();

        Assert.StartsWith("ModelNotFound,", Assert.Single(result.Errors).FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace((string)help.Properties["Synopsis"].Value));
    }
}
