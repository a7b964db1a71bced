using System.IO;
using System.Text;
using DeepSeekHw.Catalog;
using DeepSeekHw.Launch;
using DeepSeekHw.Sizing;
using YamlDotNet.RepresentationModel;

namespace DeepSeekHw.Core.Tests.Launch;

/// <summary>Every generated command line and manifest is read back into the values it was built from, and they are the sizing's.</summary>
public sealed class LaunchPlannerTests
{
    private static readonly DeepSeekCatalog Catalog = DeepSeekCatalog.Builtin;

    public static TheoryData<string, string, string?, int?, int, int, string> Deployments => new()
    {
        // model, precision, GPU (null: CPU), count, context, concurrency, engine
        { "DeepSeek-V3", "Native", "H200-SXM", null, 32768, 4, "vLLM" },
        { "DeepSeek-V3", "Native", "H100-SXM", null, 8192, 1, "vLLM" },
        { "DeepSeek-V3", "Native", "H200-SXM", null, 32768, 8, "SGLang" },
        { "DeepSeek-R1-Distill-Qwen-32B", "AWQ_INT4", "RTX-4090", 1, 2048, 1, "vLLM" },
        { "DeepSeek-R1-Distill-Llama-70B", "FP8", "L40S", 2, 8192, 8, "SGLang" },
        { "DeepSeek-R1-Distill-Qwen-32B", "Q4_K_M", "RTX-4090", null, 8192, 4, "llama.cpp" },
        { "DeepSeek-R1-Distill-Qwen-7B", "Q4_K_M", null, null, 8192, 1, "llama.cpp" },
        { "DeepSeek-R1-Distill-Qwen-7B", "BF16", "T4", 2, 4096, 2, "vLLM" },
    };

    [Theory]
    [InlineData("vLLM", "vllm serve deepseek-ai/DeepSeek-V3 --data-parallel-size 8 --enable-expert-parallel")]
    [InlineData("SGLang", "--tp 8 --dp 8 --enable-dp-attention --ep-size 8")]
    public void Data_parallel_attention_launches_as_sized(string engine, string expected)
    {
        var model = Catalog.FindModel("DeepSeek-V3")!;
        var gpu = Catalog.FindGpu("H200-SXM")!;
        var estimate = SizingEngine.Estimate(new SizingRequest(model) { Gpu = gpu, Engine = engine, TensorParallel = 1, DataParallel = 8, DataParallelAttention = true, Concurrency = 64 });

        var config = LaunchPlanner.Plan(model, estimate, gpu);

        Assert.Contains(expected, config.Text, StringComparison.Ordinal);
        Assert.Equal(config.Arguments, ShellWords(config.Text));
        Assert.Equal((8, 8, true), (config.DataParallel, config.ExpertParallel, config.DataParallelAttention));
        Assert.Equal(estimate.GpuCount, config.GpuCount);
    }

    [Theory]
    [MemberData(nameof(Deployments))]
    public void The_command_line_reads_back_into_the_sizing_it_was_made_from(string model, string precision, string? gpu, int? count, int context, int concurrency, string engine)
    {
        var (estimate, config) = Plan(model, precision, gpu, count, context, concurrency, engine);

        Assert.Equal(config.Arguments, ShellWords(config.Text)); // the text a user pastes is the argument list
        var flags = Flags(config.Arguments);
        switch (engine)
        {
            case "vLLM":
                Assert.Equal(estimate.TensorParallel, int.Parse(flags.GetValueOrDefault("--tensor-parallel-size", "1"), CultureInfo.InvariantCulture));
                Assert.Equal(estimate.PipelineParallel, int.Parse(flags.GetValueOrDefault("--pipeline-parallel-size", "1"), CultureInfo.InvariantCulture));
                Assert.Equal(estimate.ExpertParallel > 1, flags.ContainsKey("--enable-expert-parallel"));
                Assert.Equal(estimate.ContextLength, int.Parse(flags["--max-model-len"], CultureInfo.InvariantCulture));
                Assert.Equal(estimate.Concurrency, int.Parse(flags["--max-num-seqs"], CultureInfo.InvariantCulture));
                Assert.Equal(estimate.MemoryUtilization, double.Parse(flags["--gpu-memory-utilization"], CultureInfo.InvariantCulture));
                Assert.Equal(estimate.TensorParallel * estimate.PipelineParallel, estimate.GpuCount);
                break;
            case "SGLang":
                Assert.Equal(estimate.GpuCount, int.Parse(flags["--tp"], CultureInfo.InvariantCulture));
                Assert.Equal(estimate.ContextLength, int.Parse(flags["--context-length"], CultureInfo.InvariantCulture));
                Assert.Equal(estimate.Concurrency, int.Parse(flags["--max-running-requests"], CultureInfo.InvariantCulture));
                Assert.Equal(estimate.MemoryUtilization, double.Parse(flags["--mem-fraction-static"], CultureInfo.InvariantCulture));
                break;
            case "llama.cpp":
                Assert.Equal((long)estimate.ContextLength * estimate.Concurrency, long.Parse(flags["-c"], CultureInfo.InvariantCulture));
                Assert.Equal(estimate.Concurrency, int.Parse(flags["-np"], CultureInfo.InvariantCulture));
                Assert.Equal(gpu is null ? 0 : Catalog.FindModel(model)!.NumLayers + 1, int.Parse(flags["-ngl"], CultureInfo.InvariantCulture));
                break;
        }

        Assert.Equal(estimate.Fits, config.Fits);
    }

