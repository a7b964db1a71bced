using System.Text.Json;

namespace DeepSeekHw.Tests;

/// <summary>
/// The one way cmdlet tests build a facts@1 file from recorded outputs. Written as JSON here rather than with the core's
/// writer: the module must be the only copy of DeepSeekHw.Core loaded in the test process.
/// </summary>
internal static class BundleFile
{
    public static string Write(string directory, string computerName, params (string Id, string Output)[] sources)
    {
        var bundle = new Dictionary<string, object>
        {
            ["schema"] = "deepseekhw/facts@1",
            ["computerName"] = computerName,
            ["collectedAt"] = "2026-11-24T00:00:00Z",
            ["platform"] = "Linux",
            ["collector"] = new { name = "DeepSeekHw", version = "test" },
            ["sources"] = sources.ToDictionary(s => s.Id, s => (object)new { status = "ok", exitCode = 0, output = s.Output }),
        };
        var path = Path.Combine(directory, computerName + ".facts.json");
        File.WriteAllText(path, JsonSerializer.Serialize(bundle));
        return path;
    }

    /// <summary>A capture under tests/fixtures, as text.</summary>
    public static string Fixture(params string[] relative) => File.ReadAllText(Path.Combine(new[] { RepoPaths.Root, "tests", "fixtures" }.Concat(relative).ToArray()));
}
