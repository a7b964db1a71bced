using DeepSeekHw.Catalog;
using DeepSeekHw.Sizing;

namespace DeepSeekHw.Core.Tests;

public sealed class SizingTests
{
    private const double GiB = 1L << 30;
    private static readonly DeepSeekCatalog Catalog = DeepSeekCatalog.Builtin;

    private static SizingEstimate Size(string model, WeightPrecision precision = WeightPrecision.Native, string? gpu = null, int? gpuCount = null,
        int? context = null, int concurrency = 1, string? engine = null, KvCacheType kv = KvCacheType.Auto, SizingWorkload workload = SizingWorkload.Inference)
    {
        return SizingEngine.Estimate(new SizingRequest(Catalog.FindModel(model)!)
        {
            Precision = precision,
            Gpu = gpu is null ? null : Catalog.FindGpu(gpu),
            GpuCount = gpuCount,
            ContextLength = context,
            Concurrency = concurrency,
            Engine = engine,
            KvCacheType = kv,
            Workload = workload,
        });
    }

    public static TheoryData<string> AllModels()
    {
        var data = new TheoryData<string>();
        foreach (var model in Catalog.Models)
        {
            data.Add(model.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllModels))]
    public void Total_parameters_from_the_architecture_are_within_half_a_percent_of_the_published_count(string name)
    {
        var model = Catalog.FindModel(name)!;

        var computed = ParameterCounter.Count(model).Total;

        Assert.InRange(computed / (double)model.TotalParameters, 0.995, 1.005);
    }

    [Theory]
    [InlineData("DeepSeek-V3", 0.02)]
    [InlineData("DeepSeek-R1", 0.02)]
    [InlineData("DeepSeek-V2", 0.02)]
    [InlineData("DeepSeek-Coder-V2", 0.02)]
    [InlineData("DeepSeek-MoE-16B", 0.02)]
    // The V2 paper's "2.4B activated" for V2-Lite rounds 2.45B down: the architecture gives 2.451B (2.1% above).
    [InlineData("DeepSeek-V2-Lite", 0.025)]
    [InlineData("DeepSeek-Coder-V2-Lite", 0.025)]
    public void Active_parameters_of_MoE_models_match_the_published_rounded_counts(string name, double tolerance)
    {
        var model = Catalog.FindModel(name)!;
        var breakdown = ParameterCounter.Count(model);

        var active = breakdown.ActivePerToken(model.ExpertsPerToken, model.MoeLayers) + (model.ActiveParametersIncludeInputEmbedding ? breakdown.Embedding : 0);

        Assert.InRange(active / (double)model.ActiveParameters, 1 - tolerance, 1 + tolerance);
    }

    [Fact]
    public void DeepSeek_V3_counts_match_the_config_arithmetic()
    {
        var breakdown = ParameterCounter.Count(Catalog.FindModel("DeepSeek-V3")!);

        Assert.Equal(671_026_404_352L, breakdown.Total, tolerance: 300_000); // independent derivation in the reference data
        Assert.InRange(breakdown.Mtp / 1e9, 11, 12.5); // README_WEIGHTS: 11.5B unique MTP parameters
    }

    [Theory]
    [InlineData("DeepSeek-V3", 70_272)] // 61 layers × (512 + 64) × 2 B: MLA, no ×2 for K/V, no ×heads
    [InlineData("DeepSeek-V2", 69_120)]
    [InlineData("DeepSeek-R1-Distill-Qwen-7B", 57_344)] // 2 × 28 × 4 × 128 × 2
    [InlineData("DeepSeek-R1-Distill-Llama-70B", 327_680)]
    [InlineData("DeepSeek-LLM-7B", 491_520)] // full MHA
    public void KV_cache_bytes_per_token_in_BF16(string model, long expected)
    {
        Assert.Equal(expected, Size(model).KvCacheBytesPerToken);
    }

    [Fact]
    public void Engine_layouts_change_the_MLA_cache()
    {
        Assert.Equal(61 * 576, Size("DeepSeek-V3", kv: KvCacheType.FP8).KvCacheBytesPerToken);
        Assert.Equal(61 * (656 + 132), Size("DeepSeek-V3.2-Exp", kv: KvCacheType.FP8).KvCacheBytesPerToken); // fp8_ds_mla + indexer key
        Assert.Equal(61 * (1152 + 132), Size("DeepSeek-V3.2-Exp").KvCacheBytesPerToken);
        var ollama = Size("DeepSeek-V3", WeightPrecision.Q4_K_M, engine: "Ollama").KvCacheBytesPerToken;
        Assert.Equal(61L * 128 * (192 + 128) * 2, ollama); // decompressed per-head K/V
        Assert.InRange(ollama / 70_272.0, 71, 71.2);
    }

