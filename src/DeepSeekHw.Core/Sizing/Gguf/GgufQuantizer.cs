using System;
using System.Collections.Generic;
using System.Linq;

using F = DeepSeekHw.Sizing.Gguf.LlamaFileType;
using T = DeepSeekHw.Sizing.Gguf.GgmlType;

namespace DeepSeekHw.Sizing.Gguf
{
    /// <summary>
    /// llama-quantize's choice of type per tensor for a file type, followed from src/llama-quant.cpp
    /// (llama_tensor_get_type_impl, tensor_type_fallback; ggml-org/llama.cpp at 007dbbf, 2026): the output and tied
    /// embeddings get Q6_K (Q5_K for 1- and 2-bit IQ types), attention V and FFN-down get more bits on some layers
    /// (use_more_bits: the first and last eighth and every third layer between), a few mixes bump attention output, and a
    /// tensor whose row length is not a multiple of the type's block falls back to a 32-wide type (Q4_K → Q5_0, Q6_K → Q8_0).
    /// The last rule is why MoE models with 1,408-wide experts (V2-Lite) come out larger than the average suggests.
    /// </summary>
    internal sealed class GgufQuantizer
    {
        private readonly F ftype;
        private readonly bool importanceMatrix;
        private readonly int experts;
        private readonly int gqa;
        private readonly bool is70B;
        private readonly bool tied;
        private readonly int attentionVCount;
        private int attentionVIndex;
        private int ffnDownIndex;

        private GgufQuantizer(F ftype, bool importanceMatrix, int experts, int gqa, bool is70B, bool tied, int attentionVCount)
        {
            this.ftype = ftype;
            this.importanceMatrix = importanceMatrix;
            this.experts = experts;
            this.gqa = gqa;
            this.is70B = is70B;
            this.tied = tied;
            this.attentionVCount = attentionVCount;
        }

        /// <summary>The tensors of <paramref name="m"/> with the types llama-quantize gives them for <paramref name="ftype"/>.</summary>
        public static List<GgufTensor> Quantize(ModelSpec m, F ftype, bool? importanceMatrix = null)
        {
            var source = LlamaFileTypes.DefaultType(ftype) is T.F32 ? T.F32 : T.BF16;
            var tensors = GgufTensorLayout.For(m, source);
            var defaultType = LlamaFileTypes.DefaultType(ftype);
            if (!GgmlTypeTraits.IsQuantized(defaultType))
            {
                // F32/F16/BF16 files: every matrix in that type, norms and the router stay F32.
                return tensors.Select(t => t.Quantizable ? t.WithType(defaultType) : t).ToList();
            }

            // llama.cpp reads head_count_kv = n_head for deepseek2 files with the fused attn_kv_b, so MLA models count as no GQA.
            var gqa = m.Attention == AttentionKind.MultiHeadLatent || m.NumKeyValueHeads <= 0 ? 1 : m.NumAttentionHeads / m.NumKeyValueHeads;
            var q = new GgufQuantizer(ftype, importanceMatrix ?? LlamaFileTypes.UsuallyMadeWithImportanceMatrix(ftype),
                m.IsMixtureOfExperts ? m.RoutedExperts : 0, gqa,
                is70B: m.NumLayers == 80 && m.Attention != AttentionKind.MultiHeadLatent && m.NumKeyValueHeads < m.NumAttentionHeads,
                tied: m.TieWordEmbeddings, attentionVCount: tensors.Count(t => IsAttentionV(t.Name)));
            return tensors.Select(t => t.Quantizable ? t.WithType(q.Fallback(t, q.Choose(t, defaultType, m.NumLayers))) : t).ToList();
        }

        private static bool IsAttentionV(string name) =>
            name.Contains("attn_v.weight") || name.Contains("attn_qkv.weight") || name.Contains("attn_kv_b.weight");

        private static bool UseMoreBits(int i, int n) => i < n / 8 || i >= 7 * n / 8 || (i - n / 8) % 3 == 2;

        private bool Is(params F[] types) => Array.IndexOf(types, ftype) >= 0;

