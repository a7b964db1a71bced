using DeepSeekHw.Catalog;
using DeepSeekHw.Sizing;

namespace DeepSeekHw.Core.Tests.Sizing;

/// <summary>llama.cpp's compute buffer (Ollama runs llama-server): a ubatch of outputs in F32, and the scores where it runs without flash attention.</summary>
public sealed class LlamaCppComputeBufferTests
{
    private static SizingEstimate Size(string model, string gpu, int context, string engine = "llama.cpp", int gpus = 8) => SizingEngine.Estimate(new SizingRequest(DeepSeekCatalog.Builtin.FindModel(model)!)
    {
        Precision = WeightPrecision.Q4_K_M, Engine = engine, Gpu = DeepSeekCatalog.Builtin.FindGpu(gpu), GpuCount = gpus, ContextLength = context,
    });

    [Fact]
    public void The_output_phase_holds_the_logits_of_a_whole_ubatch_whatever_the_context()
    {
        // 512 tokens x (152,064 vocabulary + 3,584 hidden) x 4 bytes.
        Assert.Equal(512L * (152_064 + 3_584) * 4, Size("DeepSeek-R1-Distill-Qwen-7B", "RTX-3090", 2048).ActivationBytes);
        Assert.Equal(512L * (152_064 + 3_584) * 4, Size("DeepSeek-R1-Distill-Qwen-7B", "RTX-3090", 32768).ActivationBytes);
    }

    [Fact]
    public void Current_llama_cpp_has_flash_attention_for_mla_heads_on_every_cuda_gpu()
    {
        // The tile kernel runs DeepSeek's 576/512 heads on any compute capability (llama.cpp #16492, October 2025).
        var volta = Size("DeepSeek-R1", "V100-SXM2-32GB", 8192);

        Assert.Equal(Size("DeepSeek-R1", "A100-SXM4-80GB", 8192).ActivationBytes, volta.ActivationBytes);
        Assert.Equal(volta.ActivationBytes, Size("DeepSeek-R1", "V100-SXM2-32GB", 32768).ActivationBytes);
        Assert.DoesNotContain(volta.Assumptions, a => a.Contains("without flash attention", StringComparison.Ordinal));
    }

    [Fact]
    public void Ollama_turns_flash_attention_off_before_pascal_and_then_holds_one_layers_scores()
    {
        var maxwell = Size("DeepSeek-R1-Distill-Qwen-7B", "Tesla-M40", 8192, "Ollama", gpus: 1);
        var pascal = Size("DeepSeek-R1-Distill-Qwen-7B", "Tesla-P40", 8192, "Ollama", gpus: 1);

        // 28 heads x 8,192 cached tokens x a 512-token ubatch x 4 bytes, above the ubatch's logits. With flash attention
        // (the P40) Ollama raises the ubatch to 1,024 for a context past 4,096 that leaves the model room.
        Assert.Equal(28L * 8192 * 512 * 4, maxwell.ActivationBytes);
        Assert.Equal(1024L * (152_064 + 3_584) * 4, pascal.ActivationBytes);
        Assert.Contains(maxwell.Assumptions, a => a.StartsWith("Attention: Ollama runs without flash attention here: it turns flash attention off on Tesla-M40, compute capability 5.2 (below 6.0).", StringComparison.Ordinal));
        Assert.DoesNotContain(pascal.Assumptions, a => a.Contains("without flash attention", StringComparison.Ordinal));
        Assert.Equal(512L * (152_064 + 3_584) * 4, Size("DeepSeek-R1-Distill-Qwen-7B", "Tesla-M40", 8192, gpus: 1).ActivationBytes); // llama.cpp keeps it
    }

    [Fact]
    public void Ollama_fits_a_dense_model_as_the_llama_server_it_runs()
    {
        // Since May 2026 Ollama lets llama-server place the layers: the same 1 GiB --fit margin, the same longest context.
        var llamaCpp = Size("DeepSeek-R1-Distill-Qwen-32B", "RTX-4090", 8192, gpus: 1);
        var ollama = Size("DeepSeek-R1-Distill-Qwen-32B", "RTX-4090", 8192, "Ollama", gpus: 1);

        Assert.Equal(llamaCpp.MaxContextLength, ollama.MaxContextLength);
        Assert.Equal(llamaCpp.PerGpuBytes, ollama.PerGpuBytes);
        Assert.True(ollama.MaxContextLength < 131_072); // the margin binds on a 24 GB card
    }

    [Fact]
    public void Decompressed_mla_heads_have_no_flash_attention_kernel_on_the_gpu()
    {
        // Ollama caches V2-Lite's heads decompressed: 192-wide keys, 128-wide values, a pair ggml's CUDA kernels lack.
        var ollama = Size("DeepSeek-V2-Lite", "RTX-3090", 8192, "Ollama", gpus: 1);
        var llamaCpp = Size("DeepSeek-V2-Lite", "RTX-3090", 8192, gpus: 1);

        Assert.Equal(16L * 8192 * 1024 * 4, ollama.ActivationBytes); // Ollama's 1,024-token ubatch past 4,096 tokens
        Assert.Equal(512L * (102_400 + 2_048) * 4, llamaCpp.ActivationBytes);
        Assert.Contains(ollama.Assumptions, a => a.Contains("MLA heads decompressed, 192-wide keys and 128-wide values", StringComparison.Ordinal));
    }
}
