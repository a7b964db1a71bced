using System.Collections.Generic;

namespace DeepSeekHw.Sizing.Gguf
{
    /// <summary>llama.cpp file types (include/llama.h, enum llama_ftype): the value of general.file_type in a GGUF.</summary>
    internal enum LlamaFileType
    {
        AllF32 = 0,
        F16 = 1,
        Q4_0 = 2,
        Q4_1 = 3,
        Q8_0 = 7,
        Q5_0 = 8,
        Q5_1 = 9,
        Q2_K = 10,
        Q3_K_S = 11,
        Q3_K_M = 12,
        Q3_K_L = 13,
        Q4_K_S = 14,
        Q4_K_M = 15,
        Q5_K_S = 16,
        Q5_K_M = 17,
        Q6_K = 18,
        IQ2_XXS = 19,
        IQ2_XS = 20,
        Q2_K_S = 21,
        IQ3_XS = 22,
        IQ3_XXS = 23,
        IQ1_S = 24,
        IQ4_NL = 25,
        IQ3_S = 26,
        IQ3_M = 27,
        IQ2_S = 28,
        IQ2_M = 29,
        IQ4_XS = 30,
        IQ1_M = 31,
        BF16 = 32,
        TQ1_0 = 36,
        TQ2_0 = 37,
        Mxfp4Moe = 38,
    }

    internal static class LlamaFileTypes
    {
        private static readonly Dictionary<WeightPrecision, LlamaFileType> ByPrecision = new Dictionary<WeightPrecision, LlamaFileType>
        {
            [WeightPrecision.FP32] = LlamaFileType.AllF32,
            [WeightPrecision.FP16] = LlamaFileType.F16,
            [WeightPrecision.BF16] = LlamaFileType.BF16,
            [WeightPrecision.Q8_0] = LlamaFileType.Q8_0,
            [WeightPrecision.Q6_K] = LlamaFileType.Q6_K,
            [WeightPrecision.Q5_K_M] = LlamaFileType.Q5_K_M,
            [WeightPrecision.Q5_K_S] = LlamaFileType.Q5_K_S,
            [WeightPrecision.Q5_0] = LlamaFileType.Q5_0,
            [WeightPrecision.Q4_K_M] = LlamaFileType.Q4_K_M,
            [WeightPrecision.Q4_K_S] = LlamaFileType.Q4_K_S,
            [WeightPrecision.Q4_0] = LlamaFileType.Q4_0,
            [WeightPrecision.Q4_1] = LlamaFileType.Q4_1,
            [WeightPrecision.IQ4_XS] = LlamaFileType.IQ4_XS,
            [WeightPrecision.IQ4_NL] = LlamaFileType.IQ4_NL,
            [WeightPrecision.Q3_K_L] = LlamaFileType.Q3_K_L,
            [WeightPrecision.Q3_K_M] = LlamaFileType.Q3_K_M,
            [WeightPrecision.Q3_K_S] = LlamaFileType.Q3_K_S,
            [WeightPrecision.IQ3_M] = LlamaFileType.IQ3_M,
            [WeightPrecision.IQ3_XXS] = LlamaFileType.IQ3_XXS,
            [WeightPrecision.Q2_K] = LlamaFileType.Q2_K,
            [WeightPrecision.IQ2_M] = LlamaFileType.IQ2_M,
            [WeightPrecision.IQ2_XXS] = LlamaFileType.IQ2_XXS,
            [WeightPrecision.IQ1_M] = LlamaFileType.IQ1_M,
            [WeightPrecision.IQ1_S] = LlamaFileType.IQ1_S,
        };

        public static bool TryFor(WeightPrecision precision, out LlamaFileType fileType) => ByPrecision.TryGetValue(precision, out fileType);

