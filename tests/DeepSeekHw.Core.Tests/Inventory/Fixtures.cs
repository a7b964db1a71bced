using System.IO;
using System.Text;
using DeepSeekHw.Catalog;
using DeepSeekHw.Collection;
using DeepSeekHw.Facts;
using DeepSeekHw.Inventory;

namespace DeepSeekHw.Core.Tests.Inventory;

/// <summary>Real captures under tests/fixtures (bytes as captured; SOURCES.csv says where each came from).</summary>
internal static class Fixtures
{
    public static string Root { get; } = FindRoot();

    /// <summary>The capture as text: UTF-8, or UTF-16 with or without a byte-order mark, as Windows tools write it.</summary>
    public static string Text(string relative)
    {
        var bytes = System.IO.File.ReadAllBytes(Path.Combine(Root, relative));
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        }

        if (bytes.Length >= 2 && bytes[1] == 0 && bytes[0] != 0)
        {
            return Encoding.Unicode.GetString(bytes);
        }

        return new UTF8Encoding(false).GetString(bytes).TrimStart('\uFEFF');
    }

    public static FactSource Source(string id, string output, int? exitCode = null) =>
        new(id) { Output = output, ExitCode = exitCode };

    public static FactBundle Bundle(string platform, params FactSource[] sources)
    {
        var bundle = new FactBundle { ComputerName = "fixture", Platform = platform, CollectedAt = new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero) };
        foreach (var source in sources)
        {
            bundle.Add(source);
        }

        return bundle;
    }

    public static HardwareInventory Linux(params FactSource[] sources) => InventoryParser.Interpret(Bundle("Linux", sources), DeepSeekCatalog.Builtin);

    public static HardwareInventory Windows(params FactSource[] sources) => InventoryParser.Interpret(Bundle("Windows", sources), DeepSeekCatalog.Builtin);

    /// <summary>A command's output recorded under its source id, as the collector would (exit code 0).</summary>
    public static FactSource Command(string id, string fixture) => Source(id, Text(fixture), 0);

    /// <summary>A file's content recorded under its path.</summary>
    public static FactSource File(string id, string fixture) => Source(id, Text(fixture));

    /// <summary>
    /// An "ASSEMBLED" sysfs listing (one "path:value" line per file) as the one-source-per-file bundle the collector
    /// writes. Paths may hold colons (/sys/devices/pci0000:a2/...), so the value starts at the first ':' after the last
    /// '/' that comes before any white space.
    /// </summary>
    public static FactSource[] SysfsListing(string fixture)
    {
        var sources = new Dictionary<string, FactSource>();
        foreach (var line in Text(fixture).Split('\n'))
        {
            var colon = line.IndexOf(':', FirstColonAfterPath(line));
            if (!line.StartsWith('/') || colon < 0)
            {
                continue;
            }

            var path = line[..colon];
            sources.TryAdd(path, Source(path, line[(colon + 1)..].Trim() + "\n"));
        }

        return sources.Values.ToArray();
    }

    /// <summary>
    /// CIM instances captured as Format-List ("Key : Value") or wmic /format:list ("Key=Value") text, as the JSON array of
    /// property maps a cim: source holds. Instances are separated by blank lines.
    /// </summary>
    public static FactSource Cim(string id, string fixture)
    {
        var text = Text(fixture);
        var instances = new List<List<KeyValuePair<string, object?>>>();
        var current = new List<KeyValuePair<string, object?>>();
        foreach (var raw in text.Replace("\r\n", "\n").Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.Length == 0)
            {
                if (current.Count > 0)
                {
                    instances.Add(current);
                    current = new List<KeyValuePair<string, object?>>();
                }

                continue;
            }

            var equals = line.IndexOf('=');
            var colon = line.IndexOf(" : ", StringComparison.Ordinal);
            var split = colon > 0 && (equals < 0 || colon < equals) ? colon : equals;
            if (split <= 0 || char.IsWhiteSpace(line[0]))
            {
                continue; // a wrapped continuation line
            }

            var key = line[..split].Trim();
            var value = line[(split + (split == colon ? 3 : 1))..].Trim().Replace("&amp;", "&");
            current.Add(new KeyValuePair<string, object?>(key, value.Length == 0 ? null : value));
        }

        if (current.Count > 0)
        {
            instances.Add(current);
        }

        return Source(id, CimRecording.ToJson(instances));
    }

    private static int FirstColonAfterPath(string line)
    {
        if (line.Length == 0)
        {
            return 0;
        }

        var space = line.IndexOfAny(new[] { ' ', '\t' });
        var searchEnd = space < 0 ? line.Length - 1 : space;
        return Math.Max(0, line.LastIndexOf('/', Math.Max(0, searchEnd)));
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "fixtures");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("tests/fixtures not found above " + AppContext.BaseDirectory);
    }
}