    [Fact]
    public void Tensor_parallelism_splits_GQA_heads_but_replicates_the_MLA_latent()
    {
        var qwen = Size("DeepSeek-R1-Distill-Qwen-32B", WeightPrecision.BF16, "H100-SXM", gpuCount: 4, context: 32768);
        var v3 = Size("DeepSeek-V3", gpu: "H200", gpuCount: 8, context: 32768);

        Assert.Equal(qwen.KvCacheBytes / 4, qwen.KvCacheBytesPerGpu);
        Assert.Equal(v3.KvCacheBytes, v3.KvCacheBytesPerGpu);
    }

    [Fact]
    public void V3_in_native_FP8_needs_about_78_GiB_of_weights_per_GPU_at_TP8_so_8_H100_fail_and_8_H200_fit()
    {
        var h100 = Size("DeepSeek-V3", gpu: "H100-SXM", gpuCount: 8, context: 8192);
        var h200 = Size("DeepSeek-V3", gpu: "H200", gpuCount: 8, context: 8192);

        Assert.Equal("FP8", h100.Precision);
        Assert.InRange(h100.WeightBytesPerGpu / GiB, 77, 80);
        Assert.Equal(8, h100.TensorParallel);
        Assert.False(h100.Fits);
        Assert.True(h200.Fits);
        Assert.True(h200.MaxConcurrency >= 16);
    }

    [Fact]
    public void Without_a_count_the_smallest_layout_that_fits_is_chosen_and_beyond_a_node_pipeline_stages_are_added()
    {
        var v3 = Size("DeepSeek-V3", gpu: "H100-SXM", context: 8192);
        var distill = Size("DeepSeek-R1-Distill-Qwen-7B", WeightPrecision.BF16, "H100-SXM");

        Assert.Equal((16, 8, 2), (v3.GpuCount!.Value, v3.TensorParallel, v3.PipelineParallel));
        Assert.Equal(2, v3.Nodes);
        Assert.Contains(v3.Assumptions, a => a.Contains("2 servers of 8 GPUs", StringComparison.Ordinal));
        Assert.Equal((1, 1, 1), (distill.GpuCount!.Value, distill.TensorParallel, distill.Nodes!.Value));
    }

    [Fact]
    public void A_layout_beyond_one_server_says_how_many_servers_in_the_estimate_itself()
    {
        var r1 = Size("DeepSeek-R1", gpu: "RTX-4090");

        Assert.True(r1.GpuCount > 8);
        Assert.Equal((r1.GpuCount!.Value + 7) / 8, r1.Nodes);
        Assert.Null(Size("DeepSeek-R1").Nodes); // no GPU: no layout, no servers
    }

    [Fact]
    public void QLoRA_reports_the_NF4_base_it_sizes_not_the_BF16_checkpoint()
    {
        var qlora = Size("DeepSeek-R1-Distill-Llama-8B", workload: SizingWorkload.QLoRA, gpu: "L4");
        var lora = Size("DeepSeek-R1-Distill-Llama-8B", workload: SizingWorkload.LoRA, gpu: "L4");

        Assert.Equal("NF4", qlora.Precision);
        Assert.InRange(qlora.WeightBytes / (double)GiB, 3.8, 4.0); // 8.03B × 4.127 bits
        Assert.Equal("BF16", lora.Precision);
        Assert.InRange(lora.WeightBytes / (double)GiB, 14.9, 15.1);
    }

    [Fact]
    public void Memory_is_budgeted_per_GPU_never_pooled()
    {
        var llama = Size("DeepSeek-R1-Distill-Llama-70B", WeightPrecision.BF16, "H100-SXM", context: 32768, concurrency: 8);

        Assert.True(llama.Fits);
        Assert.True(llama.PerGpuBytes <= llama.PerGpuBudgetBytes);
        Assert.Equal(llama.PerGpuBytes * llama.GpuCount!.Value, llama.TotalBytes);
        Assert.True(llama.GpuCount >= 2); // 131 GiB of weights cannot sit on one 80 GB GPU, whatever the pooled total says
    }