        /// <summary>The precision a file type is sold as, when the product names it.</summary>
        public static WeightPrecision? PrecisionOf(LlamaFileType fileType)
        {
            foreach (var pair in ByPrecision)
            {
                if (pair.Value == fileType)
                {
                    return pair.Key;
                }
            }

            return null;
        }

        /// <summary>The type most tensors of a file type get (llama_ftype_get_default_type in src/llama-quant.cpp).</summary>
        public static GgmlType DefaultType(LlamaFileType f) => f switch
        {
            LlamaFileType.AllF32 => GgmlType.F32,
            LlamaFileType.F16 => GgmlType.F16,
            LlamaFileType.BF16 => GgmlType.BF16,
            LlamaFileType.Q4_0 => GgmlType.Q4_0,
            LlamaFileType.Q4_1 => GgmlType.Q4_1,
            LlamaFileType.Q5_0 => GgmlType.Q5_0,
            LlamaFileType.Q5_1 => GgmlType.Q5_1,
            LlamaFileType.Q8_0 => GgmlType.Q8_0,
            LlamaFileType.Q2_K or LlamaFileType.Q2_K_S => GgmlType.Q2_K,
            LlamaFileType.IQ3_XS => GgmlType.IQ3_S,
            LlamaFileType.Q3_K_S or LlamaFileType.Q3_K_M or LlamaFileType.Q3_K_L => GgmlType.Q3_K,
            LlamaFileType.Q4_K_S or LlamaFileType.Q4_K_M => GgmlType.Q4_K,
            LlamaFileType.Q5_K_S or LlamaFileType.Q5_K_M => GgmlType.Q5_K,
            LlamaFileType.Q6_K => GgmlType.Q6_K,
            LlamaFileType.IQ2_XXS => GgmlType.IQ2_XXS,
            LlamaFileType.IQ2_XS or LlamaFileType.IQ2_S => GgmlType.IQ2_XS,
            LlamaFileType.IQ2_M => GgmlType.IQ2_S,
            LlamaFileType.IQ3_XXS => GgmlType.IQ3_XXS,
            LlamaFileType.IQ1_S => GgmlType.IQ1_S,
            LlamaFileType.IQ1_M => GgmlType.IQ1_M,
            LlamaFileType.IQ4_NL => GgmlType.IQ4_NL,
            LlamaFileType.IQ4_XS => GgmlType.IQ4_XS,
            LlamaFileType.IQ3_S or LlamaFileType.IQ3_M => GgmlType.IQ3_S,
            LlamaFileType.TQ1_0 => GgmlType.TQ1_0,
            LlamaFileType.TQ2_0 => GgmlType.TQ2_0,
            LlamaFileType.Mxfp4Moe => GgmlType.MXFP4,
            _ => GgmlType.F16,
        };

        /// <summary>
        /// Types published with an importance matrix, which changes a few of llama-quantize's per-tensor choices (IQ4_NL and
        /// IQ4_XS keep the first eighth of FFN-down at the file type instead of Q5_K): those llama-quantize refuses to write
        /// without one (tensor_requires_imatrix), and the other i-quants, which bartowski, unsloth and mradermacher all make
        /// with one (bartowski's DeepSeek-R1-Distill-Qwen-32B IQ4_XS and IQ4_NL files match only so, docs/accuracy.md).
        /// Legacy and K-quants are sized without: Ollama's library files have none.
        /// </summary>
        public static bool UsuallyMadeWithImportanceMatrix(LlamaFileType f) =>
            f is LlamaFileType.IQ1_S or LlamaFileType.IQ1_M or LlamaFileType.IQ2_XXS or LlamaFileType.IQ2_XS or LlamaFileType.IQ2_S
                or LlamaFileType.IQ2_M or LlamaFileType.IQ3_XXS or LlamaFileType.Q2_K_S or LlamaFileType.IQ3_XS or LlamaFileType.IQ3_S
                or LlamaFileType.IQ3_M or LlamaFileType.IQ4_NL or LlamaFileType.IQ4_XS;
    }
}