    [Fact]
    public void Quantized_precisions_ask_the_engine_for_their_kernels()
    {
        Assert.Equal("awq_marlin", Flags(Plan("DeepSeek-R1-Distill-Qwen-32B", "AWQ_INT4", "RTX-4090", 2, 8192, 1, "vLLM").Config.Arguments)["--quantization"]);
        Assert.Equal("fp8", Flags(Plan("DeepSeek-R1-Distill-Llama-70B", "FP8", "H100-SXM", 1, 8192, 1, "vLLM").Config.Arguments)["--quantization"]);
        Assert.False(Flags(Plan("DeepSeek-V3", "Native", "H200-SXM", null, 8192, 1, "vLLM").Config.Arguments).ContainsKey("--quantization")); // an FP8 checkpoint
        Assert.Equal("half", Flags(Plan("DeepSeek-R1-Distill-Qwen-7B", "BF16", "T4", 2, 4096, 1, "vLLM").Config.Arguments)["--dtype"]); // Turing: no BF16
        Assert.Equal("fp8", Flags(Plan("DeepSeek-R1-Distill-Qwen-7B", "BF16", "H100-SXM", 1, 8192, 1, "vLLM", KvCacheType.FP8).Config.Arguments)["--kv-cache-dtype"]);
    }

    [Fact]
    public void Each_engine_is_asked_for_its_own_8_bit_kv_cache()
    {
        Assert.Equal("fp8_e4m3", Flags(Plan("DeepSeek-R1-Distill-Qwen-7B", "BF16", "H100-SXM", 1, 8192, 1, "SGLang", KvCacheType.FP8).Config.Arguments)["--kv-cache-dtype"]);
        var llama = Flags(Plan("DeepSeek-V2-Lite", "Q4_K_M", "RTX-3090", 1, 32768, 1, "llama.cpp", KvCacheType.FP8).Config.Arguments);
        Assert.Equal(("q8_0", "on"), (llama["-ctk"], llama["-fa"]));

        var (_, ollama) = Plan("DeepSeek-R1-Distill-Qwen-7B", "Q4_K_M", "RTX-3060", null, 16384, 2, "Ollama", KvCacheType.FP8);
        Assert.Equal(("q8_0", "1"), (ollama.Environment["OLLAMA_KV_CACHE_TYPE"], ollama.Environment["OLLAMA_FLASH_ATTENTION"]));
        Assert.Contains("# then: OLLAMA_NUM_PARALLEL=2 OLLAMA_FLASH_ATTENTION=1 OLLAMA_KV_CACHE_TYPE=q8_0 ollama serve", ollama.Text, StringComparison.Ordinal);
        Assert.False(Plan("DeepSeek-R1-Distill-Qwen-7B", "Q4_K_M", "RTX-3060", null, 16384, 2, "Ollama").Config.Environment.ContainsKey("OLLAMA_KV_CACHE_TYPE"));
    }

    [Theory]
    [InlineData("DeepSeek-V3", "Native", "H200-SXM", "vLLM")]
    [InlineData("DeepSeek-R1-Distill-Llama-70B", "FP8", "MI300X", "SGLang")]
    [InlineData("DeepSeek-R1-Distill-Qwen-32B", "Q4_K_M", "RTX-4090", "llama.cpp")]
    public void The_kubernetes_manifest_parses_and_runs_the_same_command_with_the_quota_rule(string model, string precision, string gpu, string engine)
    {
        var (_, config) = Plan(model, precision, gpu, null, 16384, 2, engine);
        var manifest = LaunchPlanner.Kubernetes(config, Catalog.FindGpu(gpu), CompatibilityChecklist.Builtin);

        var yaml = new YamlStream();
        yaml.Load(new StringReader(manifest.Text));
        var root = (YamlMappingNode)yaml.Documents.Single().RootNode;
        Assert.Equal("Deployment", root["kind"].ToString());
        var container = (YamlMappingNode)((YamlSequenceNode)root["spec"]["template"]["spec"]["containers"]).Single();
        var command = ((YamlSequenceNode)container["command"]).Select(n => n.ToString()).Concat(((YamlSequenceNode)container["args"]).Select(n => n.ToString()));
        Assert.Equal(config.Arguments, command);
        var limits = (YamlMappingNode)container["resources"]["limits"];
        var resource = Catalog.FindGpu(gpu)!.Vendor == GpuVendor.AMD ? "amd.com/gpu" : "nvidia.com/gpu";
        var gpus = int.Parse(limits[resource].ToString(), CultureInfo.InvariantCulture);
        Assert.Equal(config.GpuCount / config.Nodes, gpus);
        Assert.Equal(gpus * CompatibilityChecklist.Builtin.Policy("cpuCoresPerGpu").Value, double.Parse(limits["cpu"].ToString(), CultureInfo.InvariantCulture));
        Assert.EndsWith("Gi", limits["memory"].ToString(), StringComparison.Ordinal);
        Assert.Equal("Memory", ((YamlMappingNode)((YamlSequenceNode)root["spec"]["template"]["spec"]["volumes"]).First())["emptyDir"]["medium"].ToString());
    }

