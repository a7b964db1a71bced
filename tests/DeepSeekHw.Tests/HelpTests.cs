namespace DeepSeekHw.Tests;

public sealed class HelpTests : IClassFixture<SharedSession>
{
    private readonly PowerShellSession _session;

    public HelpTests(SharedSession shared)
    {
        _session = shared.Session;
    }

    /// <summary>Every cmdlet the manifest exports: a new cmdlet is held to the same help standard without editing this list.</summary>
    public static TheoryData<string> Cmdlets
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var name in ModuleManifestTests.ExportedCmdlets())
            {
                data.Add(name);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void Get_Help_Full_shows_synopsis_description_every_parameter_and_examples(string cmdlet)
    {
        var help = _session.Run("Get-Help -Name $args[0] -Full", cmdlet).Single();

        var synopsis = (string)help.Properties["Synopsis"].Value;
        Assert.False(string.IsNullOrWhiteSpace(synopsis));
        Assert.DoesNotContain(cmdlet + " ", synopsis, StringComparison.Ordinal); // generated stub help repeats the syntax
        var description = _session.Run("$args[0].description | ForEach-Object Text", help).Output;
        Assert.NotEmpty(description);
        var examples = _session.Run("@($args[0].examples.example).Count", help).Output.Single();
        Assert.True((int)examples.BaseObject >= 2);

        var documented = _session.Run("$args[0].parameters.parameter | Where-Object { $_.description } | ForEach-Object name", help).Output.Select(o => o.ToString()).ToHashSet();
        var declared = _session.Run("(Get-Command $args[0]).Parameters.Keys | Where-Object { $_ -notin [System.Management.Automation.Cmdlet]::CommonParameters -and $_ -notin [System.Management.Automation.Cmdlet]::OptionalCommonParameters }", cmdlet).Output.Select(o => o.ToString());
        Assert.All(declared, p => Assert.Contains(p, documented));
    }

    [Fact]
    public void The_about_topic_is_found()
    {
        var text = _session.Run("Get-Help about_DeepSeekHw").Output.Single().ToString();

        Assert.Contains("Import-DeepSeekCatalog", text, StringComparison.Ordinal);
        Assert.Contains("deepseekhw/catalog@1", text, StringComparison.Ordinal);
    }
}
