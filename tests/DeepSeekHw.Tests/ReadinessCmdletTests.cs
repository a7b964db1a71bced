using System.Text.Json;
using DeepSeekHw.Shell;

namespace DeepSeekHw.Tests;

/// <summary>Test-DeepSeekReadiness, Get-DeepSeekProfile and New-DeepSeekHardware in a real runspace and through the host.</summary>
public sealed class ReadinessCmdletTests : IClassFixture<SharedSession>, IDisposable
{
    private readonly PowerShellSession _session;
    private readonly string _directory = Directory.CreateTempSubdirectory("deepseekhw-readiness-").FullName;

    public ReadinessCmdletTests(SharedSession shared)
    {
        _session = shared.Session;
    }

    public void Dispose()
    {
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>The captured nvidia-smi XML of a T4 (driver 515) as a facts@1 bundle.</summary>
    private string T4Bundle() =>
        BundleFile.Write(_directory, "t4-node", ("nvidia-smi -q -x", BundleFile.Fixture("nvidia-smi-xml", "tesla-t4-drv515.xml")));

    private static Dictionary<string, string> Statuses(IEnumerable<PSObject> checks) =>
        checks.ToDictionary(c => (string)c.Properties["CheckId"].Value, c => c.Properties["Status"].Value.ToString()!);

    [Fact]
    public void A_replayed_t4_fails_bf16_and_passes_int4_live_and_deserialized_alike()
    {
        const string Test = "Get-DeepSeekHardware -FactsPath $args[0] | Test-DeepSeekReadiness -Model DeepSeek-R1-Distill-Qwen-7B -Precision ";
        const string RoundTrip = "[System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize((Get-DeepSeekHardware -FactsPath $args[0]), 5)) | Test-DeepSeekReadiness -Model DeepSeek-R1-Distill-Qwen-7B -Precision ";
        var bundle = T4Bundle();

        var bf16 = _session.Run(Test + "BF16", bundle);
        var int4 = _session.Run(Test + "INT4", bundle);
        var bf16Copy = _session.Run(RoundTrip + "BF16", bundle);

        Assert.Empty(bf16.Errors);
        Assert.All(bf16.Output, c => Assert.Equal("DeepSeekHw.ReadinessCheck", c.TypeNames[0]));
        Assert.All(bf16.Output, c => Assert.Equal("t4-node", c.Properties["ComputerName"].Value));
        Assert.Equal("Fail", Statuses(bf16.Output)["GPU.Memory"]);
        Assert.Equal("Fail", Statuses(bf16.Output)["GPU.ComputeCapability"]);
        Assert.Equal("Pass", Statuses(int4.Output)["GPU.Memory"]);
        Assert.Equal(Statuses(bf16.Output), Statuses(bf16Copy.Output));
    }

    [Fact]
    public void Quiet_is_a_bare_boolean_and_summary_one_object_per_machine()
    {
        var bundle = T4Bundle();

        var quiet = _session.Run("Get-DeepSeekHardware -FactsPath $args[0] | Test-DeepSeekReadiness -Model DeepSeek-R1-Distill-Qwen-7B -Precision BF16 -Quiet", bundle);
        var quietInt4 = _session.Run("Get-DeepSeekHardware -FactsPath $args[0] | Test-DeepSeekReadiness -Model DeepSeek-R1-Distill-Qwen-7B -Precision INT4 -Quiet -IncludeCheck GPU.*", bundle);
        var summary = _session.Run("Get-DeepSeekHardware -FactsPath $args[0] | Test-DeepSeekReadiness -Model DeepSeek-R1-Distill-Qwen-7B -Precision BF16 -Summary", bundle).Single();

        Assert.False(Assert.IsType<bool>(Assert.Single(quiet.Output).BaseObject));
        Assert.True(Assert.IsType<bool>(Assert.Single(quietInt4.Output).BaseObject));
        Assert.Equal("DeepSeekHw.ReadinessSummary", summary.TypeNames[0]);
        Assert.False((bool)summary.Properties["Ready"].Value);
        Assert.Contains("GPU.Memory", (string[])summary.Properties["FailedChecks"].Value);
        Assert.NotNull(summary.Properties["LargestFitPrecision"].Value);
    }

    [Fact]
    public void Include_and_exclude_filter_by_id_with_wildcards()
    {
        var result = _session.Run("New-DeepSeekHardware -Gpu L40S -GpuCount 1 | Test-DeepSeekReadiness -Model DeepSeek-R1-Distill-Qwen-7B -IncludeCheck GPU.*,Driver.* -ExcludeCheck GPU.M*");

        var ids = result.Output.Select(c => (string)c.Properties["CheckId"].Value).ToList();
        Assert.Contains("GPU.Present", ids);
        Assert.Contains("Driver.CudaCompatibility", ids);
        Assert.DoesNotContain("GPU.Memory", ids);
        Assert.DoesNotContain(ids, id => id.StartsWith("System.", StringComparison.Ordinal));
    }

    [Fact]
    public void Profiles_list_and_a_what_if_enterprise_node_meets_its_tier()
    {
        var profiles = _session.Run("Get-DeepSeekProfile");
        var checks = _session.Run("New-DeepSeekHardware -Gpu H100-SXM -GpuCount 8 -Interconnect NVSwitch -CpuCores 128 -CpuThreads 256 -StorageGB 8000 -NetworkGbps 400 | Test-DeepSeekReadiness -Profile Enterprise");

        Assert.Equal(new[] { "Basic-Minimum", "Basic-Recommended", "Pro", "Pro-Distributed", "Enterprise", "V1", "V2", "Lite" }, profiles.Output.Select(p => (string)p.Properties["Name"].Value));
        var statuses = Statuses(checks.Output);
        Assert.Equal("Pass", statuses["GPU.Tier"]);
        Assert.Equal("Pass", statuses["GPU.Interconnect"]);
        Assert.Equal("Pass", statuses["System.CpuCores"]);
        Assert.Equal("Pass", statuses["Storage.Capacity"]);
        Assert.Equal("Unknown", statuses["Network.StorageNetwork"]); // the plan named no storage network
        Assert.All(checks.Output, c => Assert.Equal("Enterprise", c.Properties["Target"].Value));
    }

    [Fact]
    public void Unknown_names_and_foreign_input_are_errors_with_stable_ids()
    {
        var model = _session.Run("Test-DeepSeekReadiness -Model NoSuchModel -InputObject (New-DeepSeekHardware -Gpu T4)");
        var profile = _session.Run("Test-DeepSeekReadiness -Profile Ultra -InputObject (New-DeepSeekHardware -Gpu T4)");
        var foreign = _session.Run("Get-DeepSeekModel -Name DeepSeek-V3 | Test-DeepSeekReadiness -Model DeepSeek-V3");

        Assert.Equal("ModelNotFound,DeepSeekHw.Commands.TestDeepSeekReadinessCommand", Assert.Single(model.Errors).FullyQualifiedErrorId);
        Assert.Equal("ProfileNotFound,DeepSeekHw.Commands.TestDeepSeekReadinessCommand", Assert.Single(profile.Errors).FullyQualifiedErrorId);
        var error = Assert.Single(foreign.Errors);
        Assert.Equal("InputObjectNotBound,DeepSeekHw.Commands.TestDeepSeekReadinessCommand", error.FullyQualifiedErrorId); // a model is neither hardware nor a profile
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
    }

    [Fact]
    public void The_host_tests_this_machine_and_exits_zero_with_json_property_names()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = new ShellRunner(output, error, RepoPaths.ModuleManifest, 200) { PlainText = true }
            .Run(ShellOptions.Parse(new[] { "-OutputFormat", "Json", "Test-DeepSeekReadiness", "-Model", "DeepSeek-R1-Distill-Qwen-1.5B" }));

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output.ToString());
        var checks = json.RootElement.EnumerateArray().ToList();
        Assert.NotEmpty(checks);
        foreach (var name in new[] { "ComputerName", "Target", "CheckId", "Category", "Status", "Expected", "Actual", "Message", "Remediation" })
        {
            Assert.All(checks, c => Assert.True(c.TryGetProperty(name, out _), name));
        }

        Assert.Contains(checks, c => c.GetProperty("CheckId").GetString() == "GPU.Present");
    }

    [Fact]
    public void The_host_quiet_prints_a_bare_boolean_and_the_default_view_groups_by_computer()
    {
        using var quiet = new StringWriter();
        using var view = new StringWriter();
        using var error = new StringWriter();
        var profile = "New-DeepSeekHardware -Gpu T4 -ComputerName planned-t4 | Test-DeepSeekReadiness -Model DeepSeek-R1-Distill-Qwen-7B -Precision BF16";

        new ShellRunner(quiet, error, RepoPaths.ModuleManifest, 200) { PlainText = true }.Run(ShellOptions.Parse(new[] { "-Command", profile + " -Quiet" }));
        new ShellRunner(view, error, RepoPaths.ModuleManifest, 200) { PlainText = true }.Run(ShellOptions.Parse(new[] { "-Command", profile }));

        Assert.Equal("False", quiet.ToString().Trim());
        Assert.Contains("ComputerName: planned-t4", view.ToString(), StringComparison.Ordinal);
        Assert.Matches(@"Fail\s+GPU\.Memory", view.ToString());
    }
}