    [Fact]
    public void One_T4_fails_the_7B_distill_in_BF16_and_holds_it_in_4_bit()
    {
        var bf16 = Size("DeepSeek-R1-Distill-Qwen-7B", WeightPrecision.BF16, "T4", gpuCount: 1, context: 4096);
        var int4 = Size("DeepSeek-R1-Distill-Qwen-7B", WeightPrecision.AWQ_INT4, "T4", gpuCount: 1, context: 4096);

        Assert.False(bf16.Fits);
        Assert.True(int4.Fits);
        Assert.Equal("FP16", bf16.KvCacheType); // Turing has no BF16
        Assert.Contains(bf16.Assumptions, a => a.Contains("no BF16 tensor cores", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("DeepSeek-LLM-7B", "H100-SXM")]
    [InlineData("DeepSeek-R1-Distill-Qwen-7B", "RTX-4090")]
    [InlineData("DeepSeek-Coder-6.7B", "A100-80GB")]
    [InlineData("DeepSeek-R1-Distill-Llama-8B", "L40S")]
    public void Decode_for_a_dense_7B_on_one_GPU_lands_between_40_and_90_percent_of_the_bandwidth_ideal(string model, string gpu)
    {
        var estimate = Size(model, WeightPrecision.BF16, gpu, gpuCount: 1, context: 1024);
        var ideal = Catalog.FindGpu(gpu)!.MemoryBandwidthBytesPerSecond / (double)estimate.WeightBytes;

        Assert.InRange(estimate.DecodeTokensPerSecond!.Value / ideal, 0.40, 0.90);
    }

    [Fact]
    public void Multi_GPU_MoE_at_batch_1_is_far_below_the_bandwidth_ideal_and_batching_raises_throughput()
    {
        var single = Size("DeepSeek-V3", gpu: "H200", gpuCount: 8, context: 4096);
        var batched = Size("DeepSeek-V3", gpu: "H200", gpuCount: 8, context: 4096, concurrency: 64);
        var perRankActiveBytes = single.ActiveParameters / 8.0; // FP8: one byte per weight
        var ideal = Catalog.FindGpu("H200")!.MemoryBandwidthBytesPerSecond / perRankActiveBytes;

        // The per-layer floor (launches, all-reduce, expert dispatch: vLLM's 190 µs × 61 layers) dominates a batch-1 step.
        Assert.InRange(single.DecodeTokensPerSecond!.Value / ideal, 0.05, 0.2);
        Assert.True(batched.DecodeTokensPerSecond > 10 * single.DecodeTokensPerSecond);
    }

    [Fact]
    public void The_multi_gpu_moe_floor_is_each_engines_own_and_says_whose()
    {
        // SGLang's 2026 releases run DeepSeek's MoE layers on eight GPUs at 150 µs each, vLLM's rows at 190 (engines.json).
        var sglang = Size("DeepSeek-R1-0528", gpu: "H200-SXM", gpuCount: 8, context: 4096, engine: "SGLang");
        var vllm = Size("DeepSeek-R1-0528", gpu: "H200-SXM", gpuCount: 8, context: 4096, engine: "vLLM");

        Assert.Contains(sglang.Assumptions, a => a.Contains("plus 150 µs per layer", StringComparison.Ordinal) && a.Contains("the multi-GPU MoE floor of SGLang's current releases", StringComparison.Ordinal));
        Assert.Contains(vllm.Assumptions, a => a.Contains("plus 190 µs per layer", StringComparison.Ordinal) && a.Contains("the multi-GPU MoE floor of vLLM's current releases", StringComparison.Ordinal));
        Assert.True(sglang.TimePerOutputTokenSeconds < vllm.TimePerOutputTokenSeconds);
    }

    [Fact]
    public void Max_context_and_max_concurrency_are_consistent_with_the_fit()
    {
        var estimate = Size("DeepSeek-R1-Distill-Qwen-14B", WeightPrecision.BF16, "L40S", gpuCount: 1, context: 8192, concurrency: 4);
        var atMax = Size("DeepSeek-R1-Distill-Qwen-14B", WeightPrecision.BF16, "L40S", gpuCount: 1, context: estimate.MaxContextLength, concurrency: 4);
        var beyond = Size("DeepSeek-R1-Distill-Qwen-14B", WeightPrecision.BF16, "L40S", gpuCount: 1, context: 8192, concurrency: estimate.MaxConcurrency!.Value + 1);

        Assert.True(estimate.Fits);
        Assert.True(atMax.Fits);
        Assert.False(beyond.Fits);
    }

    [Theory]
    [InlineData("DeepSeek-R1-Distill-Qwen-7B", "BF16", "L4", 1, 768, "vLLM")]
    [InlineData("DeepSeek-R1-Distill-Qwen-7B", "BF16", "H100-SXM", 1, 768, "vLLM")]
    [InlineData("DeepSeek-R1-Distill-Qwen-32B", "AWQ_INT4", "RTX-4090", 1, 2048, "vLLM")]
    [InlineData("DeepSeek-R1-Distill-Llama-70B", "FP8", "L40S", 2, 4096, "SGLang")]
    [InlineData("DeepSeek-R1-Distill-Qwen-14B", "Q4_K_M", "RTX-4090", 1, 4096, "llama.cpp")]
    [InlineData("DeepSeek-V3", "Native", "H200-SXM", 8, 4096, "vLLM")]
    public void The_most_sequences_said_to_fit_fit_and_one_more_does_not(string model, string precision, string gpu, int count, int context, string engine)
    {
        var precisionValue = Enum.Parse<WeightPrecision>(precision);
        var first = Size(model, precisionValue, gpu, count, context, 1, engine);
        var most = first.MaxConcurrency!.Value;
        Assert.InRange(most, 1, SizingEngine.MaxConcurrency - 1);

        Assert.True(Size(model, precisionValue, gpu, count, context, most, engine).Fits, "at the maximum");
        Assert.False(Size(model, precisionValue, gpu, count, context, most + 1, engine).Fits, "one beyond");
        Assert.Equal(most, Size(model, precisionValue, gpu, count, context, most, engine).MaxConcurrency);
    }

    [Fact]
    public void FP8_on_a_GPU_without_FP8_units_is_weight_only_in_vLLM_and_refused_by_SGLang()
    {
        var vllm = Size("DeepSeek-R1-Distill-Qwen-32B", WeightPrecision.FP8, "A100-80GB", gpuCount: 1);

        Assert.Contains(vllm.Assumptions, a => a.Contains("no FP8 tensor cores", StringComparison.Ordinal));
        var ex = Assert.Throws<SizingException>(() => Size("DeepSeek-R1-Distill-Qwen-32B", WeightPrecision.FP8, "A100-80GB", engine: "SGLang"));
        Assert.Equal(SizingErrorIds.PrecisionNotSupported, ex.ErrorId);
    }

    [Fact]
    public void Precisions_order_weights_as_their_bits_do()
    {
        var sizes = new[] { WeightPrecision.BF16, WeightPrecision.FP8, WeightPrecision.GPTQ_INT4 }
            .Select(p => Size("DeepSeek-R1-Distill-Qwen-32B", p).WeightBytes).ToList();
        var gguf = new[] { WeightPrecision.Q8_0, WeightPrecision.Q6_K, WeightPrecision.Q5_K_M, WeightPrecision.Q4_K_M, WeightPrecision.Q3_K_M, WeightPrecision.Q2_K }
            .Select(p => Size("DeepSeek-R1-Distill-Qwen-32B", p).WeightBytes).ToList();

        Assert.Equal(sizes.OrderByDescending(s => s), sizes);
        Assert.Equal(gguf.OrderByDescending(s => s), gguf);
        Assert.InRange(gguf[3] * 8.0 / 32.76e9, 4.8, 5.0); // Q4_K_M ≈ 4.9 bits per weight
    }

    [Fact]
    public void The_seed_rule_of_thumb_is_kept_apart_and_says_how_far_off_it_is()
    {
        var estimate = Size("DeepSeek-LLM-7B", WeightPrecision.BF16, context: 2048);

        Assert.Equal((long)(6.91e9 * 2 * 2), estimate.SeedRuleOfThumbBytes);
        Assert.True(estimate.SeedRuleOfThumbBytes > 1.5 * estimate.PerGpuBytes);
        Assert.Contains(estimate.Assumptions, a => a.StartsWith("Seed guides' rule of thumb", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0, 1, null, SizingErrorIds.InvalidContextLength)]
    [InlineData(200_000, 1, null, SizingErrorIds.ContextLengthExceedsModel)]
    [InlineData(4096, 0, null, SizingErrorIds.InvalidConcurrency)]
    [InlineData(4096, 1, 0, SizingErrorIds.InvalidGpuCount)]
    public void Bad_input_gets_a_stable_error_id_and_nothing_computed(int context, int concurrency, int? gpuCount, string errorId)
    {
        var ex = Assert.Throws<SizingException>(() => Size("DeepSeek-V3", gpu: "H200", context: context, concurrency: concurrency, gpuCount: gpuCount));

        Assert.Equal(errorId, ex.ErrorId);
    }

    [Fact]
    public void Force_sizes_a_context_beyond_the_configured_maximum()
    {
        var request = new SizingRequest(Catalog.FindModel("DeepSeek-LLM-7B")!) { ContextLength = 8192, Force = true };

        Assert.Equal(8192, SizingEngine.Estimate(request).ContextLength);
    }

    [Theory]
    [InlineData(WeightPrecision.Q4_K_M, "vLLM")]
    [InlineData(WeightPrecision.AWQ_INT4, "llama.cpp")]
    public void Precisions_an_engine_cannot_run_are_refused(WeightPrecision precision, string engine)
    {
        var ex = Assert.Throws<SizingException>(() => Size("DeepSeek-R1-Distill-Qwen-7B", precision, engine: engine));

        Assert.Equal(SizingErrorIds.PrecisionNotSupported, ex.ErrorId);
    }

    [Fact]
    public void Full_fine_tuning_needs_16_bytes_per_parameter_unless_ZeRO_shards_it()
    {
        var model = Catalog.FindModel("DeepSeek-R1-Distill-Qwen-7B")!;
        var gpu = Catalog.FindGpu("H100-SXM");
        var plain = SizingEngine.Estimate(new SizingRequest(model) { Workload = SizingWorkload.FullFineTune, Gpu = gpu, ContextLength = 4096, GradientCheckpointing = true });
        var zero3 = SizingEngine.Estimate(new SizingRequest(model) { Workload = SizingWorkload.FullFineTune, Gpu = gpu, ContextLength = 4096, GradientCheckpointing = true, ZeroStage = 3 });
        var qlora = SizingEngine.Estimate(new SizingRequest(model) { Workload = SizingWorkload.QLoRA, Gpu = Catalog.FindGpu("L4"), ContextLength = 2048 });

        Assert.False(plain.Fits);
        Assert.True(plain.PerGpuBytes > 16 * plain.TotalParameters);
        Assert.True(zero3.Fits);
        Assert.InRange(zero3.GpuCount!.Value, 2, 8);
        Assert.True(qlora.Fits);
        Assert.True(qlora.TrainingTokensPerSecond > 0);
    }

    [Fact]
    public void Estimates_are_deterministic_and_explain_themselves()
    {
        var a = Size("DeepSeek-V2-Lite", gpu: "L4", context: 16384, concurrency: 2);
        var b = Size("DeepSeek-V2-Lite", gpu: "L4", context: 16384, concurrency: 2);

        Assert.Equal(a.PerGpuBytes, b.PerGpuBytes);
        Assert.Equal(a.DecodeTokensPerSecond, b.DecodeTokensPerSecond);
        Assert.Contains(a.Assumptions, x => x.StartsWith("KV cache: MLA latent", StringComparison.Ordinal));
        Assert.Contains(a.Assumptions, x => x.StartsWith("Budget per GPU", StringComparison.Ordinal));
    }
}

/// <summary>Layouts the user gives: sized as launched, checked as the engines require.</summary>
public sealed class ExplicitLayoutTests
{
    private static readonly DeepSeekCatalog Catalog = DeepSeekCatalog.Builtin;

    private static SizingEstimate Size(string model, string gpu, int? tp = null, int? pp = null, int? dp = null, int? ep = null, bool dpAttention = false,
        int? count = null, int concurrency = 64, int context = 8192, string? engine = null, WeightPrecision precision = WeightPrecision.Native) =>
        SizingEngine.Estimate(new SizingRequest(Catalog.FindModel(model)!)
        {
            Gpu = Catalog.FindGpu(gpu),
            GpuCount = count,
            TensorParallel = tp,
            PipelineParallel = pp,
            DataParallel = dp,
            ExpertParallel = ep,
            DataParallelAttention = dpAttention,
            Concurrency = concurrency,
            ContextLength = context,
            Engine = engine,
            Precision = precision,
        });

    [Fact]
    public void The_layout_the_sizing_would_choose_gives_the_same_figures_when_given()
    {
        var chosen = Size("DeepSeek-V3", "H200-SXM");
        var given = Size("DeepSeek-V3", "H200-SXM", tp: chosen.TensorParallel, pp: chosen.PipelineParallel);

        Assert.Equal(chosen.PerGpuBytes, given.PerGpuBytes);
        Assert.Equal(chosen.MaxConcurrency, given.MaxConcurrency);
        Assert.Equal(chosen.DecodeTokensPerSecond, given.DecodeTokensPerSecond);
    }

    [Fact]
    public void Data_parallel_attention_stops_replicating_the_MLA_cache_and_spreads_the_experts()
    {
        var tp8 = Size("DeepSeek-V3", "H200-SXM", tp: 8);
        var dpa = Size("DeepSeek-V3", "H200-SXM", tp: 1, dp: 8, dpAttention: true);

        Assert.Equal(8, dpa.GpuCount);
        Assert.Equal(8, dpa.ExpertParallel);
        Assert.True(dpa.DataParallelAttention);
        Assert.Equal(tp8.KvCacheBytesPerGpu / 8.0, dpa.KvCacheBytesPerGpu, 0.01 * dpa.KvCacheBytesPerGpu); // each rank caches 8 of 64 sequences
        Assert.True(dpa.WeightBytesPerGpu > tp8.WeightBytesPerGpu); // attention replicated on every rank
        Assert.True(dpa.MaxConcurrency > 3 * tp8.MaxConcurrency, $"{dpa.MaxConcurrency} vs {tp8.MaxConcurrency}");
    }

    [Fact]
    public void Data_parallel_replicas_of_a_dense_model_each_serve_their_share()
    {
        var one = Size("DeepSeek-R1-Distill-Qwen-7B", "H100-SXM", count: 1, concurrency: 16);
        var four = Size("DeepSeek-R1-Distill-Qwen-7B", "H100-SXM", tp: 1, dp: 4, concurrency: 64);

        Assert.Equal(4, four.GpuCount);
        Assert.Equal(one.PerGpuBytes, four.PerGpuBytes);
        Assert.Equal(4 * one.MaxConcurrency, four.MaxConcurrency);
        Assert.Equal(4 * one.DecodeTokensPerSecond!.Value, four.DecodeTokensPerSecond!.Value, 0.01 * four.DecodeTokensPerSecond.Value);
    }

    [Fact]
    public void Pipeline_stages_split_the_weights()
    {
        var tp8 = Size("DeepSeek-V3", "H100-SXM", tp: 8, pp: 1);
        var pp2 = Size("DeepSeek-V3", "H100-SXM", tp: 8, pp: 2);

        Assert.False(tp8.Fits);
        Assert.True(pp2.Fits);
        Assert.Equal(16, pp2.GpuCount);
        Assert.Equal(2, pp2.Nodes);
        Assert.InRange(pp2.WeightBytesPerGpu / (double)tp8.WeightBytesPerGpu, 0.45, 0.55);
    }

    [Theory]
    [InlineData("DeepSeek-V3", 3, null, null, null, false, null, null, "divide the 128 attention heads")]
    [InlineData("DeepSeek-V3", 8, null, null, null, false, 16, null, "GpuCount 16 is not")]
    [InlineData("DeepSeek-R1-Distill-Qwen-7B", 1, null, 4, null, true, null, null, "for MLA models")]
    [InlineData("DeepSeek-R1-Distill-Qwen-7B", 2, null, null, 2, false, null, null, "dense model")]
    [InlineData("DeepSeek-V3", 2, null, 2, 8, false, null, null, "neither")]
    [InlineData("DeepSeek-R1-Distill-Qwen-7B", 2, null, null, null, false, null, "llama.cpp", "splits whole layers")]
    [InlineData("DeepSeek-V3", 0, null, null, null, false, null, null, "must be 1 to")]
    public void A_layout_the_engines_cannot_launch_is_refused(string model, int tp, int? pp, int? dp, int? ep, bool dpAttention, int? count, string? engine, string message)
    {
        var ex = Assert.Throws<SizingException>(() => Size(model, "H100-SXM", tp, pp, dp, ep, dpAttention, count, engine: engine,
            precision: engine == "llama.cpp" ? WeightPrecision.Q4_K_M : WeightPrecision.Native));

        Assert.Equal(SizingErrorIds.InvalidLayout, ex.ErrorId);
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }
}
