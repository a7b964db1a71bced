using System;
using System.Globalization;

using static DeepSeekHw.InvariantText;

namespace DeepSeekHw.Sizing
{
    /// <summary>
    /// The storage cost of one weight precision. Bits per weight include the quantization metadata (scales, zero
    /// points); GGUF figures are whole-file averages because llama.cpp keeps some tensors at higher precision.
    /// </summary>
    internal sealed class PrecisionFormat
    {
        private PrecisionFormat(WeightPrecision precision, double bitsPerWeight, bool isGguf, bool keepsEmbeddingsInBf16, string basis)
        {
            Precision = precision;
            BitsPerWeight = bitsPerWeight;
            IsGguf = isGguf;
            KeepsEmbeddingsInBf16 = keepsEmbeddingsInBf16;
            Basis = basis;
        }

        public WeightPrecision Precision { get; }

        public double BitsPerWeight { get; }

        public bool IsGguf { get; }

        /// <summary>Quantized checkpoints for GPU engines leave embeddings, the LM head and norms in BF16.</summary>
        public bool KeepsEmbeddingsInBf16 { get; }

        public string Basis { get; }

        /// <summary>The whole bytes a weight of this precision takes before metadata (4, 2, 1 or 0.5): the one dtype → bytes rule.</summary>
        public double NominalBytesPerWeight => BitsPerWeight >= 24 ? 4 : BitsPerWeight >= 12 ? 2 : BitsPerWeight >= 6 ? 1 : 0.5;

        /// <summary>Nominal bytes per weight of a dtype (a model's native one, an edition's).</summary>
        public static double NominalBytes(WeightPrecision precision) => For(precision, 128, 0).NominalBytesPerWeight;

        public string Name => Precision.ToString();

        public static PrecisionFormat For(WeightPrecision precision, int groupSize, int fp8BlockSize)
        {
            switch (precision)
            {
                case WeightPrecision.FP32:
                    return new PrecisionFormat(precision, 32, false, false, "FP32: 4 bytes per weight");
                case WeightPrecision.BF16:
                case WeightPrecision.FP16:
                    return new PrecisionFormat(precision, 16, false, false, precision + ": 2 bytes per weight");
                case WeightPrecision.FP8:
                    var scaleBits = fp8BlockSize > 0 ? 32.0 / (fp8BlockSize * (double)fp8BlockSize) : 0;
                    var fp8Basis = fp8BlockSize > 0
                        ? Invariant($"FP8 e4m3: 1 byte per weight plus one FP32 scale per {fp8BlockSize}×{fp8BlockSize} block ({8 + scaleBits:0.####} bits per weight)")
                        : "FP8 e4m3: 1 byte per weight (per-tensor or per-channel scales, negligible)";
                    return new PrecisionFormat(precision, 8 + scaleBits, false, true, fp8Basis);
                case WeightPrecision.INT8:
                    return new PrecisionFormat(precision, 8, false, true, "INT8: 1 byte per weight, per-channel scales (negligible)");
                case WeightPrecision.INT4:
                    return new PrecisionFormat(precision, 4 + 16.0 / groupSize, false, true, Invariant($"INT4: 4 bits plus an FP16 scale per group of {groupSize} ({4 + 16.0 / groupSize:0.###} bits per weight)"));
                case WeightPrecision.GPTQ_INT4:
                case WeightPrecision.AWQ_INT4:
                    return new PrecisionFormat(precision, 4 + 32.0 / groupSize, false, true, Invariant($"{precision}: 4 bits plus FP16 scale and zero point per group of {groupSize} ({4 + 32.0 / groupSize:0.###} bits per weight)"));
                default:
                    if (Gguf.LlamaFileTypes.TryFor(precision, out var fileType))
                    {
                        var main = Gguf.LlamaFileTypes.DefaultType(fileType);
                        var bits = Gguf.GgmlTypeTraits.BitsPerWeight(main);
                        return new PrecisionFormat(precision, bits, true, false,
                            Invariant($"GGUF {precision}: llama.cpp's type per tensor (mostly {main} at {bits:0.###} bits per weight; output, attention V, FFN-down and odd-width tensors as llama-quantize chooses them), summed tensor by tensor"));
                    }

                    throw new ArgumentOutOfRangeException(nameof(precision), precision, "Resolve Native to a concrete precision first.");
            }
        }
    }
}
