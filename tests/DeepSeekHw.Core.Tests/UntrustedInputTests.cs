using System.Diagnostics;
using System.Globalization;
using DeepSeekHw.Catalog;
using DeepSeekHw.Collection;
using DeepSeekHw.Core.Tests.Inventory;
using DeepSeekHw.Facts;
using DeepSeekHw.Inventory;
using DeepSeekHw.Sizing;

namespace DeepSeekHw.Core.Tests;

/// <summary>
/// The defects an adversarial review found (issue 11), each reproduced with its original input: bundles, tool output
/// and requests are untrusted, and none of them may throw, wrap, leak or hang.
/// </summary>
public sealed class UntrustedInputTests
{
    private static bool Posix => !OperatingSystem.IsWindows();

    // 1. One bad bundle ends the run: int.Parse overflows escaped from three parsers.
    [Theory]
    [InlineData(FactSourceIds.RocmSmiJson, "{\"card99999999999\": {\"Card Series\": \"MI300X\", \"VRAM Total Memory (B)\": \"206141652992\"}, \"card0\": {\"Card Series\": \"MI300X\", \"VRAM Total Memory (B)\": \"206141652992\"}}")]
    [InlineData(FactSourceIds.AmdSmiStatic, "GPU: 99999999999\n    ASIC:\n        MARKET_NAME: MI300X\nGPU: 0\n    ASIC:\n        MARKET_NAME: MI300X\n    VRAM:\n        SIZE: 196592 MB\n")]
    public void An_index_past_int_is_a_warning_and_the_other_GPUs_still_read(string sourceId, string output)
    {
        var inventory = Fixtures.Linux(Fixtures.Source(sourceId, output, 0));

        var gpu = Assert.Single(inventory.Gpus);
        Assert.Equal(GpuVendor.AMD, gpu.Vendor);
        Assert.Contains(inventory.Warnings.Texts(), w => w.StartsWith(sourceId, StringComparison.Ordinal) && w.Contains("99999999999", StringComparison.Ordinal));
    }

    [Fact]
    public void A_topology_label_or_link_count_past_int_is_a_warning()
    {
        var xml = Fixtures.Text("nvidia-smi-xml/rtx-4090-drv535.xml");
        var start = xml.IndexOf("<gpu ", StringComparison.Ordinal);
        var end = xml.IndexOf("</gpu>", StringComparison.Ordinal) + "</gpu>".Length;
        var two = xml[..start] + xml[start..end] + xml[start..end] + xml[end..];
        const string Topology = "\tGPU0\tGPU99999999999\tCPU Affinity\nGPU0\t X \tNV99999999999\t0-31\nGPU99999999999\tNV4\t X \t0-31\n";

        var inventory = Fixtures.Linux(Fixtures.Source(FactSourceIds.NvidiaSmiXml, two, 0), Fixtures.Source(FactSourceIds.NvidiaSmiTopology, Topology, 0));

        Assert.Equal(2, inventory.Gpus.Length);
        Assert.Contains(inventory.Warnings.Texts(), w => w.StartsWith(FactSourceIds.NvidiaSmiTopology, StringComparison.Ordinal) && w.Contains("GPU label", StringComparison.Ordinal));
    }

    // 2. Sizing said "fits" when it could not: absurd facts and requests wrapped to negative sizes.
    [Fact]
    public void Memory_past_64_bits_is_unknown_not_negative()
    {
        var inventory = Fixtures.Linux(Fixtures.Source(FactSourceIds.MemInfo, "MemTotal:       9223372036854775807 kB\nMemAvailable:   1024 kB\n"));

        Assert.Null(inventory.Memory.TotalBytes);
        Assert.Equal(1024 * 1024, inventory.Memory.AvailableBytes);
        Assert.Contains(inventory.Warnings.Texts(), w => w.StartsWith(FactSourceIds.MemInfo + ": MemTotal", StringComparison.Ordinal));
    }

