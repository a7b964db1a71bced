using System.Globalization;
using System.IO;
using DeepSeekHw.Catalog;
using DeepSeekHw.Core.Tests.Inventory;
using DeepSeekHw.Facts;
using DeepSeekHw.Inventory;
using DeepSeekHw.Readiness;
using DeepSeekHw.Sizing;

namespace DeepSeekHw.Core.Tests.Readiness;

public class ReadinessTests
{
    private static readonly DeepSeekCatalog Catalog = DeepSeekCatalog.Builtin;

    internal static HardwareInventory WhatIf(string gpu, int count, Action<WhatIfMachine>? configure = null)
    {
        var machine = new WhatIfMachine(Catalog.FindGpu(gpu)!, count);
        configure?.Invoke(machine);
        return machine.ToInventory();
    }

    internal static IReadOnlyList<ReadinessCheck> Test(HardwareInventory inventory, string model, WeightPrecision precision = WeightPrecision.Native, int? context = null, string? engine = null) =>
        ReadinessEngine.Evaluate(new ReadinessRequest(inventory, new SizingRequest(Catalog.FindModel(model)!) { Precision = precision, ContextLength = context, Engine = engine }), Catalog, CompatibilityChecklist.Builtin);

    internal static ReadinessCheck Check(IEnumerable<ReadinessCheck> checks, string id) => Assert.Single(checks, c => c.CheckId == id);

    [Fact]
    public void Eight_h100_fail_v3_at_native_fp8_and_eight_h200_pass_at_8k()
    {
        var h100 = Test(WhatIf("H100-SXM", 8, m => m.Interconnect = "NVSwitch"), "DeepSeek-V3");
        var h200 = Test(WhatIf("H200-SXM", 8, m => m.Interconnect = "NVSwitch"), "DeepSeek-V3", context: 8192);

        var failed = Check(h100, "GPU.Memory");
        Assert.Equal(ReadinessStatus.Fail, failed.Status);
        Assert.Contains("FP8", failed.Target, StringComparison.Ordinal);
        Assert.Equal(ReadinessStatus.Fail, Check(h100, "GPU.Count").Status);
        Assert.Contains("16 x H100-SXM", failed.Remediation + Check(h100, "GPU.Count").Expected, StringComparison.Ordinal);
        Assert.Equal(ReadinessStatus.Pass, Check(h200, "GPU.Memory").Status);
        Assert.Equal(ReadinessStatus.Pass, Check(h200, "GPU.Count").Status);
        Assert.Equal(ReadinessStatus.Pass, Check(h200, "GPU.ComputeCapability").Status);
        Assert.Equal(ReadinessStatus.Pass, Check(h200, "GPU.Interconnect").Status);
        Assert.DoesNotContain(h200, c => c.Status == ReadinessStatus.Fail);
    }

