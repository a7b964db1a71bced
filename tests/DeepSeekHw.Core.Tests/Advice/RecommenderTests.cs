using DeepSeekHw.Advice;
using DeepSeekHw.Catalog;
using DeepSeekHw.Cost;
using DeepSeekHw.Readiness;
using DeepSeekHw.Sizing;

namespace DeepSeekHw.Core.Tests.Advice;

/// <summary>
/// The recommendations are checked against the sizing they rest on: a configuration said to fit is sized again from its
/// own settings and fits, its command line carries those settings, and each tuning effect is the sizing's difference.
/// </summary>
public sealed class RecommenderTests
{
    private const long GiB = 1L << 30;
    private static readonly DeepSeekCatalog Catalog = DeepSeekCatalog.Builtin;
    private static readonly CompatibilityChecklist Compat = CompatibilityChecklist.Builtin;

    [Fact]
    public void DeepSeek_V3_on_one_8_x_H100_node_first_gets_a_configuration_that_fits_and_the_ways_to_grow()
    {
        var advice = Recommend("DeepSeek-V3", new WhatIfMachine(Catalog.FindGpu("H100-SXM"), 8) { MemoryBytes = 2048 * GiB });

        var top = advice[0];
        Assert.Equal(1, top.Priority);
        Assert.True(top.Fits);
        Assert.NotNull(top.Configuration);
        AssertResizes(top);
        var fitsInPlace = top.Configuration!.Gpu == "H100-SXM" && top.Configuration.GpuCount == 8 && top.Configuration.WeightBytes < Size("DeepSeek-V3", "Native").WeightBytes;
        var biggerNode = top.Category == "Hardware";
        Assert.True(fitsInPlace || biggerNode, top.Title);
        Assert.Contains("80.8 GiB per GPU of a 71.7 GiB budget", top.Rationale, StringComparison.Ordinal); // why FP8 does not fit

        // Growing: two H100 nodes, and a node of bigger GPUs, each as asked (FP8).
        var hardware = advice.Where(a => a.Category == "Hardware").ToList();
        Assert.Contains(hardware, a => a.Configuration!.Gpu == "H100-SXM" && a.Configuration.GpuCount == 16 && a.Configuration.Nodes == 2);
        Assert.Contains(hardware, a => a.Configuration!.Gpu == "H200-SXM" && a.Configuration.GpuCount == 8);
        Assert.All(hardware, a => Assert.Equal("FP8", a.Configuration!.Precision));
        Assert.All(advice.Where(a => a.Configuration != null), AssertResizes);
        Assert.Equal(Enumerable.Range(1, advice.Count), advice.Select(a => a.Priority));
    }

    [Fact]
    public void The_32B_distill_on_one_RTX_4090_gets_a_4_bit_plan_for_vLLM_and_llama_cpp()
    {
        var advice = Recommend("DeepSeek-R1-Distill-Qwen-32B", gpu: "RTX-4090", gpuCount: 1);

        var vllm = advice[0];
        var llama = advice[1];
        Assert.Equal(("AWQ_INT4", "vLLM"), (vllm.Configuration!.Precision, vllm.Configuration.Engine));
        Assert.Equal(("Q4_K_M", "llama.cpp"), (llama.Configuration!.Precision, llama.Configuration.Engine));
        foreach (var plan in new[] { vllm, llama })
        {
            Assert.True(plan.Fits);
            Assert.Equal(8192, plan.Configuration!.ContextLength);
            AssertResizes(plan);
            Assert.Equal(plan.Launch!.Text.TrimEnd('\n'), plan.Action);
        }

        var flags = Flags(vllm.Launch!.Arguments);
        Assert.Equal("8192", flags["--max-model-len"]);
        Assert.Equal(vllm.Configuration.MemoryUtilization!.Value.ToString(CultureInfo.InvariantCulture), flags["--gpu-memory-utilization"]);
        // vLLM profiles 2,048 batched tokens on a 24 GB card, which leaves 8k of BF16 cache room beside the 4-bit weights.
        Assert.False(flags.ContainsKey("--kv-cache-dtype"));
        Assert.Equal("awq_marlin", flags["--quantization"]);
        var llamaFlags = Flags(llama.Launch!.Arguments);
        Assert.Equal("8192", llamaFlags["-c"]);
        Assert.Equal("65", llamaFlags["-ngl"]); // 64 layers and the output layer
    }