        private bool IsLowBitIq => Is(F.IQ2_XXS, F.IQ2_XS, F.IQ1_S, F.IQ2_S, F.IQ2_M, F.IQ1_M);

        private T Choose(GgufTensor t, T type, int layers)
        {
            var name = t.Name;
            if (name == "output.weight" || (tied && name == "token_embd.weight"))
            {
                if (ftype == F.Mxfp4Moe || t.RowLength % GgmlTypeTraits.BlockSize(type) != 0)
                {
                    return T.Q8_0;
                }

                if (Is(F.IQ2_XXS, F.IQ2_XS, F.IQ3_XXS, F.IQ1_S, F.IQ2_S, F.IQ2_M, F.IQ1_M))
                {
                    return T.Q5_K;
                }

                return type != T.Q8_0 ? T.Q6_K : type;
            }

            if (ftype == F.Mxfp4Moe)
            {
                return t.Role == TensorRole.RoutedExpert ? T.MXFP4 : T.Q8_0;
            }

            if (name == "token_embd.weight")
            {
                return Is(F.IQ2_XXS, F.IQ2_XS, F.IQ1_S, F.IQ1_M) ? T.Q2_K
                    : Is(F.IQ2_S, F.IQ2_M, F.IQ3_XXS) ? T.IQ3_S
                    : Is(F.TQ1_0, F.TQ2_0) ? T.Q4_K
                    : type;
            }

            var layer = t.Layer;
            if (IsLowBitIq)
            {
                if (IsAttentionV(name))
                {
                    attentionVIndex++;
                    return gqa >= 4 || experts >= 4 ? T.Q4_K : Is(F.IQ2_S, F.IQ2_M) ? T.IQ3_S : T.Q2_K;
                }

                if (experts == 8 && name.Contains("attn_k.weight"))
                {
                    return T.Q4_K;
                }

                if (name.Contains("ffn_down"))
                {
                    var bump = ffnDownIndex++ < layers / 8;
                    return bump ? (Is(F.IQ2_S, F.IQ2_M) ? T.IQ3_S : T.Q2_K) : type;
                }

                if (name.Contains("attn_output.weight"))
                {
                    return experts == 8 ? T.Q5_K : Is(F.IQ1_S, F.IQ1_M) ? T.IQ2_XXS : Is(F.IQ2_S, F.IQ2_M) ? T.IQ3_S : type;
                }

                return type;
            }

            if (IsAttentionV(name))
            {
                type = AttentionV(type);
                attentionVIndex++;
                return type;
            }

            if (name.Contains("attn_k.weight"))
            {
                return experts == 8 ? T.Q8_0 : ftype == F.IQ3_XS ? T.IQ3_XXS : ftype == F.IQ3_XXS ? T.IQ2_S : type;
            }

            if (name.Contains("attn_q.weight"))
            {
                return ftype == F.IQ3_XS ? T.IQ3_XXS : ftype == F.IQ3_XXS ? T.IQ2_S : type;
            }

            if (name.Contains("ffn_down"))
            {
                // Dense models count ffn_down tensors; MoE models read the layer from the name. Both give the block index here.
                return FfnDown(type, layer, layers);
            }

            if (name.Contains("attn_output.weight"))
            {
                if (experts == 8)
                {
                    return Is(F.Q2_K, F.IQ3_XS, F.IQ3_XXS, F.Q3_K_S, F.Q3_K_M, F.IQ4_NL, F.Q4_K_S, F.Q4_K_M, F.IQ3_S, F.IQ3_M, F.IQ4_XS) ? T.Q5_K : type;
                }

                return ftype switch
                {
                    F.Q2_K => T.Q3_K,
                    F.IQ3_XXS => T.IQ3_S,
                    F.Q3_K_M => T.Q4_K,
                    F.Q3_K_L => T.Q5_K,
                    F.IQ3_M => T.Q4_K,
                    _ => type,
                };
            }

            if ((name.Contains("ffn_gate") || name.Contains("ffn_up")) && ftype == F.IQ3_XS && layer >= layers / 8 && layer < 7 * layers / 8)
            {
                return T.IQ3_XXS;
            }

            return type;
        }

