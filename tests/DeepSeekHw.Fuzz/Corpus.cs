using System.Text;
using DeepSeekHw.Collection;
using DeepSeekHw.Facts;

namespace DeepSeekHw.Fuzz;

/// <summary>A seed input: where it came from, and how a (mutated) text becomes what the product reads.</summary>
internal sealed record Seed(string Name, string Text, Func<string, FuzzInput> Wrap);

/// <summary>What one fuzz case feeds the product: a bundle to interpret, bundle JSON to read, or a catalog to read.</summary>
internal abstract record FuzzInput;

internal sealed record BundleInput(FactBundle Bundle) : FuzzInput;

internal sealed record BundleJsonInput(string Json) : FuzzInput;

internal sealed record CatalogJsonInput(string Json) : FuzzInput;

/// <summary>Every real capture in tests/fixtures, the replayable bundles, and the built-in catalogs, each tied to the reader that takes it.</summary>
internal static class Corpus
{
    // Which source a capture directory is recorded under: the product reads it exactly as from a live machine.
    private static readonly Dictionary<string, string> SourceOfDirectory = new(StringComparer.Ordinal)
    {
        ["nvidia-smi-xml"] = FactSourceIds.NvidiaSmiXml,
        ["nvidia-smi-topo"] = FactSourceIds.NvidiaSmiTopology,
        ["rocm-smi"] = FactSourceIds.RocmSmiJson,
        ["amd-smi"] = FactSourceIds.AmdSmiStatic,
        ["lspci"] = FactSourceIds.Lspci,
        ["lscpu"] = FactSourceIds.Lscpu,
        ["lsblk"] = FactSourceIds.Lsblk,
        ["proc-cpuinfo"] = FactSourceIds.CpuInfo,
        ["proc-meminfo"] = FactSourceIds.MemInfo,
        ["os-release"] = FactSourceIds.OsRelease,
        ["nvcc-version"] = FactSourceIds.Nvcc,
        ["proc-driver-nvidia-version"] = FactSourceIds.NvidiaDriverVersionFile,
    };

    private static readonly (string Prefix, string Id)[] CimClasses =
    {
        ("win32-computersystem", FactSourceIds.CimComputerSystem), ("win32-diskdrive", FactSourceIds.CimDiskDrive),
        ("win32-processor", FactSourceIds.CimProcessor), ("win32-videocontroller", FactSourceIds.CimVideoController),
        ("win32-operatingsystem", FactSourceIds.CimOperatingSystem), ("win32-physicalmemory", FactSourceIds.CimPhysicalMemory),
        ("msft-physicaldisk", FactSourceIds.CimPhysicalDisk),
    };

    public static List<Seed> Load(string repoRoot)
    {
        var fixtures = Path.Combine(repoRoot, "tests", "fixtures");
        var seeds = new List<Seed>();
        // Some parsers only run beside others (the topology needs two NVIDIA GPUs): those seeds bring an unmutated companion.
        var eightGpus = new FactSource(FactSourceIds.NvidiaSmiXml) { Output = Replicate(ReadText(Path.Combine(fixtures, "nvidia-smi-xml", "rtx-4090-drv535.xml")), 8), ExitCode = 0 };
        foreach (var (directory, sourceId) in SourceOfDirectory)
        {
            foreach (var file in Files(fixtures, directory))
            {
                var id = sourceId;
                var companions = id == FactSourceIds.NvidiaSmiTopology ? new[] { eightGpus } : Array.Empty<FactSource>();
                seeds.Add(new Seed(directory + "/" + Path.GetFileName(file), ReadText(file), text => new BundleInput(Bundle("Linux", companions.Append(new FactSource(id) { Output = text, ExitCode = 0 }).ToArray()))));
            }
        }

        foreach (var file in Files(fixtures, "sys-block").Concat(Files(fixtures, "sys-class")))
        {
            seeds.Add(new Seed(Path.GetFileName(Path.GetDirectoryName(file))! + "/" + Path.GetFileName(file), ReadText(file), text => new BundleInput(Bundle("Linux", Sysfs(text)))));
        }

        foreach (var file in Files(fixtures, "windows-cim").Concat(Files(fixtures, "windows-wmic")))
        {
            var name = Path.GetFileName(file);
            var id = CimClasses.FirstOrDefault(c => name.StartsWith(c.Prefix, StringComparison.Ordinal)).Id ?? FactSourceIds.CimProcessor;
            var json = name.EndsWith(".json", StringComparison.Ordinal) ? ReadText(file) : CimJson(ReadText(file));
            seeds.Add(new Seed("cim/" + name, json, text => new BundleInput(Bundle("Windows", new FactSource(id) { Output = text }))));
        }

        foreach (var file in Files(fixtures, "bundles"))
        {
            seeds.Add(new Seed("bundles/" + Path.GetFileName(file), ReadText(file), text => new BundleJsonInput(text)));
        }

        foreach (var file in new[] { "models.json", "gpus.json" })
        {
            var path = Path.Combine(repoRoot, "src", "DeepSeekHw.Core", "Catalog", "Data", file);
            seeds.Add(new Seed("catalog/" + file, ReadText(path), text => new CatalogJsonInput(text)));
        }

        return seeds;
    }

