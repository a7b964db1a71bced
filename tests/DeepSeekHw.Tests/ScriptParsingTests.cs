using System.Management.Automation.Language;

namespace DeepSeekHw.Tests;

/// <summary>Every PowerShell file in the repository parses with the real parser, so none ships broken.</summary>
public sealed class ScriptParsingTests
{
    public static TheoryData<string> ScriptFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in FindScripts())
        {
            data.Add(file);
        }

        return data;
    }

    private static List<string> FindScripts()
    {
        var found = new List<string>();
        var skip = new[] { "bin", "obj", "out", ".git", "node_modules" };
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Root, "*.*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".ps1", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".psm1", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".psd1", StringComparison.OrdinalIgnoreCase))
                     .Where(f => !Path.GetRelativePath(RepoPaths.Root, f).Split(Path.DirectorySeparatorChar).Any(skip.Contains)))
        {
            found.Add(Path.GetRelativePath(RepoPaths.Root, file));
        }

        return found;
    }

    [Fact]
    public void The_repository_has_scripts_to_parse()
    {
        var files = FindScripts();

        Assert.Contains("build.ps1", files);
        Assert.Contains("module/DeepSeekHw.psd1", files);
    }

    [Theory]
    [MemberData(nameof(ScriptFiles))]
    public void Parses_without_errors(string relativePath)
    {
        Parser.ParseFile(Path.Combine(RepoPaths.Root, relativePath), out _, out var errors);

        Assert.Empty(errors.Select(e => e.Extent.StartLineNumber + ": " + e.Message));
    }
}