    [Fact]
    public void Ollama_gets_a_modelfile_with_the_sized_context_and_parallelism()
    {
        var (estimate, config) = Plan("DeepSeek-R1-Distill-Qwen-7B", "Q4_K_M", "RTX-3060", null, 16384, 2, "Ollama");

        Assert.Equal("Modelfile", config.Kind);
        Assert.Contains("FROM deepseek-r1:7b\n", config.Text, StringComparison.Ordinal);
        Assert.Contains("PARAMETER num_ctx " + estimate.ContextLength.ToString(CultureInfo.InvariantCulture) + "\n", config.Text, StringComparison.Ordinal);
        Assert.Equal("2", config.Environment["OLLAMA_NUM_PARALLEL"]);
    }

    [Fact]
    public void Ollama_names_the_llama_distill_by_its_own_tag_since_deepseek_r1_8b_is_another_model()
    {
        // Ollama moved deepseek-r1:8b to DeepSeek-R1-0528-Qwen3-8B (May 2025); the Llama distill is 8b-llama-distill-*.
        var (_, q4) = Plan("DeepSeek-R1-Distill-Llama-8B", "Q4_K_M", "RTX-3060", null, 8192, 1, "Ollama");
        var (_, q8) = Plan("DeepSeek-R1-Distill-Llama-8B", "Q8_0", "RTX-4090", null, 8192, 1, "Ollama");

        Assert.Contains("FROM deepseek-r1:8b-llama-distill-q4_K_M\n", q4.Text, StringComparison.Ordinal);
        Assert.Contains(q8.Notes, n => n.Contains("(e.g. deepseek-r1:8b-llama-distill-q8_0)", StringComparison.Ordinal));
        Assert.Null(Catalog.FindModel("deepseek-r1:8b"));
    }

    [Fact]
    public void Transformers_is_a_library_with_no_server_to_launch()
    {
        var model = Catalog.FindModel("DeepSeek-R1-Distill-Qwen-7B")!;
        var estimate = SizingEngine.Estimate(new SizingRequest(model) { Engine = "Transformers", Gpu = Catalog.FindGpu("H100-SXM"), GpuCount = 1 });

        Assert.Equal(SizingErrorIds.UnknownEngine, Assert.Throws<SizingException>(() => LaunchPlanner.Plan(model, estimate, Catalog.FindGpu("H100-SXM"))).ErrorId);
    }

    private static (SizingEstimate Estimate, LaunchConfig Config) Plan(string model, string precision, string? gpu, int? count, int context, int concurrency, string engine, KvCacheType kv = KvCacheType.Auto)
    {
        var spec = Catalog.FindModel(model)!;
        var gpuSpec = gpu is null ? null : Catalog.FindGpu(gpu);
        var estimate = SizingEngine.Estimate(new SizingRequest(spec)
        {
            Precision = Enum.Parse<WeightPrecision>(precision),
            Gpu = gpuSpec,
            GpuCount = gpuSpec is null ? null : count,
            ContextLength = context,
            Concurrency = concurrency,
            Engine = engine,
            KvCacheType = kv,
        });
        return (estimate, LaunchPlanner.Plan(spec, estimate, gpuSpec));
    }

    private static Dictionary<string, string> Flags(IReadOnlyList<string> arguments)
    {
        var flags = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i].StartsWith('-'))
            {
                flags[arguments[i]] = i + 1 < arguments.Count && !arguments[i + 1].StartsWith('-') ? arguments[++i] : string.Empty;
            }
        }

        return flags;
    }

    // POSIX shell words: blanks separate, single quotes keep everything, a backslash outside them makes the next character literal.
    internal static List<string> ShellWords(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var quoted = false;
        var any = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '\'' )
            {
                quoted = !quoted;
                any = true;
            }
            else if (c == '\\' && !quoted && i + 1 < line.Length)
            {
                word.Append(line[++i]);
            }
            else if (c == ' ' && !quoted)
            {
                if (any || word.Length > 0)
                {
                    words.Add(word.ToString());
                }

                word.Clear();
                any = false;
            }
            else
            {
                word.Append(c);
            }
        }

        if (any || word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    [Theory]
    [InlineData("it's", "'it'\\''s'")]
    [InlineData("a b", "'a b'")]
    [InlineData("--max-model-len", "--max-model-len")]
    [InlineData("", "''")]
    public void Shell_quoting_round_trips(string word, string quoted)
    {
        Assert.Equal(quoted, LaunchPlanner.Shell(new[] { word }));
        Assert.Equal(new[] { word }, ShellWords(LaunchPlanner.Shell(new[] { word })));
    }
}
