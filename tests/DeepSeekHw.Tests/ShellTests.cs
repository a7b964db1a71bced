using System.Text.Json;
using DeepSeekHw.Shell;

namespace DeepSeekHw.Tests;

/// <summary>The deepseekhw host: argument parsing, rendering through our format views, JSON output and exit codes.</summary>
public sealed class ShellTests
{
    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var options = ShellOptions.Parse(args);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = new ShellRunner(output, error, RepoPaths.ModuleManifest, 160) { PlainText = true }.Run(options);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void Renders_the_default_table_view_through_the_formatting_engine()
    {
        var (exit, output, error) = Run("Get-DeepSeekGpuSpec", "-Name", "*H100*");

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        Assert.Contains("Bandwidth(GB/s)", output, StringComparison.Ordinal); // our view's header, not the default list
        Assert.Contains("H100-SXM", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialized_objects_from_remoting_render_with_the_same_view()
    {
        var (exit, output, _) = Run("-Command", "[System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize((Get-DeepSeekGpuSpec -Name H200)))");

        Assert.Equal(0, exit);
        Assert.Contains("Bandwidth(GB/s)", output, StringComparison.Ordinal);
        Assert.Contains("H200-SXM", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_output_holds_public_properties_enums_as_names_and_raw_numbers()
    {
        var (exit, output, _) = Run("-OutputFormat", "Json", "Get-DeepSeekModel", "-Name", "DeepSeek-V3");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var v3 = json.RootElement.EnumerateArray().Single();
        Assert.Equal("DeepSeek-V3", v3.GetProperty("Name").GetString());
        Assert.Equal(671_000_000_000L, v3.GetProperty("TotalParameters").GetInt64());
        Assert.Equal(37_000_000_000L, v3.GetProperty("ActiveParameters").GetInt64());
        Assert.Equal(512, v3.GetProperty("KvLoraRank").GetInt32());
        Assert.Equal(64, v3.GetProperty("QkRopeHeadDim").GetInt32());
        Assert.Equal("MultiHeadLatent", v3.GetProperty("Attention").GetString());
    }

    [Fact]
    public void Json_output_nests_objects_at_least_four_levels()
    {
        var (_, output, _) = Run("-OutputFormat", "Json", "-Command", "@{ a = @{ b = @{ c = @{ d = @{ e = 1 } } } } }");

        using var json = JsonDocument.Parse(output);
        var leaf = json.RootElement[0].GetProperty("a").GetProperty("b").GetProperty("c").GetProperty("d").GetProperty("e");
        Assert.Equal(1, leaf.GetInt32());
    }

    [Fact]
    public void An_error_record_sets_exit_code_1_and_goes_to_stderr()
    {
        var (exit, output, error) = Run("-OutputFormat", "Json", "Get-DeepSeekModel", "-Name", "NoSuchModel");

        Assert.Equal(1, exit);
        Assert.Equal("[]", output.Trim());
        Assert.Contains("Get-DeepSeekModel: No model named 'NoSuchModel'", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Get-DeepSeekModel -Name Nope -ErrorAction SilentlyContinue; 'after'")]
    [InlineData("Get-DeepSeekModel -Name Nope -ErrorAction Ignore")]
    [InlineData("try { Get-DeepSeekSizing -Model Nope -ErrorAction Stop } catch { 'caught' }")]
    [InlineData("trap { 'trapped'; continue } Get-DeepSeekSizing -Model Nope -ErrorAction Stop")]
    [InlineData("$null = Get-DeepSeekModel -Name Nope -ErrorVariable e -ErrorAction SilentlyContinue; $e.Count")]
    public void An_error_the_script_handles_leaves_exit_code_0(string command)
    {
        var (exit, _, error) = Run("-Command", command);

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
    }

    [Theory]
    [InlineData("Get-DeepSeekModel -Name Nope; 'after'", 1)]
    [InlineData("Get-DeepSeekSizing -Model Nope -ErrorAction Stop", 1)]
    [InlineData("exit 3", 3)]
    public void An_error_that_reaches_the_output_or_an_exit_statement_sets_the_exit_code(string command, int expected)
    {
        Assert.Equal(expected, Run("-Command", command).ExitCode);
    }

    [Fact]
    public void The_host_has_every_built_in_cmdlet_of_PowerShell()
    {
        var (exit, output, error) = Run("-Command", "Get-DeepSeekModel | Select-Object -First 3 Name,TotalParameters | ConvertTo-Json");

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(3, json.RootElement.GetArrayLength());
        Assert.Equal(671_000_000_000L, json.RootElement[0].GetProperty("TotalParameters").GetInt64());
        var (listExit, list, _) = Run("-Command", "Get-DeepSeekModel -Name DeepSeek-R1-Distill-Qwen-1.5B | Format-List * | Out-String -Width 120; Get-Command -Module Microsoft.PowerShell.Utility, Microsoft.PowerShell.Management | Measure-Object | ForEach-Object Count");
        Assert.Equal(0, listExit);
        Assert.Contains("KvLoraRank", list, StringComparison.Ordinal);
        Assert.True(int.Parse(list.Trim().Split('\n')[^1], System.Globalization.CultureInfo.InvariantCulture) > 150);
        // Loaded with the session, not autoloaded: a tool package for one platform has no $PSHOME/Modules to load from.
        Assert.Equal(0, Run("-Command", "$PSModuleAutoLoadingPreference = 'None'; Get-DeepSeekModel V3 | Format-List Name | Out-String").ExitCode);
    }

    [Fact]
    public void A_terminating_error_sets_exit_code_1()
    {
        var (exit, _, error) = Run("-Command", "throw 'boom'");

        Assert.Equal(1, exit);
        Assert.Contains("boom", error, StringComparison.Ordinal);
    }

    [Fact]
    public void File_runs_a_script_with_arguments()
    {
        var script = Path.Combine(Path.GetTempPath(), "deepseekhw-" + Guid.NewGuid().ToString("N") + ".ps1");
        File.WriteAllText(script, "param($Name) (Get-DeepSeekModel -Name $Name).NumLayers");
        try
        {
            var (exit, output, _) = Run("-OutputFormat", "Json", "-File", script, "DeepSeek-R1");

            Assert.Equal(0, exit);
            Assert.Equal("[\n  61\n]", output.Trim().ReplaceLineEndings("\n"));
        }
        finally
        {
            File.Delete(script);
        }
    }

    [Theory]
    [InlineData(new[] { "Get-DeepSeekModel", "-Name", "V3" }, "Get-DeepSeekModel -Name V3")]
    [InlineData(new[] { "Get-DeepSeekModel | Where-Object IsMixtureOfExperts" }, "Get-DeepSeekModel | Where-Object IsMixtureOfExperts")]
    [InlineData(new[] { "Get-DeepSeekGpuSpec", "-Name", "NVIDIA H100 80GB HBM3" }, "Get-DeepSeekGpuSpec -Name 'NVIDIA H100 80GB HBM3'")]
    [InlineData(new[] { "-Command", "Get-DeepSeekModel", "|", "Where-Object", "IsMixtureOfExperts" }, "Get-DeepSeekModel | Where-Object IsMixtureOfExperts")]
    [InlineData(new[] { "-NoProfile", "-of", "json", "Get-DeepSeekModel" }, "Get-DeepSeekModel")]
    public void Joins_bare_arguments_into_one_command_line(string[] args, string expected)
    {
        Assert.Equal(expected, ShellOptions.Parse(args).Command);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-OutputFormat|Yaml|Get-DeepSeekModel")]
    [InlineData("-File")]
    public void Rejects_unusable_command_lines(string joinedArgs)
    {
        Assert.Throws<ArgumentException>(() => ShellOptions.Parse(joinedArgs.Split('|', StringSplitOptions.RemoveEmptyEntries)));
    }
}
