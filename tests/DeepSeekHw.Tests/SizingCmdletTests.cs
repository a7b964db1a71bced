using System.Text.Json;
using DeepSeekHw.Shell;

namespace DeepSeekHw.Tests;

public sealed class SizingCmdletTests : IClassFixture<SharedSession>
{
    private static readonly string[] RequiredProperties =
    {
        "Model", "Precision", "KvCacheType", "Engine", "ContextLength", "Concurrency", "TotalParameters", "ActiveParameters",
        "WeightBytes", "KvCacheBytesPerToken", "KvCacheBytes", "ActivationBytes", "OverheadBytes", "TotalBytes", "PerGpuBytes",
        "GpuCount", "TensorParallel", "PipelineParallel", "ExpertParallel", "Fits", "MaxContextLength", "MaxConcurrency",
        "DecodeTokensPerSecond", "PrefillTokensPerSecond", "TimeToFirstTokenSeconds", "Assumptions", "SeedRuleOfThumbBytes",
    };

    private readonly PowerShellSession _session;

    public SizingCmdletTests(SharedSession shared)
    {
        _session = shared.Session;
    }

    [Fact]
    public void Several_precisions_give_one_estimate_each()
    {
        var result = _session.Run("Get-DeepSeekSizing -Model DeepSeek-R1-Distill-Qwen-32B -Precision BF16,FP8,INT4 -Gpu H100-SXM");

        Assert.Empty(result.Errors);
        Assert.Equal(new[] { "BF16", "FP8", "INT4" }, result.Output.Select(o => o.Properties["Precision"].Value));
        Assert.All(result.Output, o => Assert.Equal("DeepSeekHw.SizingEstimate", o.TypeNames[0]));
    }

    [Fact]
    public void Models_and_GPUs_bind_from_the_pipeline()
    {
        var result = _session.Run("Get-DeepSeekModel -Name *Distill-Qwen-1.5B, *Distill-Qwen-7B | Get-DeepSeekSizing -Precision Q4_K_M -Gpu RTX-4090");

        Assert.Empty(result.Errors);
        Assert.Equal(2, result.Output.Count);
        Assert.All(result.Output, o => Assert.Equal("llama.cpp", o.Properties["Engine"].Value));
    }

    [Fact]
    public void The_host_prints_the_acceptance_estimate_as_JSON_with_every_property()
    {
        using var output = new StringWriter();
        var exit = new ShellRunner(output, TextWriter.Null, RepoPaths.ModuleManifest, 120).Run(ShellOptions.Parse(
            "-OutputFormat Json Get-DeepSeekSizing -Model DeepSeek-R1-Distill-Llama-70B -Precision BF16 -ContextLength 32768 -Concurrency 8 -Gpu H100-SXM".Split(' ')));

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output.ToString());
        var estimate = Assert.Single(json.RootElement.EnumerateArray());
        Assert.All(RequiredProperties, p => Assert.True(estimate.TryGetProperty(p, out _), p));
        Assert.Equal(JsonValueKind.Number, estimate.GetProperty("PerGpuBytes").ValueKind);
        Assert.True(estimate.GetProperty("PerGpuBytes").TryGetInt64(out _));
        Assert.True(estimate.GetProperty("Fits").GetBoolean());
    }

    [Theory]
    [InlineData("Get-DeepSeekSizing -Model NoSuchModel", "ModelNotFound")]
    [InlineData("Get-DeepSeekSizing -Model DeepSeek-V3 -Gpu NoSuchGpu", "GpuNotFound")]
    [InlineData("Get-DeepSeekSizing -Model DeepSeek-V3 -ContextLength 0", "InvalidContextLength")]
    [InlineData("Get-DeepSeekSizing -Model DeepSeek-LLM-7B -ContextLength 32768", "ContextLengthExceedsModel")]
    [InlineData("Get-DeepSeekSizing -Model DeepSeek-V3 -Concurrency 0", "InvalidConcurrency")]
    [InlineData("Get-DeepSeekSizing -Model DeepSeek-V3 -Gpu H200 -GpuCount 0", "InvalidGpuCount")]
    [InlineData("Get-DeepSeekSizing -Model DeepSeek-R1-Distill-Qwen-7B -Precision Q4_K_M -Engine vLLM", "PrecisionNotSupported")]
    public void Bad_input_writes_a_non_terminating_error_with_a_stable_id(string script, string errorId)
    {
        var result = _session.Run(script + "; 'still running'");

        Assert.Equal("still running", result.Output.Last().ToString());
        Assert.Single(result.Output);
        Assert.StartsWith(errorId + ",", Assert.Single(result.Errors).FullyQualifiedErrorId, StringComparison.Ordinal);
    }
}
