using System.Globalization;
using System.IO;
using DeepSeekHw.Catalog;
using DeepSeekHw.Core.Tests.Inventory;
using DeepSeekHw.Sizing;

namespace DeepSeekHw.Core.Tests.Sizing;

/// <summary>docs/accuracy.md is a test: every row is recomputed, must match the document and stay within its tolerance.</summary>
public sealed class AccuracyDocumentTests
{
    private static IEnumerable<string[]> Rows(string table)
    {
        var lines = File.ReadAllLines(Path.Combine(Fixtures.Root, "..", "..", "docs", "accuracy.md"));
        var start = Array.FindIndex(lines, l => l.Trim() == "<!-- accuracy: " + table + " -->");
        Assert.True(start >= 0, "docs/accuracy.md has no table '" + table + "'.");
        return lines.Skip(start + 3).TakeWhile(l => l.StartsWith('|')).Select(l => l.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray());
    }

    public static TheoryData<string> GgufRows()
    {
        var data = new TheoryData<string>();
        foreach (var row in Rows("gguf-weight-bytes"))
        {
            data.Add(string.Join("|", row));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(GgufRows))]
    public void Gguf_weight_bytes_match_published_files_within_two_percent(string row)
    {
        var cells = row.Split('|');
        var (model, type) = (cells[0], Enum.Parse<WeightPrecision>(cells[1]));
        var published = long.Parse(cells[2], NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        var documented = long.Parse(cells[3], NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

        var ours = SizingEngine.Estimate(new SizingRequest(DeepSeekCatalog.Builtin.FindModel(model)!) { Precision = type, Engine = "llama.cpp", ContextLength = 512 }).WeightBytes;
        var error = (ours - published) * 100.0 / published;

        Assert.Equal(documented, ours);
        Assert.InRange(double.Parse(cells[4].TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture) - error, -0.006, 0.006);
        Assert.InRange(error, -2, 2);
    }

    [Fact]
    public void The_gguf_table_covers_dense_and_moe_models_and_several_types()
    {
        var rows = Rows("gguf-weight-bytes").ToList();
        Assert.True(rows.Count >= 15);
        Assert.Contains(rows, r => r[0] == "DeepSeek-Coder-V2-Lite");
        Assert.True(rows.Select(r => r[1]).Distinct().Count() >= 6);
    }
}
