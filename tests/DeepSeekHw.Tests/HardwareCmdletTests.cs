using System.Text.Json;
using DeepSeekHw.Shell;

namespace DeepSeekHw.Tests;

/// <summary>Get-DeepSeekHardware and Export-DeepSeekFactBundle in a real runspace: collection, replay, errors, remoting, views.</summary>
public sealed class HardwareCmdletTests : IDisposable
{
    private readonly PowerShellSession _session = new();
    private readonly string _directory = Directory.CreateTempSubdirectory("deepseekhw-facts-").FullName;

    public void Dispose()
    {
        _session.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private static string CpuOnlyBundle => Path.Combine(RepoPaths.Root, "tests", "fixtures", "bundles", "debian12-cpu-only-vm.facts.json");

    /// <summary>A bundle of four H100-class answers: an RTX 4090 capture repeated, with a topology, written as facts@1 JSON.</summary>
    private string GpuBundle()
    {
        var xml = File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "fixtures", "nvidia-smi-xml", "rtx-4090-drv535.xml"));
        var start = xml.IndexOf("<gpu ", StringComparison.Ordinal);
        var end = xml.IndexOf("</gpu>", StringComparison.Ordinal) + "</gpu>".Length;
        var two = xml[..start] + xml[start..end] + "\n" + xml[start..end] + xml[end..];
        var bundle = new Dictionary<string, object>
        {
            ["schema"] = "deepseekhw/facts@1",
            ["computerName"] = "gpu-node-07",
            ["collectedAt"] = "2026-11-24T00:00:00Z",
            ["platform"] = "Linux",
            ["collector"] = new { name = "DeepSeekHw", version = "0.1.0" },
            ["sources"] = new Dictionary<string, object?>
            {
                ["nvidia-smi -q -x"] = new { status = "ok", exitCode = 0, output = two, error = string.Empty },
                ["nvidia-smi topo -m"] = new { status = "ok", exitCode = 0, output = "\tGPU0\tGPU1\tCPU Affinity\nGPU0\t X \tPHB\t0-31\nGPU1\tPHB\t X \t0-31\n", error = string.Empty },
            },
        };
        var path = Path.Combine(_directory, "gpu-node-07.facts.json");
        File.WriteAllText(path, JsonSerializer.Serialize(bundle));
        return path;
    }

    private static object Value(PSObject root, params string[] path)
    {
        object current = root;
        foreach (var name in path)
        {
            current = PSObject.AsPSObject(current).Properties[name].Value;
        }

        return current;
    }

    [Fact]
    public void Local_inventory_has_cpu_memory_and_storage_and_never_a_null_gpu_list()
    {
        var result = _session.Run("Get-DeepSeekHardware -TimeoutSec 20");

        var inventory = Assert.Single(result.Output);
        Assert.Empty(result.Errors);
        Assert.Contains("DeepSeekHw.HardwareInventory", inventory.TypeNames);
        Assert.Equal(Environment.MachineName, inventory.Properties["ComputerName"].Value);
        Assert.NotNull(inventory.Properties["Gpus"].Value);
        Assert.True((int)Value(inventory, "Cpu", "Threads") >= 1);
        Assert.True((long)Value(inventory, "Memory", "TotalBytes") > 0);
        if (((Array)inventory.Properties["Gpus"].Value).Length == 0)
        {
            Assert.Contains(result.Warnings, w => w.Contains("no GPU", StringComparison.Ordinal) || w.Contains("nvidia-smi", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void FactsPath_replays_a_bundle_and_binds_FullName_from_the_pipeline()
    {
        var gpuBundle = GpuBundle();

        var result = _session.Run("[System.IO.FileInfo]::new($args[0]), [System.IO.FileInfo]::new($args[1]) | Get-DeepSeekHardware", CpuOnlyBundle, gpuBundle);

        Assert.Empty(result.Errors);
        Assert.Equal(2, result.Output.Count);
        var gpuNode = result.Output[1];
        Assert.Equal("gpu-node-07", gpuNode.Properties["ComputerName"].Value);
        var specs = _session.Run("$args[0].Gpus | ForEach-Object { $_.Spec.Name }", gpuNode).Output.Select(o => o.BaseObject);
        Assert.Equal(new object[] { "RTX-4090", "RTX-4090" }, specs);
        Assert.Equal("PCIe", gpuNode.Properties["GpuInterconnect"].Value);
        Assert.Contains(result.Warnings, w => w.StartsWith("vm: ", StringComparison.Ordinal) && w.Contains("no GPU tool was found", StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_and_invalid_bundles_are_non_terminating_errors_with_stable_ids()
    {
        var invalid = Path.Combine(_directory, "invalid.json");
        File.WriteAllText(invalid, "{\"schema\": \"something-else\"}");

        var result = _session.Run("Get-DeepSeekHardware -FactsPath $args[0], $args[1], $args[2]", Path.Combine(_directory, "missing.json"), invalid, CpuOnlyBundle);

        Assert.Single(result.Output); // the good bundle still answers
        Assert.Equal(new[] { "FactsFileUnreadable,DeepSeekHw.Commands.GetDeepSeekHardwareCommand", "FactsInvalid,DeepSeekHw.Commands.GetDeepSeekHardwareCommand" }, result.Errors.Select(e => e.FullyQualifiedErrorId));
        Assert.Equal(ErrorCategory.InvalidData, result.Errors[1].CategoryInfo.Category);
        Assert.Equal(invalid, result.Errors[1].TargetObject);
    }

    [Fact]
    public void Export_writes_a_bundle_that_replays_and_honours_WhatIf_and_Force()
    {
        var path = Path.Combine(_directory, "this.facts.json");

        _session.Run("Export-DeepSeekFactBundle -Path $args[0] -WhatIf", path);
        Assert.False(File.Exists(path));

        var exported = _session.Run("Export-DeepSeekFactBundle -Path $args[0] -PassThru | Get-DeepSeekHardware", path);
        Assert.Empty(exported.Errors);
        Assert.Equal(Environment.MachineName, Assert.Single(exported.Output).Properties["ComputerName"].Value);
        Assert.Contains("\"schema\": \"deepseekhw/facts@1\"", File.ReadAllText(path), StringComparison.Ordinal);

        var refused = _session.Run("Export-DeepSeekFactBundle -Path $args[0]", path);
        var error = Assert.Single(refused.Errors);
        Assert.Equal("FactsFileExists,DeepSeekHw.Commands.ExportDeepSeekFactBundleCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ResourceExists, error.CategoryInfo.Category);

        Assert.Empty(_session.Run("Export-DeepSeekFactBundle -Path $args[0] -Force", path).Errors);
    }

    [Fact]
    public void Inventory_survives_serialization_with_gpus_and_their_catalog_spec()
    {
        var result = _session.Run(
            "$inventory = Get-DeepSeekHardware -FactsPath $args[0]; $copy = [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($inventory)); $copy.PSObject.TypeNames[0]; $copy.Gpus.Count; $copy.Gpus[0].Spec.Name; $copy.Gpus[0].MemoryTotalBytes; $copy.Cpu.GetType().Name; $copy.Software.NvidiaDriverVersion",
            GpuBundle());

        Assert.Empty(result.Errors);
        Assert.Equal(new object[] { "Deserialized.DeepSeekHw.HardwareInventory", 2, "RTX-4090", 24564L * 1024 * 1024, "PSObject", "535.86.05" }, result.Output.Select(o => o.BaseObject));
    }

    [Fact]
    public void Default_view_is_a_readable_summary_for_live_and_deserialized_objects()
    {
        var bundle = GpuBundle();
        foreach (var command in new[]
        {
            "Get-DeepSeekHardware -FactsPath '" + bundle + "'",
            "[System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize((Get-DeepSeekHardware -FactsPath '" + bundle + "')))",
        })
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            var exit = new ShellRunner(output, error, RepoPaths.ModuleManifest, 200) { PlainText = true }.Run(ShellOptions.Parse(new[] { "-Command", command }));

            Assert.Equal(0, exit);
            var text = output.ToString();
            Assert.Contains("gpu-node-07", text, StringComparison.Ordinal);
            Assert.Contains("2 x NVIDIA GeForce RTX 4090 (24.0 GiB)", text, StringComparison.Ordinal);
            Assert.Contains("NVIDIA 535.86.05, CUDA 12.2", text, StringComparison.Ordinal);
            Assert.Contains("GpuInterconnect : PCIe", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Json_replay_through_the_host_holds_the_pinned_property_names()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = new ShellRunner(output, error, RepoPaths.ModuleManifest, 160) { PlainText = true }
            .Run(ShellOptions.Parse(new[] { "-OutputFormat", "Json", "Get-DeepSeekHardware", "-FactsPath", GpuBundle() }));

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output.ToString());
        var inventory = json.RootElement[0];
        foreach (var name in new[] { "ComputerName", "Platform", "OperatingSystem", "Cpu", "Memory", "Gpus", "Storage", "Network", "Software", "Warnings", "CollectedAt" })
        {
            Assert.True(inventory.TryGetProperty(name, out _), name);
        }

        var gpu = inventory.GetProperty("Gpus")[0];
        foreach (var name in new[] { "Index", "Name", "Vendor", "MemoryTotalBytes", "DriverVersion", "CudaVersion", "ComputeCapability", "PciBusId", "Spec" })
        {
            Assert.True(gpu.TryGetProperty(name, out _), name);
        }

        Assert.Equal("535.86.05", gpu.GetProperty("DriverVersion").GetString());
        Assert.Equal("12.2", gpu.GetProperty("CudaVersion").GetString());
        Assert.Equal("8.9", gpu.GetProperty("ComputeCapability").GetString());
        Assert.Equal(25757220864L, gpu.GetProperty("MemoryTotalBytes").GetInt64());
    }

    [Fact]
    public void Sizing_takes_the_gpus_of_an_inventory_live_or_deserialized()
    {
        var bundle = GpuBundle();

        var result = _session.Run(
            "$inventory = Get-DeepSeekHardware -FactsPath $args[0]; $copy = [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($inventory)); $inventory, $copy | Get-DeepSeekSizing -Model DeepSeek-R1-Distill-Qwen-7B -Precision BF16 | ForEach-Object { '{0}|{1}|{2}' -f $_.Gpu, $_.GpuCount, $_.Fits }",
            bundle);

        Assert.Empty(result.Errors);
        Assert.Equal(new object[] { "RTX-4090|2|True", "RTX-4090|2|True" }, result.Output.Select(o => o.BaseObject));
    }

    [Fact]
    public void Sizing_an_inventory_without_a_known_gpu_is_a_clear_error()
    {
        var result = _session.Run("Get-DeepSeekHardware -FactsPath $args[0] | Get-DeepSeekSizing -Model DeepSeek-R1-Distill-Qwen-1.5B", CpuOnlyBundle);

        Assert.Empty(result.Output);
        var error = Assert.Single(result.Errors);
        Assert.Equal("NoKnownGpu,DeepSeekHw.Commands.GetDeepSeekSizingCommand", error.FullyQualifiedErrorId);
        Assert.Contains("GGUF", error.ErrorDetails.RecommendedAction, StringComparison.Ordinal);
    }
}
