using System.Collections;
using System.Management.Automation.Language;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace DeepSeekHw.Tests;

public sealed class ModuleManifestTests : IClassFixture<SharedSession>
{
    private readonly PowerShellSession _session;

    public ModuleManifestTests(SharedSession shared)
    {
        _session = shared.Session;
    }

    private static Hashtable ReadManifest()
    {
        var ast = Parser.ParseFile(RepoPaths.SourceManifest, out _, out var errors);
        Assert.Empty(errors);
        var hashtable = ast.Find(a => a is HashtableAst, searchNestedScriptBlocks: false);
        return (Hashtable)((HashtableAst)hashtable!).SafeGetValue();
    }

    /// <summary>CmdletsToExport of the source manifest.</summary>
    public static IEnumerable<string> ExportedCmdlets() => ((object[])ReadManifest()["CmdletsToExport"]!).Cast<string>().OrderBy(n => n, StringComparer.Ordinal);

    [Fact]
    public void Exported_cmdlets_equal_the_manifest_list()
    {
        var declared = ExportedCmdlets();

        var exported = _session.Run("Get-Command -Module DeepSeekHw -CommandType Cmdlet | ForEach-Object Name").Output.Select(o => o.ToString()).OrderBy(n => n, StringComparer.Ordinal);

        Assert.Equal(declared, exported);
    }

    [Fact]
    public void The_old_cmdlet_names_are_exported_aliases_of_the_renamed_cmdlets()
    {
        var declared = ((object[])ReadManifest()["AliasesToExport"]!).Cast<string>().OrderBy(n => n, StringComparer.Ordinal);

        var aliases = _session.Run("Get-Command -Module DeepSeekHw -CommandType Alias | ForEach-Object { $_.Name + '=' + $_.ResolvedCommandName }").Output.Select(o => o.ToString()).OrderBy(n => n, StringComparer.Ordinal);

        Assert.Equal(declared, aliases.Select(a => a.Split('=')[0]));
        Assert.Equal(new[] { "Export-DeepSeekFacts=Export-DeepSeekFactBundle", "New-DeepSeekHardwareProfile=New-DeepSeekHardware" }, aliases);
    }

    [Fact]
    public void Test_ModuleManifest_passes_on_the_laid_out_module()
    {
        var result = _session.Run("Test-ModuleManifest -Path $args[0]", RepoPaths.ModuleManifest);

        var module = result.Single();
        Assert.Equal("DeepSeekHw", module.Properties["Name"].Value);
    }

    [Fact]
    public void Manifest_declares_both_editions_PowerShell_5_1_and_explicit_exports()
    {
        var manifest = ReadManifest();

        Assert.Equal("DeepSeekHw.dll", manifest["RootModule"]);
        Assert.Equal("5.1", manifest["PowerShellVersion"]);
        Assert.Equal(new[] { "Desktop", "Core" }, ((object[])manifest["CompatiblePSEditions"]!).Cast<string>());
        Assert.DoesNotContain(((object[])manifest["CmdletsToExport"]!).Cast<string>(), n => n.Contains('*', StringComparison.Ordinal));
        Assert.Contains("DeepSeekHw.Format.ps1xml", ((object[])manifest["FormatsToProcess"]!).Cast<string>());
        var psData = (Hashtable)((Hashtable)manifest["PrivateData"]!)["PSData"]!;
        Assert.NotEmpty((object[])psData["Tags"]!);
        Assert.NotNull(psData["LicenseUri"]);
        Assert.NotNull(psData["ProjectUri"]);
    }

    [Fact]
    public void Assemblies_carry_the_manifest_version()
    {
        var version = Version.Parse((string)ReadManifest()["ModuleVersion"]!);

        foreach (var dll in new[] { "DeepSeekHw.dll", "DeepSeekHw.Core.dll" })
        {
            var name = System.Reflection.AssemblyName.GetAssemblyName(Path.Combine(RepoPaths.ModuleDirectory, dll));
            Assert.Equal(version, new Version(name.Version!.Major, name.Version.Minor, name.Version.Build));
        }
    }

    [Fact]
    public void Module_ships_no_copy_of_host_assemblies_and_the_core_never_references_PowerShell()
    {
        var shipped = Directory.GetFiles(RepoPaths.ModuleDirectory, "*.dll", SearchOption.AllDirectories).Select(Path.GetFileName).ToList();

        Assert.Equal(new[] { "DeepSeekHw.Core.dll", "DeepSeekHw.dll" }, shipped.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(References("DeepSeekHw.Core.dll"), r => r.StartsWith("System.Management", StringComparison.Ordinal) || r.StartsWith("Microsoft.Management", StringComparison.Ordinal));
        Assert.Contains("netstandard", References("DeepSeekHw.dll"));
        Assert.Contains("netstandard", References("DeepSeekHw.Core.dll"));
    }

    private static List<string> References(string dll)
    {
        using var stream = File.OpenRead(Path.Combine(RepoPaths.ModuleDirectory, dll));
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        return reader.AssemblyReferences.Select(h => reader.GetString(reader.GetAssemblyReference(h).Name)).ToList();
    }
}