    [Fact]
    public void Flash_attention_2_on_a_t4_fails_memory_with_the_sdpa_remedy_not_a_precision_one()
    {
        var t4 = WhatIf("T4", 1);
        var request = new SizingRequest(Catalog.FindModel("DeepSeek-R1-Distill-Qwen-1.5B")!) { Precision = WeightPrecision.FP16, Engine = "Transformers", ContextLength = 2048 };
        var flash = ReadinessEngine.Evaluate(new ReadinessRequest(t4, request.With(r => r.AttentionImplementation = AttentionImplementation.FlashAttention2)), Catalog, CompatibilityChecklist.Builtin);
        var sdpa = ReadinessEngine.Evaluate(new ReadinessRequest(t4, request.With(r => r.AttentionImplementation = AttentionImplementation.Sdpa)), Catalog, CompatibilityChecklist.Builtin);

        var refused = Check(flash, "GPU.Memory");
        Assert.Equal(ReadinessStatus.Fail, refused.Status);
        Assert.Contains("Sdpa", refused.Remediation, StringComparison.Ordinal);
        Assert.DoesNotContain("precision", refused.Remediation, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(ReadinessStatus.Pass, Check(sdpa, "GPU.Memory").Status);
    }

    [Fact]
    public void One_t4_fails_the_qwen_7b_distill_in_bf16_and_passes_it_in_int4()
    {
        var t4 = Fixtures.Linux(Fixtures.Command(FactSourceIds.NvidiaSmiXml, "nvidia-smi-xml/tesla-t4-drv515.xml"));

        var bf16 = Test(t4, "DeepSeek-R1-Distill-Qwen-7B", WeightPrecision.BF16);
        var int4 = Test(t4, "DeepSeek-R1-Distill-Qwen-7B", WeightPrecision.INT4);

        Assert.Equal(ReadinessStatus.Fail, Check(bf16, "GPU.Memory").Status);
        var capability = Check(bf16, "GPU.ComputeCapability");
        Assert.Equal(ReadinessStatus.Fail, capability.Status);
        Assert.Contains("7.5", capability.Actual, StringComparison.Ordinal);
        Assert.Contains("FP16", capability.Remediation, StringComparison.Ordinal);
        Assert.Equal(ReadinessStatus.Pass, Check(int4, "GPU.Memory").Status);
        Assert.Equal(ReadinessStatus.Pass, Check(int4, "GPU.ComputeCapability").Status);
        Assert.DoesNotContain(int4, c => c.Category == "GPU" && c.Status == ReadinessStatus.Fail);
    }

    [Fact]
    public void A_cpu_only_machine_fails_or_cannot_know_every_gpu_check_and_is_pointed_to_a_gguf_distill()
    {
        var vm = InventoryParser.Interpret(FactBundleJson.Read(Fixtures.Text("bundles/debian12-cpu-only-vm.facts.json")), Catalog);

        var checks = Test(vm, "DeepSeek-R1-Distill-Qwen-7B");

        var gpu = checks.Where(c => c.Category == "GPU" && c.Status != ReadinessStatus.NotApplicable).ToList();
        Assert.NotEmpty(gpu);
        Assert.All(gpu, c =>
        {
            Assert.True(c.Status is ReadinessStatus.Fail or ReadinessStatus.Unknown, c.CheckId + " " + c.Status);
            Assert.Contains("GGUF", c.Remediation, StringComparison.Ordinal);
            Assert.Contains("Distill", c.Remediation, StringComparison.Ordinal);
        });
        Assert.Equal(ReadinessStatus.Fail, Check(checks, "GPU.Present").Status);
    }

    [Fact]
    public void The_cpu_path_itself_checks_ram_not_gpus()
    {
        var vm = InventoryParser.Interpret(FactBundleJson.Read(Fixtures.Text("bundles/debian12-cpu-only-vm.facts.json")), Catalog);

        var checks = Test(vm, "DeepSeek-R1-Distill-Qwen-1.5B", WeightPrecision.Q4_K_M, engine: "llama.cpp");

        Assert.All(checks.Where(c => c.Category == "GPU"), c => Assert.Equal(ReadinessStatus.NotApplicable, c.Status));
        Assert.Equal(ReadinessStatus.Pass, Check(checks, "System.MemoryForModel").Status);
        Assert.DoesNotContain(checks, c => c.Status == ReadinessStatus.Fail);
    }

    [Theory]
    [InlineData("470.82.01", "12.1", ReadinessStatus.Fail)]
    [InlineData("525.85.12", "12.1", ReadinessStatus.Warning)]
    [InlineData("530.30.02", "12.1", ReadinessStatus.Pass)]
    [InlineData("550.54.15", "12.4", ReadinessStatus.Pass)]
    [InlineData("535.104.05", "12.8", ReadinessStatus.Warning)]
    [InlineData("450.80.02", "11.8", ReadinessStatus.Warning)]
    [InlineData("418.87.00", "11.8", ReadinessStatus.Fail)]
    public void Driver_against_the_cuda_build_of_pytorch(string driver, string cudaBuild, ReadinessStatus expected)
    {
        var inventory = WhatIf("A100-SXM4-80GB", 1, m =>
        {
            m.DriverVersion = driver;
            m.PyTorchVersion = "2.5.1";
            m.PyTorchCudaBuild = cudaBuild;
        });

        var check = Check(Test(inventory, "DeepSeek-R1-Distill-Qwen-7B"), "Driver.CudaCompatibility");

        Assert.Equal(expected, check.Status);
        if (expected == ReadinessStatus.Fail)
        {
            Assert.Contains(driver, check.Message, StringComparison.Ordinal);
            Assert.Contains(cudaBuild, check.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("535.54.03", ReadinessStatus.Warning)]
    [InlineData("535.154.05", ReadinessStatus.Pass)]
    [InlineData("530.30.02", ReadinessStatus.Fail)]
    public void The_vendor_table_decides_and_the_guides_driver_line_only_warns(string driver, ReadinessStatus expected)
    {
        var check = Check(Test(WhatIf("L40S", 1, m => m.DriverVersion = driver), "DeepSeek-R1-Distill-Qwen-7B"), "Driver.NvidiaMinimum");

        Assert.Equal(expected, check.Status);
        Assert.Contains("535.54.03", check.Expected, StringComparison.Ordinal);
        Assert.Contains("535.154.02", check.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_facts_are_unknown_never_guessed()
    {
        var checks = Test(WhatIf("A100-SXM4-80GB", 2), "DeepSeek-R1-Distill-Llama-70B", context: 40000);

        Assert.Equal(ReadinessStatus.Unknown, Check(checks, "Driver.CudaCompatibility").Status);
        Assert.Equal(ReadinessStatus.Unknown, Check(checks, "Framework.PyTorch").Status);
        Assert.Equal(ReadinessStatus.Unknown, Check(checks, "GPU.Interconnect").Status);
        Assert.Equal(ReadinessStatus.Unknown, Check(checks, "Storage.FreeSpace").Status);
        var memory = Check(checks, "GPU.Memory"); // 141 GB of BF16 weights leave no room for 40k of KV cache on 2x 80 GB
        Assert.Equal(ReadinessStatus.Fail, memory.Status);
        Assert.Contains("-ContextLength 36303", memory.Remediation, StringComparison.Ordinal);
        Assert.Equal(ReadinessStatus.NotApplicable, Check(checks, "Network.Fabric").Status); // 4 GPUs fit one server: add GPUs, not a fabric
    }

    [Fact]
    public void Fp8_on_ampere_runs_weight_only_in_vllm_but_not_in_sglang()
    {
        var a100 = WhatIf("A100-SXM4-80GB", 8);

        Assert.Equal(ReadinessStatus.Warning, Check(Test(a100, "DeepSeek-R1-Distill-Qwen-7B", WeightPrecision.FP8, engine: "vLLM"), "GPU.ComputeCapability").Status);
        Assert.Equal(ReadinessStatus.Fail, Check(Test(a100, "DeepSeek-R1-Distill-Qwen-7B", WeightPrecision.FP8, engine: "SGLang"), "GPU.ComputeCapability").Status);
    }

    [Fact]
    public void Summary_counts_the_checks_and_says_what_would_fit()
    {
        var inventory = WhatIf("H100-SXM", 8, m => m.Interconnect = "NVSwitch");
        var assessment = ReadinessEngine.Assess(new ReadinessRequest(inventory, new SizingRequest(Catalog.FindModel("DeepSeek-V3")!)), Catalog, CompatibilityChecklist.Builtin);
        var checks = assessment.Checks;

        var summary = assessment.Summarize();

        Assert.False(summary.Ready);
        Assert.Contains("GPU.Memory", summary.FailedChecks);
        Assert.Equal(checks.Count, summary.Pass + summary.Warning + summary.Fail + summary.NotApplicable + summary.Unknown);
        Assert.Equal("AWQ_INT4", summary.LargestFitPrecision); // INT8 weights are as large as FP8: 4-bit is the widest that fits 8x 80 GB
        Assert.True(summary.LargestFitContextLength > 0);
    }

    [Fact]
    public void Check_ids_are_unique_and_categorised()
    {
        Assert.Equal(ReadinessEngine.CheckIds.Count, ReadinessEngine.CheckIds.Distinct().Count());
        Assert.All(ReadinessEngine.CheckIds, id => Assert.Matches("^(GPU|Driver|Framework|System|Storage|Network)\\.[A-Za-z]+$", id));
    }
}

public class CompatibilityDocumentTests
{
    [Fact]
    public void Docs_compatibility_renders_the_data_it_is_generated_from()
    {
        var doc = File.ReadAllText(Path.Combine(Fixtures.Root, "..", "..", "docs", "compatibility.md"));
        var data = CompatibilityChecklist.Builtin;

        Assert.Contains("version **" + data.Version + "**", doc, StringComparison.Ordinal);
        Assert.All(data.CudaDrivers, r => Assert.Contains("| " + r.Release + " | " + (r.Linux ?? "—") + " | " + (r.Windows ?? "—") + " |", doc, StringComparison.Ordinal));
        Assert.All(data.Precisions, r => Assert.Contains("| " + r.Precision + " | " + r.MinComputeCapability + " |", doc, StringComparison.Ordinal));
        Assert.All(ProfileCatalog.Builtin, p => Assert.Contains("| " + p.Name + " | " + p.Description + " |", doc, StringComparison.Ordinal));
        Assert.All(data.SeedChecklist, r => Assert.Contains("| " + r.Item + " | " + r.Minimum + " |", doc, StringComparison.Ordinal));
        Assert.All(data.Policies.Values, p => Assert.Contains("| " + p.Name + " | " + p.Value.ToString("0.###", CultureInfo.InvariantCulture) + " | ", doc, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\"policies\": []", "lacks")]
    [InlineData("\"value\": 1.5,", "must be positive")]
    public void A_missing_or_bad_policy_fails_the_load_not_a_check(string edit, string expected)
    {
        var json = File.ReadAllText(Path.Combine(Fixtures.Root, "..", "..", "src", "DeepSeekHw.Core", "Catalog", "Data", "compat.json"));
        var broken = edit.StartsWith("\"policies\"", StringComparison.Ordinal)
            ? System.Text.RegularExpressions.Regex.Replace(json, "\"policies\": \\[[^\\]]*\\]", edit)
            : json.Replace(edit, "\"value\": -1.5,");

        var error = Assert.Throws<CatalogException>(() => CompatibilityChecklist.Read(broken));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}

public class ReadinessVerdictTests
{
    private static ReadinessSummary Summary(HardwareInventory inventory, string model)
    {
        var request = new ReadinessRequest(inventory, new SizingRequest(DeepSeekCatalog.Builtin.FindModel(model)!));
        return ReadinessEngine.Assess(request, DeepSeekCatalog.Builtin, CompatibilityChecklist.Builtin).Summarize();
    }

    [Fact]
    public void Unknown_deciding_facts_make_the_verdict_undetermined_not_ready()
    {
        // A what-if machine states its GPUs and nothing else: no failure, but no driver either (issue 11: it was Ready=True).
        var summary = Summary(new WhatIfMachine(DeepSeekCatalog.Builtin.FindGpu("H100-SXM")!, 1).ToInventory(), "DeepSeek-R1-Distill-Qwen-7B");

        Assert.Equal(0, summary.Fail);
        Assert.True(summary.Unknown > 0);
        Assert.Equal(ReadinessVerdict.Undetermined, summary.Verdict);
        Assert.False(summary.Ready);
        Assert.Contains("Driver.CudaCompatibility", summary.UndeterminedChecks);
        Assert.Equal(summary.UndeterminedChecks, summary.BlockingChecks);
        Assert.Equal(ReadinessVerdict.Ready, summary.HardwareVerdict); // the planner still learns the hardware is enough
    }

    [Fact]
    public void A_failure_is_not_ready_and_blocks_with_the_failed_checks()
    {
        var summary = Summary(new WhatIfMachine(DeepSeekCatalog.Builtin.FindGpu("T4")!, 1).ToInventory(), "DeepSeek-R1-Distill-Llama-70B");

        Assert.Equal(ReadinessVerdict.NotReady, summary.Verdict);
        Assert.Equal(ReadinessVerdict.NotReady, summary.HardwareVerdict);
        Assert.Contains("GPU.Memory", summary.BlockingChecks);
        Assert.Equal(summary.FailedChecks, summary.BlockingChecks);
    }

    [Fact]
    public void Every_fact_stated_and_enough_is_ready()
    {
        var machine = new WhatIfMachine(DeepSeekCatalog.Builtin.FindGpu("H100-SXM")!, 1)
        {
            DriverVersion = "570.124.06",
            PyTorchVersion = "2.7.1",
            PyTorchCudaBuild = "12.8",
            MemoryBytes = 256L << 30,
            CpuCores = 32,
            StorageBytes = 2_000_000_000_000,
        };
        machine.Packages["vllm"] = "0.9.2";

        var summary = Summary(machine.ToInventory(), "DeepSeek-R1-Distill-Qwen-7B");

        Assert.Equal(ReadinessVerdict.Ready, summary.Verdict);
        Assert.True(summary.Ready);
        Assert.Empty(summary.BlockingChecks);
    }
}