    [Fact]
    public void A_CPU_only_machine_with_24_GiB_gets_the_largest_distill_that_fits_and_its_speed_from_memory_bandwidth()
    {
        var machine = new WhatIfMachine(null, 0) { MemoryBytes = 24 * GiB, CpuCores = 8 };

        var advice = Recommend("DeepSeek-R1", machine);

        var top = advice[0];
        Assert.Equal("CpuInference", top.Category);
        Assert.Equal("DeepSeek-R1-Distill-Qwen-14B", top.Configuration!.Model);
        Assert.Equal("Q4_K_M", top.Configuration.Precision);
        Assert.Equal("0", Flags(top.Launch!.Arguments)["-ngl"]);
        Assert.True(top.Configuration.PerGpuBytes <= 18 * GiB); // three quarters of the RAM
        var bandwidthBound = 51.2e9 / top.Configuration.WeightBytes;
        // System RAM streams at llama.cpp's RAM share (0.55), not its GPU share (0.80); the embedding is not read.
        Assert.InRange(top.Configuration.DecodeTokensPerSecond!.Value, 0.45 * bandwidthBound, 0.6 * bandwidthBound);
        Assert.Contains("-CpuMemoryBandwidthGBps", top.Rationale, StringComparison.Ordinal);
        // Its sizing speaks of RAM as RAM, not of a GPU and its driver.
        Assert.Contains(top.Configuration.Assumptions, a => a.StartsWith("Memory: CPU (system RAM) leaves 18 GiB to the model", StringComparison.Ordinal));
        Assert.DoesNotContain(top.Configuration.Assumptions, a => a.Contains("driver", StringComparison.Ordinal));

        // A faster, smaller choice follows, and no remedy tells a CPU-only machine it lacks a GPU.
        Assert.Equal("CpuInference", advice[1].Category);
        Assert.True(advice[1].Configuration!.DecodeTokensPerSecond >= 2 * top.Configuration.DecodeTokensPerSecond);
        Assert.Contains("DeepSeek-R1 does not fit, so this is the largest of its line that does.", top.Rationale, StringComparison.Ordinal);
        Assert.Contains("a smaller model of its line, at least twice as fast as DeepSeek-R1-Distill-Qwen-14B.", advice[1].Rationale, StringComparison.Ordinal);
        Assert.DoesNotContain("does not fit", advice[1].Rationale, StringComparison.Ordinal);
        Assert.DoesNotContain(advice, a => a.CheckId != null && a.CheckId.StartsWith("GPU.", StringComparison.Ordinal));
    }

    [Fact]
    public void Measured_memory_bandwidth_replaces_the_assumption()
    {
        var machine = new WhatIfMachine(null, 0) { MemoryBytes = 24 * GiB };
        var assumed = Recommend("DeepSeek-R1", machine)[0].Configuration!.DecodeTokensPerSecond!.Value;
        var measured = Recommend("DeepSeek-R1", machine, bandwidth: 102_400_000_000)[0].Configuration!.DecodeTokensPerSecond!.Value;

        Assert.InRange(measured / assumed, 1.6, 2.0); // twice the bandwidth, less the per-layer floor
    }

    [Fact]
    public void A_mixture_of_experts_on_a_small_GPU_keeps_its_experts_in_RAM()
    {
        var machine = new WhatIfMachine(Catalog.FindGpu("RTX-4090"), 1) { MemoryBytes = 512 * GiB, CpuCores = 64 };

        var advice = Recommend("DeepSeek-V3", machine);

        var offload = advice.First(a => a.Launch?.CpuMoeLayers != null);
        Assert.Equal(1, offload.Priority);
        var flags = Flags(offload.Launch!.Arguments);
        Assert.Equal(offload.Launch.CpuMoeLayers!.Value.ToString(CultureInfo.InvariantCulture), flags["--n-cpu-moe"]);
        Assert.InRange(offload.Launch.CpuMoeLayers.Value, 1, 58);
        Assert.Matches(@"about [0-9.]+ tokens/s", offload.Title);
    }

