using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using DeepSeekHw.Collection;
using DeepSeekHw.Facts;
using DeepSeekHw.Inventory;

namespace DeepSeekHw.Core.Tests.Inventory;

/// <summary>
/// The sources table is the only place a command is written: each row produces exactly its id, the invocation is the id,
/// every id the parsers know has a row, and a parser reads every row.
/// </summary>
public class FactSourceTableTests
{
    public static TheoryData<string> Platforms => new() { "Linux", "Windows" };

    // A probe's text is pinned by its versioned name: editing it without a new file name would make recorded ids lie.
    private static readonly Dictionary<string, string> ProbeHashes = new()
    {
        ["python-packages.v1.py"] = "cf96856a890a8dfee8fdeb1e1431921118bf36fa5dd5d5787f96803f8ef8d73f",
    };

    [Theory]
    [MemberData(nameof(Platforms))]
    public void Ids_are_unique_and_each_names_the_parser_that_reads_it(string platform)
    {
        var table = FactSourceTable.For(platform);

        Assert.Equal(table.Count, table.Select(r => r.Id).Distinct(StringComparer.Ordinal).Count());
        var parsers = typeof(InventoryParser).Assembly.GetTypes().Where(t => t.Namespace == "DeepSeekHw.Inventory").Select(t => t.Name).ToHashSet();
        Assert.All(table, r => Assert.Contains(r.Reader, parsers));
        Assert.Contains(table, r => r.IsGpuTool && r.ToolName == "nvidia-smi"); // the GPU tools whose state decides "no GPU"
        Assert.All(table.Where(r => r.IsGpuTool), r => Assert.Equal(FactSourceKind.Command, r.Kind));
    }

    [Theory]
    [MemberData(nameof(Platforms))]
    public void A_commands_invocation_is_its_id(string platform)
    {
        foreach (var row in FactSourceTable.For(platform).Where(r => r.Kind == FactSourceKind.Command))
        {
            Assert.Equal(row.Id, string.Join(" ", new[] { row.Executable! }.Concat(row.Arguments)));
            Assert.DoesNotContain(row.Arguments, a => a.Length == 0);
        }

        foreach (var row in FactSourceTable.For(platform).Where(r => r.Kind == FactSourceKind.PythonProbe))
        {
            Assert.Equal(row.Id, string.Join(" ", new[] { row.Executable! }.Concat(row.Arguments)) + " <" + row.Script + ">");
            var text = FactSourceTable.ReadScript(row.Script!);
            Assert.Equal(ProbeHashes[row.Script!], Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant());
        }
    }

    [Fact]
    public void Every_id_the_parsers_know_has_exactly_one_row()
    {
        var rows = FactSourceTable.Linux.Concat(FactSourceTable.Windows).ToList();
        var ids = typeof(FactSourceIds).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (f.Name, Value: (string)f.GetRawConstantValue()!)).ToList();

        foreach (var (name, value) in ids)
        {
            if (name.EndsWith("Prefix", StringComparison.Ordinal) || name.StartsWith("PythonProbePrefix", StringComparison.Ordinal))
            {
                Assert.True(rows.Any(r => r.Id.StartsWith(value, StringComparison.Ordinal)), name + " prefixes no row");
            }
            else
            {
                Assert.True(rows.Count(r => r.Id == value) == 1, name + " (" + value + ") must have exactly one row");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Platforms))]
    public void Collecting_the_table_produces_each_id_once_and_nothing_else(string platform)
    {
        var table = FactSourceTable.For(platform);
        var options = new CollectorOptions { Timeout = TimeSpan.FromSeconds(15), Cim = (ns, cls) => "[]" };

        var sources = FactCollector.Run(table, options).ToList();

        Assert.All(sources, s => Assert.Single(table, r => r.Produces(s.Id)));
        foreach (var row in table.Where(r => r.Kind != FactSourceKind.FileTree))
        {
            var produced = sources.Count(s => s.Id == row.Id);
            Assert.True(row.OnlyWhenMissing is null ? produced == 1 : produced <= 1, row.Id + " was produced " + produced + " times");
        }
    }

    [Theory]
    [MemberData(nameof(Platforms))]
    public void A_parser_reads_every_row(string platform)
    {
        // Every source recorded but missing: parsers then follow every fallback (uname after the arch file, and so on).
        var bundle = new FactBundle { Platform = platform, ComputerName = "table-test" };
        foreach (var row in FactSourceTable.For(platform))
        {
            foreach (var id in row.Kind == FactSourceKind.FileTree ? row.Files.Select(f => Instance(row.Id) + f) : new[] { row.Id })
            {
                bundle.Add(new FactSource(id) { Status = FactSourceStatus.Absent });
            }
        }

        var reads = new HashSet<string>(StringComparer.Ordinal);
        bundle.Reads = reads;
        InventoryParser.Parse(bundle);

        Assert.All(bundle.Sources, s => Assert.True(reads.Contains(s.Id) || reads.Any(prefix => s.Id.StartsWith(prefix, StringComparison.Ordinal)), s.Id + " is read by no parser"));
    }

    [Fact]
    public void A_tree_pattern_matches_its_directories_and_skips_excluded_names()
    {
        var block = Assert.Single(FactSourceTable.Linux, r => r.Id == FactSourceIds.BlockPrefix + "*/");
        var edac = Assert.Single(FactSourceTable.Linux, r => r.Id == FactSourceIds.EdacPrefix + "mc*/");

        Assert.True(block.Produces("/sys/block/nvme0n1/queue/rotational"));
        Assert.False(block.Produces("/sys/block/loop0/size"));
        Assert.False(block.Produces("/sys/block/nvme0n1/stat"));
        Assert.True(edac.Produces("/sys/devices/system/edac/mc/mc0/mc_name"));
        Assert.False(edac.Produces("/sys/devices/system/edac/mc/power/mc_name"));
    }

    // A concrete directory for a pattern: "/sys/class/infiniband/*/ports/*/" -> ".../x0/ports/x0/", "mc*" -> "mc0".
    private static string Instance(string pattern) =>
        string.Join("/", pattern.Split('/').Select(s => s == "*" ? "x0" : s.EndsWith('*') ? s.TrimEnd('*') + "0" : s));
}
