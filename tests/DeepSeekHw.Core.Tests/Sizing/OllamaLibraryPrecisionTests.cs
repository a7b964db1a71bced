using DeepSeekHw.Catalog;
using DeepSeekHw.Launch;
using DeepSeekHw.Sizing;

namespace DeepSeekHw.Core.Tests.Sizing;

/// <summary>
/// Ollama runs the files of its own library: with no -Precision, a model it carries is sized as the tag `ollama run`
/// pulls (deepseek-r1:7b ... :671b are Q4_K_M), not as the released BF16/FP8 checkpoint that Ollama never downloads.
/// </summary>
public sealed class OllamaLibraryPrecisionTests
{
    private static SizingEstimate Size(string model, string? engine, WeightPrecision precision = WeightPrecision.Native) =>
        SizingEngine.Estimate(new SizingRequest(DeepSeekCatalog.Builtin.FindModel(model)!) { Engine = engine, Precision = precision, ContextLength = 4096 });

    [Theory]
    [InlineData("DeepSeek-R1-Distill-Qwen-7B", "deepseek-r1:7b")]
    [InlineData("DeepSeek-R1-Distill-Llama-8B", "deepseek-r1:8b-llama-distill-q4_K_M")]
    [InlineData("DeepSeek-R1", "deepseek-r1:671b")]
    public void A_library_model_is_sized_as_the_file_ollama_run_pulls(string model, string tag)
    {
        var estimate = Size(model, "Ollama");

        Assert.Equal("Q4_K_M", estimate.Precision);
        Assert.Equal(Size(model, "llama.cpp", WeightPrecision.Q4_K_M).WeightBytes, estimate.WeightBytes);
        Assert.Contains(estimate.Assumptions, a => a.StartsWith("Precision: Q4_K_M, the file `ollama run " + tag + "` pulls (", StringComparison.Ordinal));
    }

    [Fact]
    public void The_readme_sizes_are_the_q4_k_m_files_not_q4_0()
    {
        // The source of the tags' type: the Ollama README's 4.7GB (deepseek-r1, the 7B) and 404GB (deepseek-r1:671b).
        Assert.Equal(4.7, Size("DeepSeek-R1-Distill-Qwen-7B", "llama.cpp", WeightPrecision.Q4_K_M).WeightBytes / 1e9, 1);
        Assert.Equal(4.4, Size("DeepSeek-R1-Distill-Qwen-7B", "llama.cpp", WeightPrecision.Q4_0).WeightBytes / 1e9, 1);
        Assert.InRange(Size("DeepSeek-R1", "llama.cpp", WeightPrecision.Q4_K_M).WeightBytes / 1e9, 403.5, 405.5);
        Assert.InRange(Size("DeepSeek-R1", "llama.cpp", WeightPrecision.Q4_0).WeightBytes / 1e9, 370, 390);
    }

    [Fact]
    public void An_asked_precision_or_another_engine_keeps_its_own()
    {
        Assert.Equal("Q8_0", Size("DeepSeek-R1-Distill-Qwen-7B", "Ollama", WeightPrecision.Q8_0).Precision);
        Assert.Equal("BF16", Size("DeepSeek-R1-Distill-Qwen-7B", "llama.cpp").Precision);
        Assert.Equal("BF16", Size("DeepSeek-R1-Distill-Qwen-7B", "vLLM").Precision);
        Assert.Equal("BF16", Size("DeepSeek-R1-Distill-Qwen-7B", null).Precision);
    }

    [Fact]
    public void A_tag_of_unknown_type_keeps_the_released_weights_and_says_so_at_launch()
    {
        // deepseek-v2:16b is in the library, but no published figure here says which type its file holds (the 2024
        // uploads were not all Q4_K_M): the estimate keeps the released BF16, and the launch note claims no type.
        var model = DeepSeekCatalog.Builtin.FindModel("DeepSeek-V2-Lite")!;
        var gpu = DeepSeekCatalog.Builtin.FindGpu("RTX-4090");
        var estimate = SizingEngine.Estimate(new SizingRequest(model) { Engine = "Ollama", Precision = WeightPrecision.Q4_K_M, Gpu = gpu, GpuCount = 1 });

        Assert.Equal("deepseek-v2:16b", model.OllamaTag);
        Assert.Null(model.OllamaTagPrecision);
        Assert.Equal("BF16", Size("DeepSeek-V2-Lite", "Ollama").Precision);
        Assert.Contains(LaunchPlanner.Plan(model, estimate, gpu).Notes, n => n.StartsWith("Ollama's deepseek-v2:16b is the library's default file, of a type the catalog does not know; for Q4_K_M", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("deepseek-r1:7b", true)]
    [InlineData("deepseek-r1:8b-llama-distill-q4_K_M", true)]
    [InlineData("deepseek-r1:7b-qwen-distill-q8_0", true)]
    [InlineData("R1-Distill-Qwen-7B", false)]
    [InlineData("deepseek-r1", false)]
    public void A_tag_is_a_name_and_a_size(string alias, bool expected) => Assert.Equal(expected, OllamaLibrary.IsTag(alias));

    [Fact]
    public void A_hostile_alias_is_no_tag_and_costs_no_time()
    {
        // A user's catalog alias built to make the pattern backtrack: refused as a tag, not hung on.
        var hostile = "deepseek-a:1b-" + new string('-', 50_000) + "!";

        Assert.False(OllamaLibrary.IsTag(hostile));
    }

    [Fact]
    public void Another_type_points_at_the_tag_that_holds_it()
    {
        var model = DeepSeekCatalog.Builtin.FindModel("DeepSeek-R1-Distill-Llama-8B")!;
        var gpu = DeepSeekCatalog.Builtin.FindGpu("RTX-4090");
        var estimate = SizingEngine.Estimate(new SizingRequest(model) { Engine = "Ollama", Precision = WeightPrecision.Q8_0, Gpu = gpu, GpuCount = 1 });

        Assert.Contains(LaunchPlanner.Plan(model, estimate, gpu).Notes, n => n == "Ollama's deepseek-r1:8b-llama-distill-q4_K_M is Q4_K_M; for Q8_0 use the library's matching tag (e.g. deepseek-r1:8b-llama-distill-q8_0) or a GGUF file.");
    }

    [Fact]
    public void The_launch_file_pulls_the_tag_the_estimate_sized_without_a_caveat()
    {
        var model = DeepSeekCatalog.Builtin.FindModel("DeepSeek-R1-Distill-Qwen-7B")!;
        var gpu = DeepSeekCatalog.Builtin.FindGpu("RTX-4090");
        var estimate = SizingEngine.Estimate(new SizingRequest(model) { Engine = "Ollama", Gpu = gpu, GpuCount = 1 });

        var launch = LaunchPlanner.Plan(model, estimate, gpu);

        Assert.Contains("FROM deepseek-r1:7b\n", launch.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(launch.Notes, n => n.StartsWith("Ollama's deepseek-r1:7b is", StringComparison.Ordinal));
    }
}
