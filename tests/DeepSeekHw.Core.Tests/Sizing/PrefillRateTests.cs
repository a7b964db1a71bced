using DeepSeekHw.Catalog;
using DeepSeekHw.Sizing;

namespace DeepSeekHw.Core.Tests.Sizing;

/// <summary>
/// Which tensor rate a prefill runs at: llama.cpp accumulates FP16 products in FP16 (twice the FP32-accumulate rate on
/// GeForce cards), PyTorch engines and BF16 GGUFs accumulate in FP32; quantized GGUF types reach a share of it.
/// </summary>
public sealed class PrefillRateTests
{
    private static SizingEstimate Size(string engine, WeightPrecision precision, string gpu = "RTX-4090") =>
        SizingEngine.Estimate(new SizingRequest(DeepSeekCatalog.Builtin.FindModel("DeepSeek-R1-Distill-Llama-8B")!)
        {
            Precision = precision,
            Engine = engine,
            Gpu = DeepSeekCatalog.Builtin.FindGpu(gpu),
            ContextLength = 512,
        });

    [Fact]
    public void Llama_cpp_fp16_prefills_at_the_fp16_accumulate_rate_and_bf16_at_the_fp32_accumulate_rate()
    {
        var fp16 = Size("llama.cpp", WeightPrecision.FP16).PrefillTokensPerSecond!.Value;
        var bf16 = Size("llama.cpp", WeightPrecision.BF16).PrefillTokensPerSecond!.Value;

        Assert.InRange(fp16 / bf16, 1.95, 2.05); // 330.3 against 165.2 dense TFLOPS on a 4090
        Assert.Contains(Size("llama.cpp", WeightPrecision.FP16).Assumptions, n => n.Contains("FP16 accumulation", StringComparison.Ordinal));
    }

    [Fact]
    public void Quantized_types_reach_three_quarters_of_the_16_bit_rate()
    {
        var fp16 = Size("llama.cpp", WeightPrecision.FP16).PrefillTokensPerSecond!.Value;
        var q4 = Size("llama.cpp", WeightPrecision.Q4_K_M).PrefillTokensPerSecond!.Value;

        Assert.InRange(q4 / fp16, 0.74, 0.76);
    }

    [Fact]
    public void Vllm_and_data_centre_cards_see_no_fp16_accumulate_gain()
    {
        var vllm = Size("vLLM", WeightPrecision.FP16).PrefillTokensPerSecond!.Value;
        var llama = Size("llama.cpp", WeightPrecision.FP16).PrefillTokensPerSecond!.Value;
        Assert.InRange(llama / vllm, 1.95, 2.05); // same 0.5 share, twice the rate

        var a100Llama = Size("llama.cpp", WeightPrecision.FP16, "A100-SXM4-80GB").PrefillTokensPerSecond!.Value;
        var a100Vllm = Size("vLLM", WeightPrecision.FP16, "A100-SXM4-80GB").PrefillTokensPerSecond!.Value;
        Assert.InRange(a100Llama / a100Vllm, 0.99, 1.01);
    }
}