    public static FactBundle Bundle(string platform, params FactSource[] sources)
    {
        var bundle = new FactBundle { ComputerName = "fuzz", Platform = platform, CollectedAt = DateTimeOffset.UnixEpoch };
        foreach (var source in sources)
        {
            bundle.Add(source);
        }

        return bundle;
    }

    // An nvidia-smi -q -x document with its one <gpu> element repeated: an n-GPU machine from a one-GPU capture.
    private static string Replicate(string xml, int count)
    {
        var start = xml.IndexOf("<gpu ", StringComparison.Ordinal);
        var end = xml.IndexOf("</gpu>", StringComparison.Ordinal) + "</gpu>".Length;
        return xml[..start] + string.Concat(Enumerable.Repeat(xml[start..end] + "\n", count)) + xml[end..];
    }

    private static IEnumerable<string> Files(string fixtures, string directory)
    {
        var path = Path.Combine(fixtures, directory);
        return Directory.Exists(path) ? Directory.GetFiles(path).OrderBy(f => f, StringComparer.Ordinal) : Enumerable.Empty<string>();
    }

    // Captures are UTF-8, or UTF-16 as Windows tools write them.
    private static string ReadText(string path)
    {
        var bytes = File.ReadAllBytes(path);
        return bytes.Length >= 2 && bytes[1] == 0 && bytes[0] != 0 ? Encoding.Unicode.GetString(bytes).TrimStart('\uFEFF') : new UTF8Encoding(false).GetString(bytes).TrimStart('\uFEFF');
    }

    // "path:value" lines (an assembled sysfs listing) as one source per file, as the collector records them.
    private static FactSource[] Sysfs(string listing)
    {
        var sources = new Dictionary<string, FactSource>(StringComparer.Ordinal);
        foreach (var line in listing.Split('\n'))
        {
            var slash = line.LastIndexOf('/', Math.Max(0, (line.IndexOfAny(new[] { ' ', '\t' }) is var s && s >= 0 ? s : line.Length) - 1));
            var colon = slash < 0 ? -1 : line.IndexOf(':', slash);
            if (line.StartsWith('/') && colon > 0)
            {
                sources.TryAdd(line[..colon], new FactSource(line[..colon]) { Output = line[(colon + 1)..].Trim() + "\n" });
            }
        }

        return sources.Values.ToArray();
    }

    // "Key : Value" or "Key=Value" instances separated by blank lines, as the JSON array a cim: source holds.
    private static string CimJson(string text)
    {
        var instances = new List<List<KeyValuePair<string, object?>>> { new() };
        foreach (var line in text.Replace("\r\n", "\n").Split('\n').Select(l => l.TrimEnd()))
        {
            var split = line.IndexOf(" : ", StringComparison.Ordinal) is var colon && colon > 0 ? colon : line.IndexOf('=');
            if (line.Length == 0)
            {
                instances.Add(new());
            }
            else if (split > 0 && !char.IsWhiteSpace(line[0]))
            {
                instances[^1].Add(new(line[..split].Trim(), line[(split + (line[split] == '=' ? 1 : 3))..].Trim()));
            }
        }

        return CimRecording.ToJson(instances.Where(i => i.Count > 0));
    }
}
