namespace DeepSeekHw.Tests;

public sealed class CatalogCmdletTests : IClassFixture<SharedSession>
{
    private readonly PowerShellSession _session;

    public CatalogCmdletTests(SharedSession shared)
    {
        _session = shared.Session;
    }

    [Fact]
    public void Get_DeepSeekModel_lists_every_model_with_the_stable_type_name()
    {
        var result = _session.Run("Get-DeepSeekModel");

        Assert.Empty(result.Errors);
        Assert.Equal(23, result.Output.Count);
        Assert.All(result.Output, o => Assert.Equal("DeepSeekHw.ModelSpec", o.TypeNames[0]));
    }

    [Fact]
    public void Get_DeepSeekModel_returns_published_counts_as_plain_integers()
    {
        var v3 = _session.Run("Get-DeepSeekModel -Name DeepSeek-V3").Single();

        Assert.Equal(671_000_000_000L, v3.Properties["TotalParameters"].Value);
        Assert.Equal(37_000_000_000L, v3.Properties["ActiveParameters"].Value);
        Assert.Equal(512, v3.Properties["KvLoraRank"].Value);
        Assert.Equal(64, v3.Properties["QkRopeHeadDim"].Value);
    }

    [Fact]
    public void Wildcards_match_names_and_aliases_without_duplicates()
    {
        var names = _session.Run("Get-DeepSeekModel -Name *Distill*, *Qwen-7B | ForEach-Object Name").Output.Select(o => o.ToString()).ToList();

        Assert.Equal(6, names.Count);
        Assert.All(names, n => Assert.Contains("Distill", n, StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_model_writes_a_non_terminating_ModelNotFound_error_with_suggestions()
    {
        var result = _session.Run("Get-DeepSeekModel -Name DeepSeek-V4, DeepSeek-R1");

        Assert.Single(result.Output); // the good name still comes through
        var error = Assert.Single(result.Errors);
        Assert.Equal("ModelNotFound,DeepSeekHw.Commands.GetDeepSeekModelCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal("DeepSeek-V4", error.TargetObject);
        Assert.Contains("DeepSeek-V3", error.ErrorDetails.RecommendedAction, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wildcard_that_matches_nothing_is_silent()
    {
        var result = _session.Run("Get-DeepSeekModel -Name Nothing*");

        Assert.Empty(result.Output);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Names_bind_from_the_pipeline_by_property_name()
    {
        var names = _session.Run("[pscustomobject]@{ Name = 'R1' }, [pscustomobject]@{ Name = 'V2-Lite' } | Get-DeepSeekModel | ForEach-Object Name")
            .Output.Select(o => o.ToString());

        Assert.Equal(new[] { "DeepSeek-R1", "DeepSeek-V2-Lite" }, names);
    }

    [Fact]
    public void Get_DeepSeekGpuSpec_lists_H100_SXM_and_PCIe_separately_with_bytes_and_dense_bf16()
    {
        var gpus = _session.Run("Get-DeepSeekGpuSpec -Name *H100*").Output;

        var sxm = gpus.Single(g => (string)g.Properties["Name"].Value == "H100-SXM");
        var pcie = gpus.Single(g => (string)g.Properties["Name"].Value == "H100-PCIe");
        Assert.Equal("DeepSeekHw.GpuSpec", sxm.TypeNames[0]);
        Assert.Equal(85_899_345_920L, sxm.Properties["MemoryBytes"].Value);
        Assert.Equal(3_350_000_000_000L, sxm.Properties["MemoryBandwidthBytesPerSecond"].Value);
        Assert.Equal(989.4, sxm.Properties["DenseBf16Tflops"].Value);
        Assert.Equal(756.5, pcie.Properties["DenseBf16Tflops"].Value);
    }

    [Fact]
    public void Get_DeepSeekGpuSpec_resolves_reported_names_and_reports_unknown_ones()
    {
        var result = _session.Run("Get-DeepSeekGpuSpec -Name 'NVIDIA A100-SXM4-80GB', 'H1OO'");

        Assert.Equal("A100-SXM4-80GB", Assert.Single(result.Output).Properties["Name"].Value);
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("GpuNotFound,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
    }

    [Fact]
    public void Objects_survive_a_PSSerializer_round_trip_with_their_type_names_and_values()
    {
        var copy = _session.Run("[System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize((Get-DeepSeekGpuSpec -Name H200)))").Single();

        Assert.Equal("Deserialized.DeepSeekHw.GpuSpec", copy.TypeNames[0]);
        Assert.Equal(151_397_597_184L, copy.Properties["MemoryBytes"].Value);
        Assert.Equal("9.0", copy.Properties["ComputeCapability"].Value);
    }

    [Theory]
    [InlineData("Get-DeepSeekModel -Name DeepSeek-R1-D", "DeepSeek-R1-Distill-Llama-70B")]
    [InlineData("Get-DeepSeekGpuSpec -Name H10", "H100-SXM")]
    [InlineData("Get-DeepSeekGpuSpec mi3", "MI300X")]
    public void Name_parameters_tab_complete_from_the_catalog(string line, string expected)
    {
        var completions = _session.Run("[System.Management.Automation.CommandCompletion]::CompleteInput($args[0], $args[0].Length, $null).CompletionMatches | ForEach-Object CompletionText", line)
            .Output.Select(o => o.ToString()).ToList();

        Assert.Contains(expected, completions);
    }
}