    [Fact]
    public void A_huge_disk_and_link_speed_are_unknown_not_negative()
    {
        var inventory = Fixtures.Linux(
            Fixtures.Source(FactSourceIds.BlockPrefix + "nvme0n1/size", "99999999999999999"),
            Fixtures.Source(FactSourceIds.NetPrefix + "eth0/speed", "99999999999999"),
            Fixtures.Source(FactSourceIds.NetPrefix + "eth0/type", "1"));

        Assert.Null(Assert.Single(inventory.Storage.Devices).SizeBytes);
        Assert.Null(Assert.Single(inventory.Network).SpeedBitsPerSecond);
        Assert.Equal(2, inventory.Warnings.Texts().Count(w => w.Contains("outside 0 to", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_request_past_what_any_engine_serves_is_refused_and_the_largest_allowed_one_does_not_fit()
    {
        var v3 = DeepSeekCatalog.Builtin.FindModel("DeepSeek-V3")!;
        var h100 = DeepSeekCatalog.Builtin.FindGpu("H100-SXM")!;

        var refused = Assert.Throws<SizingException>(() => SizingEngine.Estimate(new SizingRequest(v3) { Gpu = h100, GpuCount = 8, Concurrency = int.MaxValue, ContextLength = 163840, Workload = SizingWorkload.FullFineTune }));
        var largest = SizingEngine.Estimate(new SizingRequest(v3) { Gpu = h100, GpuCount = 8, Concurrency = SizingEngine.MaxConcurrency, ContextLength = 163840, Workload = SizingWorkload.FullFineTune });
        var inference = SizingEngine.Estimate(new SizingRequest(v3) { Gpu = h100, GpuCount = 8, Concurrency = SizingEngine.MaxConcurrency, ContextLength = 163840 });

        Assert.Equal(SizingErrorIds.InvalidConcurrency, refused.ErrorId);
        Assert.All(new[] { largest, inference }, e =>
        {
            Assert.False(e.Fits);
            Assert.True(e.PerGpuBytes > 0 && e.TotalBytes > 0 && e.KvCacheBytes >= 0);
            Assert.True(e.MaxConcurrency is null or >= 0);
        });
        Assert.Throws<SizingException>(() => SizingEngine.Estimate(new SizingRequest(v3) { Gpu = h100, ContextLength = SizingEngine.MaxContextLength + 1, Force = true }));
    }

    // 3. Secrets left the machine: process command lines, serials, UUIDs, home paths.
    [Fact]
    public void Redaction_removes_planted_secrets_and_identifiers_before_anything_is_kept()
    {
        const string Planted = "hf_AbCdEfGhIjKlMnOpQrStUvWxYz012345";
        var xml = Fixtures.Text("nvidia-smi-xml/rtx-4090-drv535.xml")
            .Replace("<processes>", "<processes><process_info><pid>4242</pid><process_name>python serve.py --hf-token=" + Planted + " --model /home/alice/models/r1</process_name></process_info>", StringComparison.Ordinal);
        var sources = new[]
        {
            new FactSource(FactSourceIds.NvidiaSmiXml) { Output = xml, ExitCode = 0 },
            new FactSource(FactSourceIds.RocmSmiJson) { Output = Fixtures.Text("rocm-smi/mi100-x6-rocm5.7.1-multi-flags.json"), ExitCode = 0 },
            new FactSource(FactSourceIds.AmdSmiStatic) { Output = Fixtures.Text("amd-smi/mi300a-x4-static-text.txt"), ExitCode = 0 },
            new FactSource(FactSourceIds.DiskFree) { Output = "Filesystem 1B-blocks Used Available Capacity Mounted on\n/dev/sdb1 1000 10 990 1% /home/alice/data\n", ExitCode = 0 },
            new FactSource(FactSourceIds.CimComputerSystem) { Output = "[{\"Name\": \"GPU01\", \"UserName\": \"CORP\\\\alice\", \"PrimaryOwnerName\": \"Alice Smith\", \"TotalPhysicalMemory\": 68719476736}]" },
            new FactSource(FactSourceIds.CimNetworkAdapter) { Output = "[{\"Name\": \"Ethernet\", \"MacAddress\": \"00-15-5D-01-02-03\", \"NetworkAddresses\": [\"00155D010203\"]}]" },
            new FactSource(FactSourceIds.Nvcc) { Status = FactSourceStatus.Failed, Error = "cannot open /home/alice/.cache/x: AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG token=abc123" },
        };

        var redacted = sources.Select(FactRedaction.Redact).ToList();
        var text = string.Join("\n", redacted.Select(s => s.Output + "\n" + s.Error));

        foreach (var secret in new[] { Planted, "serve.py", "alice", "Alice Smith", "00-15-5D-01-02-03", "00155D010203", "wJalrXUtnFEMI", "abc123", "0x7E8F7E20764E2714", "GPU-" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }

        var inventory = Fixtures.Linux(redacted.Where(s => !s.Id.StartsWith("cim:", StringComparison.Ordinal)).ToArray());
        Assert.Contains(inventory.Gpus, g => g.Vendor == GpuVendor.NVIDIA && g.MemoryTotalBytes > 20L << 30); // what sizing needs survives
        Assert.All(inventory.Gpus.Where(g => g.Uuid != null), g => Assert.StartsWith("hashed-", g.Uuid, StringComparison.Ordinal));
        Assert.Equal("/home/user/data", Assert.Single(inventory.Storage.Volumes).MountPoint);
    }

    [Fact]
    public void The_same_identifier_hashes_the_same_so_GPUs_stay_distinguishable()
    {
        Assert.Equal(FactRedaction.Hash("GPU-1"), FactRedaction.Hash("GPU-1"));
        Assert.NotEqual(FactRedaction.Hash("GPU-1"), FactRedaction.Hash("GPU-2"));
    }

    // 4. Terminal escape injection through names and tool errors.
    [Fact]
    public void Control_characters_from_a_bundle_never_reach_a_property()
    {
        var bundle = Fixtures.Bundle("Linux", Fixtures.Source(FactSourceIds.RocmSmiJson, "{\"card0\": {\"Card Series\": \"MI300X\\u001b]0;owned\\u0007\\u001b[2J\\u009b31m\", \"VRAM Total Memory (B)\": \"206141652992\"}}", 0),
            new FactSource(FactSourceIds.Lspci) { ExitCode = 1, Output = "\u001b[2Jboom" });
        bundle.ComputerName = "gpu01\u001b]2;title\u0007";

        var inventory = InventoryParser.Interpret(bundle, DeepSeekCatalog.Builtin);

        var everything = string.Join("|", new[] { inventory.ComputerName, inventory.Gpus[0].Name }.Concat(inventory.Warnings.Texts()));
        Assert.DoesNotContain(everything, c => char.IsControl(c));
        Assert.StartsWith("gpu01?]2;title?", inventory.ComputerName, StringComparison.Ordinal);
    }

    // 5. Slow input: duplicate keys, deep XML, many unknown GPU names.
    [Fact]
    public void Five_megabytes_of_duplicate_source_keys_read_in_linear_time()
    {
        var json = new System.Text.StringBuilder("{\"schema\": \"deepseekhw/facts@1\", \"computerName\": \"x\", \"sources\": {");
        for (var i = 0; i < 100_000; i++)
        {
            json.Append(i == 0 ? string.Empty : ", ").Append(CultureInfo.InvariantCulture, $"\"k{i % 50_000}\": {{\"output\": \"0123456789\"}}");
        }

        json.Append("}}");
        var watch = Stopwatch.StartNew();
        var bundle = FactBundleJson.Read(json.ToString());

        Assert.Equal(50_000, bundle.Sources.Count);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), "reading took " + watch.Elapsed);
    }

    [Fact]
    public void Deeply_nested_XML_is_refused_at_once()
    {
        var xml = "<nvidia_smi_log>" + string.Concat(Enumerable.Repeat("<a>", 200_000)) + string.Concat(Enumerable.Repeat("</a>", 200_000)) + "</nvidia_smi_log>";
        var watch = Stopwatch.StartNew();

        var inventory = Fixtures.Linux(Fixtures.Source(FactSourceIds.NvidiaSmiXml, xml, 0));

        Assert.Empty(inventory.Gpus);
        Assert.Contains(inventory.Warnings.Texts(), w => w.Contains("nests deeper than", StringComparison.Ordinal));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), "parsing took " + watch.Elapsed);
    }

    [Fact]
    public void Ten_thousand_unknown_GPU_names_match_in_reasonable_time()
    {
        var catalog = DeepSeekCatalog.Builtin;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 10_000; i++)
        {
            Assert.Null(catalog.FindGpu("Mystery Accelerator " + (i % 500).ToString(CultureInfo.InvariantCulture)));
        }

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), "matching took " + watch.Elapsed);
    }

    // 6. Collector output unbounded and lost.
    [Fact]
    public void Endless_output_is_capped_kept_and_marked()
    {
        if (!Posix)
        {
            return;
        }

        var source = ProcessRunner.Run("yes", "/usr/bin/yes", new[] { "nvidia" }, TimeSpan.FromMilliseconds(800), maxOutputBytes: 64 * 1024);

        Assert.Equal(FactSourceStatus.TimedOut, source.Status);
        Assert.True(source.Truncated);
        Assert.Equal(64 * 1024, source.Output!.Length);
        Assert.StartsWith("nvidia\nnvidia\n", source.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_grandchild_holding_the_pipe_does_not_cost_the_output()
    {
        if (!Posix)
        {
            return;
        }

        var watch = Stopwatch.StartNew();
        var source = ProcessRunner.Run("sh", "/bin/sh", new[] { "-c", "echo '<nvidia_smi_log/>'; (sleep 30 &) ; exit 0" }, TimeSpan.FromSeconds(20));

        Assert.Equal(FactSourceStatus.Ok, source.Status);
        Assert.Equal(0, source.ExitCode);
        Assert.Equal("<nvidia_smi_log/>\n", source.Output);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), "waited " + watch.Elapsed + " for a pipe the tool no longer writes");
    }

    // 8. Lone surrogates survived a round trip as U+FFFD.
    [Fact]
    public void A_lone_surrogate_round_trips_through_a_bundle()
    {
        var bundle = Fixtures.Bundle("Linux", Fixtures.Source("/etc/os-release", "NAME=\"x\ud800y\"\n"));

        var copy = FactBundleJson.Read(System.Text.Encoding.UTF8.GetString(System.Text.Encoding.UTF8.GetBytes(FactBundleJson.Write(bundle))));

        Assert.Equal("NAME=\"x\ud800y\"\n", copy.Get("/etc/os-release")!.Output);
    }

    [Fact]
    public void A_truncated_source_says_so_and_survives_a_round_trip()
    {
        var bundle = Fixtures.Bundle("Linux", new FactSource(FactSourceIds.Lspci) { Output = "00:00.0 Host bridge", ExitCode = 0, Truncated = true });

        var copy = FactBundleJson.Read(FactBundleJson.Write(bundle));
        var inventory = InventoryParser.Interpret(copy, DeepSeekCatalog.Builtin);

        Assert.True(copy.Get(FactSourceIds.Lspci)!.Truncated);
        Assert.Contains(inventory.Warnings.Texts(), w => w.StartsWith(FactSourceIds.Lspci, StringComparison.Ordinal) && w.Contains("size limit", StringComparison.Ordinal));
    }
}
