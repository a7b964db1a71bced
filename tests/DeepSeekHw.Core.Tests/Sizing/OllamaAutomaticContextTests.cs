using DeepSeekHw.Catalog;
using DeepSeekHw.Sizing;

namespace DeepSeekHw.Core.Tests.Sizing;

/// <summary>
/// Ollama picks num_ctx itself when none is set: by the GPUs' total memory (4k below 23 GiB, 32k below 47, 256k above),
/// capped at the model's trained context, stepping down to 32k and 4k when the load does not fit (server/routes.go,
/// server/sched.go). On a known machine the estimate sizes that choice; elsewhere the general default stays.
/// </summary>
public sealed class OllamaAutomaticContextTests
{
    private static SizingEstimate Size(string model, string gpu, int? gpus, string engine = "Ollama", int? context = null) =>
        SizingEngine.Estimate(new SizingRequest(DeepSeekCatalog.Builtin.FindModel(model)!)
        {
            Precision = WeightPrecision.Q4_K_M, Engine = engine, Gpu = DeepSeekCatalog.Builtin.FindGpu(gpu), GpuCount = gpus, ContextLength = context,
        });

    [Theory]
    [InlineData("RTX-3060", 1, 4096)] // 12 GiB
    [InlineData("RTX-4090", 1, 32768)] // 24 GiB
    [InlineData("RTX-4090", 2, 131072)] // 48 GiB: 262,144, capped at the model's 131,072
    public void The_context_follows_the_machines_gpu_memory(string gpu, int count, int expected)
    {
        var estimate = Size("DeepSeek-R1-Distill-Qwen-7B", gpu, count);

        Assert.Equal(expected, estimate.ContextLength);
        Assert.True(estimate.Fits);
        Assert.StartsWith("Context: ", estimate.Assumptions[0], StringComparison.Ordinal);
        Assert.Contains("the num_ctx Ollama picks itself when none is set", estimate.Assumptions[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_context_that_does_not_fit_steps_down_as_ollama_does()
    {
        // 32B in Q4_K_M (about 19 GB) with 32,768 tokens of cache does not fit one 24 GB card; 4,096 does.
        var estimate = Size("DeepSeek-R1-Distill-Qwen-32B", "RTX-4090", 1);

        Assert.Equal(4096, estimate.ContextLength);
        Assert.True(estimate.Fits);
        Assert.Contains("32,768 for 24 GiB of GPU memory, lowered to 4,096 as it does when that does not fit", estimate.Assumptions[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_context_set_an_engine_that_needs_one_or_an_open_gpu_count_keeps_the_general_default()
    {
        Assert.Equal(16384, Size("DeepSeek-R1-Distill-Qwen-7B", "RTX-4090", 1, context: 16384).ContextLength);
        Assert.Equal(8192, Size("DeepSeek-R1-Distill-Qwen-7B", "RTX-4090", 1, engine: "llama.cpp").ContextLength);
        Assert.Equal(8192, Size("DeepSeek-R1-Distill-Qwen-7B", "RTX-4090", null).ContextLength);
    }
}

public sealed class AutomaticContextRuleTests
{
    private static AutomaticContextRule? Read(string json) => AutomaticContextRule.Read(DeepSeekHw.Json.JsonParser.Parse(json), "engines.json test");

    [Fact]
    public void Tiers_are_read_in_any_order_and_the_largest_memory_matched_first()
    {
        var rule = Read("""{ "tiers": [ { "fromGiB": 0, "tokens": 4096 }, { "fromGiB": 47, "tokens": 262144 }, { "fromGiB": 23, "tokens": 32768 } ], "lowersTo": [ 4096, 32768 ] }""")!;

        Assert.Equal(4096, rule.TokensFor(22L << 30));
        Assert.Equal(32768, rule.TokensFor(23L << 30));
        Assert.Equal(262144, rule.TokensFor(80L << 30));
        Assert.Equal(new[] { 32768, 4096 }, rule.Fallbacks);
        Assert.Null(Read("null"));
    }

    [Theory]
    [InlineData("""{ "tiers": [], "lowersTo": [] }""")]
    [InlineData("""{ "tiers": [ { "fromGiB": 8, "tokens": 4096 } ], "lowersTo": [] }""")] // no tier for the smallest machines
    [InlineData("""{ "tiers": [ { "fromGiB": 0, "tokens": 0 } ], "lowersTo": [] }""")]
    [InlineData("""{ "tiers": [ { "fromGiB": 0, "tokens": 4096 } ], "lowersTo": [ -1 ] }""")]
    public void A_rule_that_leaves_a_machine_without_a_context_is_refused(string json)
    {
        Assert.Throws<CatalogException>(() => Read(json));
    }
}
