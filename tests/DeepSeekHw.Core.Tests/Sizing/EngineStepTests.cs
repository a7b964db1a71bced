using DeepSeekHw.Catalog;
using DeepSeekHw.Sizing;

namespace DeepSeekHw.Core.Tests.Sizing;

/// <summary>The step an engine sizes its activations for, as its defaults choose it for the GPU.</summary>
public sealed class EngineStepTests
{
    [Theory]
    [InlineData("vLLM", "H100-SXM", 8192)]
    [InlineData("vLLM", "H200-SXM", 8192)]
    [InlineData("vLLM", "A100-SXM4-80GB", 2048)] // excluded by name: large steps cost A100s throughput (vLLM PR #17885)
    [InlineData("vLLM", "L40S", 2048)]
    [InlineData("vLLM", "RTX-4090", 2048)]
    [InlineData("llama.cpp", "H100-SXM", 512)]
    [InlineData("SGLang", "RTX-4090", 2048)] // SGLang's chunked prefill by GPU memory: 2k below 35 GiB
    [InlineData("SGLang", "L40S", 4096)]
    [InlineData("SGLang", "H200-SXM", 8192)]
    [InlineData("SGLang", "B200", 16384)]
    public void The_step_follows_the_engines_default_for_the_gpu(string engine, string gpu, int tokens)
    {
        Assert.Equal(tokens, EngineProfile.Find(engine)!.StepTokensOn(DeepSeekCatalog.Builtin.FindGpu(gpu)));
    }

    [Fact]
    public void Without_a_gpu_the_engines_own_step_is_used()
    {
        Assert.Equal(8192, EngineProfile.Find("vLLM")!.StepTokensOn(null));
    }
}