        private T AttentionV(T type)
        {
            var i = attentionVIndex;
            if (ftype == F.Q2_K)
            {
                type = gqa >= 4 ? T.Q4_K : T.Q3_K;
            }
            else if (ftype == F.Q2_K_S && gqa >= 4)
            {
                type = T.Q4_K;
            }
            else if (ftype == F.IQ3_XXS)
            {
                type = gqa >= 4 ? T.Q4_K : !importanceMatrix ? T.IQ3_S : T.IQ3_XXS;
            }
            else if (Is(F.IQ3_XS, F.IQ3_S) && gqa >= 4)
            {
                type = T.Q4_K;
            }
            else if (ftype == F.IQ3_M)
            {
                type = T.Q4_K;
            }
            else if (ftype == F.Q3_K_M)
            {
                type = i < 2 ? T.Q5_K : T.Q4_K;
            }
            else if (ftype == F.Q3_K_L)
            {
                type = T.Q5_K;
            }
            else if (Is(F.IQ4_NL, F.IQ4_XS) && gqa >= 4)
            {
                type = T.Q5_K;
            }
            else if (Is(F.Q4_K_M, F.Q5_K_M) && UseMoreBits(i, attentionVCount))
            {
                type = T.Q6_K;
            }
            else if (ftype == F.Q4_K_S && i < 4)
            {
                type = T.Q5_K;
            }

            if (is70B && type is T.Q3_K or T.Q4_K)
            {
                // Llama-70B-shaped models: attn_v is 8x smaller than attn_q, so llama.cpp spends the bits there.
                type = T.Q5_K;
            }

            return experts == 8 ? T.Q8_0 : type;
        }

        private T FfnDown(T type, int i, int n)
        {
            switch (ftype)
            {
                case F.Q2_K:
                    return T.Q3_K;
                case F.Q2_K_S:
                    return i < n / 8 ? T.Q4_K : type;
                case F.IQ3_XXS when !importanceMatrix:
                    return i < n / 8 ? T.Q4_K : T.Q3_K;
                case F.Q3_K_M:
                    return i < n / 16 ? T.Q5_K : T.Q4_K;
                case F.IQ3_M when i < n / 8 || (experts == 8 && UseMoreBits(i, n)):
                    return T.Q4_K;
                case F.Q3_K_L:
                    return T.Q5_K;
                case F.Q4_K_M:
                    return UseMoreBits(i, n) ? T.Q6_K : type;
                case F.IQ4_NL or F.IQ4_XS when i < n / 8 && !importanceMatrix:
                    return T.Q5_K;
                case F.Q5_K_M when UseMoreBits(i, n):
                    return T.Q6_K;
                case F.Q4_K_S when i < n / 8:
                    return T.Q5_K;
                case F.Q4_0 or F.Q5_0 when importanceMatrix && i < n / 8:
                    return ftype == F.Q4_0 ? T.Q4_1 : T.Q5_1;
                default:
                    return type;
            }
        }

        // A row that is not a whole number of blocks cannot take the type: llama.cpp falls back to a 32-wide type, then F16.
        private T Fallback(GgufTensor t, T type)
        {
            if (t.RowLength % GgmlTypeTraits.BlockSize(type) == 0)
            {
                return type;
            }

            var fallback = type switch
            {
                T.IQ1_S or T.IQ1_M or T.IQ2_XXS or T.IQ2_XS or T.IQ2_S or T.IQ3_XXS or T.IQ3_S or T.IQ4_XS => T.IQ4_NL,
                T.Q2_K or T.Q3_K or T.TQ1_0 or T.TQ2_0 => T.Q4_0,
                T.Q4_K => T.Q5_0,
                T.Q5_K => T.Q5_1,
                T.Q6_K => T.Q8_0,
                _ => T.F16,
            };
            return t.RowLength % GgmlTypeTraits.BlockSize(fallback) == 0 ? fallback : T.F16;
        }
    }
}