    [Fact]
    public void The_expert_split_reads_the_gpu_as_sizing_does_kernel_limit_and_layer_floor_included()
    {
        // On an HBM GPU llama.cpp's kernels, not the memory, set the GPU's pace (6.4 bytes per SM and cycle: 1.69 TB/s on
        // an H100 SXM, below 0.8 of its 3.35 TB/s); each of V3's 61 layers adds 110 µs of launches and synchronisation.
        var machine = new WhatIfMachine(Catalog.FindGpu("H100-SXM"), 1) { MemoryBytes = 1024 * GiB, CpuCores = 64 };
        var offload = Recommend("DeepSeek-V3", machine, bandwidth: 460_800_000_000).First(a => a.Launch?.CpuMoeLayers != null);

        var read = System.Text.RegularExpressions.Regex.Match(offload.ExpectedEffect, @"reads ([0-9.]+) GiB on the GPU and ([0-9.]+) GiB from RAM");
        Assert.True(read.Success, offload.ExpectedEffect);
        var (gpu, ram) = (double.Parse(read.Groups[1].Value, CultureInfo.InvariantCulture) * GiB, double.Parse(read.Groups[2].Value, CultureInfo.InvariantCulture) * GiB);
        var h100 = Catalog.FindGpu("H100-SXM")!;
        var kernels = 6.4 * h100.Multiprocessors!.Value * h100.BoostClockMhz!.Value * 1e6;
        Assert.True(kernels < 0.8 * h100.MemoryBandwidthBytesPerSecond);
        var expected = 1 / ((gpu / kernels) + (ram / (460.8e9 * 0.55)) + (61 * 110e-6));

        var tokens = double.Parse(System.Text.RegularExpressions.Regex.Match(offload.Title, @"about ([0-9.]+) tokens/s").Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.InRange(tokens / expected, 0.97, 1.03);
    }

    [Fact]
    public void The_cpu_paths_keep_a_gguf_type_asked_for()
    {
        // -Precision Q8_0: the split and the CPU-only run are Q8_0 files, not the Q4_K_M offered when none is asked.
        var machine = new WhatIfMachine(Catalog.FindGpu("RTX-4090"), 1) { MemoryBytes = 1024 * GiB, CpuCores = 64 };
        var inventory = machine.ToInventory();
        var installed = InstalledGpus.From(inventory.Gpus, Catalog);
        var request = new SizingRequest(Catalog.FindModel("DeepSeek-V3")!) { Gpu = installed?.Spec, GpuCount = installed?.Count, Precision = WeightPrecision.Q8_0 };

        var advice = Recommender.Recommend(new RecommendationRequest(request) { Inventory = inventory, PrecisionGiven = true }, Catalog, Compat, CloudCatalog.Builtin);

        var offload = advice.First(a => a.Launch?.CpuMoeLayers != null);
        Assert.StartsWith("DeepSeek-V3 Q8_0 split between the GPU and RAM", offload.Title, StringComparison.Ordinal);
        Assert.Equal("Q8_0", offload.Configuration!.Precision);
        var cpu = advice.Where(a => a.Category == "CpuInference" && a.Launch?.CpuMoeLayers == null).ToList();
        Assert.NotEmpty(cpu);
        Assert.All(cpu, a => Assert.Equal("Q8_0", a.Configuration!.Precision));
    }

    [Fact]
    public void A_GGUF_that_misses_by_its_cache_is_offered_llama_cpps_q8_0_cache()
    {
        var request = new SizingRequest(Catalog.FindModel("DeepSeek-R1-Distill-Qwen-7B")!)
        {
            Gpu = Catalog.FindGpu("RTX-3060"), GpuCount = 1, Precision = WeightPrecision.Q4_K_M, Engine = "llama.cpp", ContextLength = 131072,
        };
        Assert.False(SizingEngine.Estimate(request).Fits);

        var advice = Recommender.Recommend(new RecommendationRequest(request) { PrecisionGiven = true }, Catalog, Compat, CloudCatalog.Builtin);

        var cache = advice.First(a => a.Category == "KvCache");
        Assert.Contains("an 8-bit q8_0 KV cache", cache.Title, StringComparison.Ordinal);
        Assert.Equal(("FP8", "Q4_K_M", 131072), (cache.Configuration!.KvCacheType, cache.Configuration.Precision, cache.Configuration.ContextLength));
        Assert.Contains("34 bytes per 32 values", cache.Source, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("llama.cpp", "An 8-bit q8_0 KV cache holds", "-ctk q8_0 -ctv q8_0 -fa on")]
    [InlineData("Ollama", "An 8-bit q8_0 KV cache holds", "OLLAMA_FLASH_ATTENTION=1 OLLAMA_KV_CACHE_TYPE=q8_0")]
    [InlineData("vLLM", "An FP8 KV cache holds", "--kv-cache-dtype fp8")]
    public void The_kv_cache_tuning_item_speaks_each_engines_language(string engine, string title, string action)
    {
        var precision = engine == "vLLM" ? WeightPrecision.AWQ_INT4 : WeightPrecision.Q4_K_M;
        var request = new SizingRequest(Catalog.FindModel("DeepSeek-R1-Distill-Qwen-7B")!)
        {
            Gpu = Catalog.FindGpu("RTX-4090"), GpuCount = 1, Precision = precision, Engine = engine, ContextLength = 32768, Concurrency = 2,
        };

        var advice = Recommender.Recommend(new RecommendationRequest(request) { PrecisionGiven = true }, Catalog, Compat, CloudCatalog.Builtin);

        var item = advice.Single(a => a.Category == "KvCache" && a.Configuration is null);
        Assert.StartsWith(title, item.Title, StringComparison.Ordinal);
        Assert.Equal(action, item.Action);
    }

    [Fact]
    public void A_deployment_that_fits_is_recommended_as_asked_with_its_tuning_effects()
    {
        var advice = Recommend("DeepSeek-R1-Distill-Qwen-7B", gpu: "H100-SXM", gpuCount: 1, precision: WeightPrecision.BF16, concurrency: 8);

        Assert.Equal("Deployment", advice[0].Category);
        Assert.Equal(("BF16", 1), (advice[0].Configuration!.Precision, advice[0].Configuration!.GpuCount ?? 0));
        var asked = Size("DeepSeek-R1-Distill-Qwen-7B", "BF16", "H100-SXM", 1, concurrency: 8);
        var fp8 = Size("DeepSeek-R1-Distill-Qwen-7B", "FP8", "H100-SXM", 1, concurrency: 8);
        var fp8Advice = advice.Single(a => a.Category == "Precision" && a.Title.StartsWith("FP8", StringComparison.Ordinal));
        Assert.Contains(Invariant($"{fp8.DecodeTokensPerSecond!.Value / asked.DecodeTokensPerSecond!.Value:0.##}x"), fp8Advice.Title, StringComparison.Ordinal);
        Assert.Contains("doubles throughput", fp8Advice.Source, StringComparison.Ordinal);

        // The seed's "quantization cuts 75%" against what the sizing computes.
        var awq = Size("DeepSeek-R1-Distill-Qwen-7B", "AWQ_INT4", "H100-SXM", 1, concurrency: 8);
        var cut = 1 - (awq.WeightBytes / (double)asked.WeightBytes);
        Assert.InRange(cut, 0.55, 0.74);
        Assert.Contains(Invariant($"{cut:P0}"), advice.Single(a => a.Title.StartsWith("AWQ", StringComparison.Ordinal)).Source, StringComparison.Ordinal);

        var oom = advice.Single(a => a.Category == "Concurrency");
        Assert.Contains(Invariant($"at most {asked.MaxConcurrency:N0} sequences"), oom.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Fine_tuning_gets_gradient_checkpointing_zero_3_and_offload_with_their_memory_effect()
    {
        var request = new SizingRequest(Catalog.FindModel("DeepSeek-R1-Distill-Qwen-7B")!)
        {
            Workload = SizingWorkload.FullFineTune,
            Gpu = Catalog.FindGpu("A100-SXM4-80GB"),
            GpuCount = 8,
            ContextLength = 4096,
        };

        var advice = Recommender.Recommend(new RecommendationRequest(request), Catalog, Compat, CloudCatalog.Builtin);

        // As asked it does not fit 80 GB; ZeRO-3 over the eight GPUs does, and is the first advice.
        Assert.False(SizingEngine.Estimate(request).Fits);
        var top = advice[0];
        Assert.Equal("FineTuning", top.Category);
        Assert.Contains("ZeRO-3", top.Title, StringComparison.Ordinal);
        Assert.Equal(3, top.Request!.ZeroStage);
        Assert.True(top.Fits);
        Assert.Null(top.Launch);
        Assert.Contains("DeepSpeed ZeRO stage 3", top.Action, StringComparison.Ordinal);

        // Then the tuning of that configuration: checkpointing and offload, each with the sizing's difference.
        var chosen = top.Request;
        var checkpointing = advice.Single(a => a.Category == "FineTuning" && a.Title.StartsWith("Gradient checkpointing", StringComparison.Ordinal));
        var saved = SizingEngine.Estimate(chosen).PerGpuBytes - SizingEngine.Estimate(chosen.With(r => r.GradientCheckpointing = true)).PerGpuBytes;
        Assert.Contains(ByteSize.Format(saved) + " less per GPU", checkpointing.Title, StringComparison.Ordinal);
        Assert.Contains("30%", checkpointing.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void A_layout_over_nodes_gets_the_fabric_advice()
    {
        var advice = Recommend("DeepSeek-V3", gpu: "H100-SXM", gpuCount: 16);

        Assert.Equal(2, advice[0].Configuration!.Nodes);
        var network = advice.Single(a => a.Category == "Network");
        Assert.Contains("200 Gb/s", network.Title, StringComparison.Ordinal);
        Assert.Contains("MTU 9000", network.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Failing_checks_get_their_remedy_after_the_configuration_and_warnings_come_last()
    {
        var machine = new WhatIfMachine(Catalog.FindGpu("H100-SXM"), 1) { MemoryBytes = 256 * GiB, DriverVersion = "470.82.01" };

        var advice = Recommend("DeepSeek-R1-Distill-Qwen-7B", machine);

        var remedies = advice.Where(a => a.Category == "Remedy").ToList();
        var driver = remedies.First(a => a.CheckId!.StartsWith("Driver.", StringComparison.Ordinal));
        Assert.True(driver.Priority > 1);
        Assert.Contains("Fail", driver.Rationale, StringComparison.Ordinal);
        var firstTuning = advice.FirstOrDefault(a => a.Category is "Concurrency" or "KvCache" or "Batching" or "Precision" or "Engine");
        Assert.True(firstTuning is null || driver.Priority < firstTuning.Priority);
    }

    [Fact]
    public void A_bad_request_is_one_sizing_error()
    {
        var request = new SizingRequest(Catalog.FindModel("DeepSeek-V3")!) { Concurrency = 0, Gpu = Catalog.FindGpu("H100-SXM") };

        var ex = Assert.Throws<SizingException>(() => Recommender.Recommend(new RecommendationRequest(request), Catalog, Compat, CloudCatalog.Builtin));
        Assert.Equal(SizingErrorIds.InvalidConcurrency, ex.ErrorId);
    }

    // A configuration's numbers are the sizing's for its own settings.
    private static void AssertResizes(Recommendation advice)
    {
        var again = SizingEngine.Estimate(advice.Request!);
        Assert.Equal(again.PerGpuBytes, advice.Configuration!.PerGpuBytes);
        Assert.Equal(again.Fits, advice.Configuration.Fits);
        if (advice.Launch != null)
        {
            Assert.Equal(again.TensorParallel, advice.Launch.TensorParallel);
            Assert.Equal(again.ContextLength, advice.Launch.ContextLength);
            Assert.Equal(again.Concurrency, advice.Launch.Concurrency);
        }
    }

    [Fact]
    public void A_shorter_context_it_recommends_keeps_the_prompt_within_it()
    {
        var request = new SizingRequest(Catalog.FindModel("DeepSeek-R1-Distill-Qwen-14B")!)
        {
            Gpu = Catalog.FindGpu("A100-SXM4-40GB"), GpuCount = 1, Precision = WeightPrecision.BF16, ContextLength = 131072, PromptLength = 120000,
        };

        var advice = Recommender.Recommend(new RecommendationRequest(request) { PrecisionGiven = true }, Catalog, Compat, CloudCatalog.Builtin);

        var shorter = Assert.Single(advice, a => a.Category == "Context");
        Assert.InRange(shorter.Request!.ContextLength!.Value, 8192, 131071);
        Assert.Equal(shorter.Request.ContextLength, shorter.Request.PromptLength);
        Assert.Equal(shorter.Request.PromptLength, shorter.Configuration!.PromptLength);
    }

    [Fact]
    public void The_decode_speed_it_expects_under_load_names_the_prompts_that_keep_arriving()
    {
        var request = new SizingRequest(Catalog.FindModel("DeepSeek-R1-Distill-Llama-8B")!)
        {
            Gpu = Catalog.FindGpu("H100-SXM"), GpuCount = 1, Precision = WeightPrecision.BF16, ContextLength = 1152, PromptLength = 1024, Concurrency = 64,
        };

        var top = Recommender.Recommend(new RecommendationRequest(request) { PrecisionGiven = true }, Catalog, Compat, CloudCatalog.Builtin)[0];
        var sized = SizingEngine.Estimate(request);

        Assert.Contains(FormattableString.Invariant($"decode about {sized.DecodeTokensPerSecond:0.#} tokens/s in all at 64 sequences"), top.ExpectedEffect, StringComparison.Ordinal);
        Assert.Contains("new 1,024-token prompts arriving as requests finish", top.ExpectedEffect, StringComparison.Ordinal);
    }

    private static IReadOnlyList<Recommendation> Recommend(string model, WhatIfMachine machine, long? bandwidth = null)
    {
        var inventory = machine.ToInventory();
        var installed = InstalledGpus.From(inventory.Gpus, Catalog);
        var request = new SizingRequest(Catalog.FindModel(model)!) { Gpu = installed?.Spec, GpuCount = installed?.Count };
        return Recommender.Recommend(new RecommendationRequest(request) { Inventory = inventory, CpuMemoryBandwidthBytesPerSecond = bandwidth }, Catalog, Compat, CloudCatalog.Builtin);
    }

    private static IReadOnlyList<Recommendation> Recommend(string model, string gpu, int gpuCount, WeightPrecision precision = WeightPrecision.Native, int concurrency = 1)
    {
        var request = new SizingRequest(Catalog.FindModel(model)!) { Gpu = Catalog.FindGpu(gpu), GpuCount = gpuCount, Precision = precision, Concurrency = concurrency };
        return Recommender.Recommend(new RecommendationRequest(request) { PrecisionGiven = precision != WeightPrecision.Native }, Catalog, Compat, CloudCatalog.Builtin);
    }

    private static SizingEstimate Size(string model, string precision, string? gpu = null, int? count = null, int concurrency = 1) =>
        SizingEngine.Estimate(new SizingRequest(Catalog.FindModel(model)!)
        {
            Precision = Enum.Parse<WeightPrecision>(precision),
            Gpu = gpu is null ? null : Catalog.FindGpu(gpu),
            GpuCount = count,
            Concurrency = concurrency,
        });

    private static Dictionary<string, string> Flags(IReadOnlyList<string> arguments)
    {
        var flags = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < arguments.Count - 1; i++)
        {
            if (arguments[i].StartsWith('-') && !arguments[i + 1].StartsWith('-'))
            {
                flags[arguments[i]] = arguments[i + 1];
            }
        }

        return flags;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
