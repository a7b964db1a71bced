using System.Text.Json;
using DeepSeekHw.Shell;

namespace DeepSeekHw.Tests;

/// <summary>Get-DeepSeekHardware and Export-DeepSeekFactBundle in a real runspace: collection, replay, errors, remoting, views.</summary>
public sealed class HardwareCmdletTests : IClassFixture<SharedSession>, IDisposable
{
    private readonly PowerShellSession _session;
    private readonly string _directory = Directory.CreateTempSubdirectory("deepseekhw-facts-").FullName;

    public HardwareCmdletTests(SharedSession shared)
    {
        _session = shared.Session;
    }

    public void Dispose()
    {
        Directory.Delete(_directory, recursive: true);
    }

    private static string CpuOnlyBundle => Path.Combine(RepoPaths.Root, "tests", "fixtures", "bundles", "debian12-cpu-only-vm.facts.json");

    /// <summary>Two RTX 4090s on PCIe: one GPU block of a captured nvidia-smi XML repeated, with a topology.</summary>
    private string GpuBundle()
    {
        var xml = BundleFile.Fixture("nvidia-smi-xml", "rtx-4090-drv535.xml");
        var start = xml.IndexOf("<gpu ", StringComparison.Ordinal);
        var end = xml.IndexOf("</gpu>", StringComparison.Ordinal) + "</gpu>".Length;
        var two = xml[..start] + xml[start..end] + "\n" + xml[start..end] + xml[end..];
        return BundleFile.Write(
            _directory,
            "gpu-node-07",
            ("nvidia-smi -q -x", two),
            ("nvidia-smi topo -m", "\tGPU0\tGPU1\tCPU Affinity\nGPU0\t X \tPHB\t0-31\nGPU1\tPHB\t X \t0-31\n"));
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
    }

    [Fact]
    public void A_machine_without_gpu_tools_says_so_in_a_warning_and_in_its_gpu_tool_states()
    {
        // Recorded, not live: this machine may or may not have a GPU, the bundle never changes.
        var result = _session.Run("Get-DeepSeekHardware -FactsPath $args[0] -WarningVariable w -WarningAction SilentlyContinue; $w", CpuOnlyBundle);

        var inventory = result.Output.First(o => o.TypeNames.Contains("DeepSeekHw.HardwareInventory"));
        Assert.Empty((Array)inventory.Properties["Gpus"].Value);
        Assert.Contains(result.Output.Skip(1), w => w.ToString().Contains("no GPU", StringComparison.Ordinal));
        var tools = ((IEnumerable<object>)inventory.Properties["GpuTools"].Value).Select(PSObject.AsPSObject).ToList();
        Assert.NotEmpty(tools);
        Assert.All(tools, t => Assert.Contains(t.Properties["State"].Value.ToString(), new[] { "Absent", "NotRecorded" })); // amd-smi came after this capture
        Assert.Equal("Absent", tools.Single(t => (string)t.Properties["Tool"].Value == "nvidia-smi").Properties["State"].Value.ToString());
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
