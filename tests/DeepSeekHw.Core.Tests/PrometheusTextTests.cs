using DeepSeekHw.Reports;

namespace DeepSeekHw.Core.Tests;

public sealed class PrometheusTextTests
{
    [Fact]
    public void Label_values_are_escaped_and_control_characters_never_reach_the_file()
    {
        var metrics = new PrometheusText();
        metrics.AddCheck(new ReadinessCheck { ComputerName = "gpu\"01\\a\nb", Target = "t", Model = "M", CheckId = "GPU.Memory", Category = "GPU", Status = ReadinessStatus.Fail });

        var text = metrics.Write(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));

        Assert.Contains("computer=\"gpu\\\"01\\\\a b\"", text, StringComparison.Ordinal);
        Assert.Contains("check=\"GPU.Memory\",category=\"GPU\"} 2\n", text, StringComparison.Ordinal);
        Assert.EndsWith("deepseekhw_last_run_timestamp_seconds 1700000000\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_family_has_one_help_and_type_and_its_samples_together()
    {
        var metrics = new PrometheusText();
        foreach (var computer in new[] { "b", "a" })
        {
            metrics.AddSummary(new ReadinessSummary { ComputerName = computer, Target = "t", Model = "M", Verdict = ReadinessVerdict.Undetermined, BlockingChecks = new[] { "Driver.CudaCompatibility" } });
            metrics.AddInventory(new HardwareInventory { ComputerName = computer, Gpus = new[] { new GpuDevice { Index = 0, Name = "NVIDIA H100 80GB HBM3", MemoryTotalBytes = 85520809984 } } });
        }

        var lines = metrics.Write(DateTimeOffset.UnixEpoch).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(lines.Count(l => l.StartsWith("# TYPE", StringComparison.Ordinal)), lines.Where(l => l.StartsWith("# TYPE", StringComparison.Ordinal)).Distinct().Count());
        var families = lines.Where(l => !l.StartsWith('#')).Select(l => l[..l.IndexOfAny(new[] { '{', ' ' })]).ToList();
        Assert.Equal(families.Distinct().Count(), families.Select((f, i) => i == 0 || families[i - 1] != f ? 1 : 0).Sum()); // contiguous
        Assert.Contains("deepseekhw_ready{computer=\"a\",model=\"M\",target=\"t\"} 0", lines);
        Assert.Contains("deepseekhw_verdict{computer=\"a\",model=\"M\",target=\"t\",verdict=\"Undetermined\"} 1", lines);
        Assert.Contains("deepseekhw_gpu_memory_bytes{computer=\"b\",index=\"0\",name=\"NVIDIA H100 80GB HBM3\"} 85520809984", lines);
    }

    [Fact]
    public void Every_status_has_a_value()
    {
        Assert.All(Enum.GetValues<ReadinessStatus>(), s => Assert.True(PrometheusText.StatusValues.ContainsKey(s)));
    }
}
