using System.Collections.Generic;
using System.Globalization;

namespace DeepSeekHw.Sizing.Gguf
{
    /// <summary>
    /// The tensors convert_hf_to_gguf.py writes for a model, named and shaped as llama.cpp loads them (src/llama-arch.cpp
    /// tensor names; src/llama-model.cpp shapes): llama/qwen2 for dense GQA models, deepseek2 for MLA + MoE. Norms, biases
    /// and the expert router are F32 in the converted file and stay so; MLA keeps the classic fused attn_kv_b.
    /// </summary>
    internal static class GgufTensorLayout
    {
        public static List<GgufTensor> For(ModelSpec m, GgmlType weightType)
        {
            long h = m.HiddenSize;
            var list = new List<GgufTensor>();
            void Add(string name, TensorRole role, int layer, long rowLength, long rows, bool matrix)
            {
                var type = matrix ? weightType : GgmlType.F32;
                list.Add(new GgufTensor(name, role, layer, rowLength, rows, type) { Quantizable = matrix });
            }

            Add("token_embd.weight", TensorRole.Embedding, -1, h, m.VocabSize, true);
            Add("output_norm.weight", TensorRole.Norm, -1, h, 1, false);
            if (!m.TieWordEmbeddings)
            {
                Add("output.weight", TensorRole.Output, -1, h, m.VocabSize, true);
            }

            for (var i = 0; i < m.NumLayers; i++)
            {
                var b = "blk." + i.ToString(CultureInfo.InvariantCulture) + ".";
                Add(b + "attn_norm.weight", TensorRole.Norm, i, h, 1, false);
                Add(b + "ffn_norm.weight", TensorRole.Norm, i, h, 1, false);
                if (m.Attention == AttentionKind.MultiHeadLatent)
                {
                    AddLatentAttention(m, b, i, Add);
                }
                else
                {
                    long heads = m.NumAttentionHeads, kv = m.NumKeyValueHeads, d = m.HeadDim;
                    Add(b + "attn_q.weight", TensorRole.Attention, i, h, heads * d, true);
                    Add(b + "attn_k.weight", TensorRole.Attention, i, h, kv * d, true);
                    Add(b + "attn_v.weight", TensorRole.Attention, i, h, kv * d, true);
                    Add(b + "attn_output.weight", TensorRole.Attention, i, heads * d, h, true);
                    if (m.AttentionBias)
                    {
                        Add(b + "attn_q.bias", TensorRole.Attention, i, heads * d, 1, false);
                        Add(b + "attn_k.bias", TensorRole.Attention, i, kv * d, 1, false);
                        Add(b + "attn_v.bias", TensorRole.Attention, i, kv * d, 1, false);
                    }
                }

                if (m.IsMixtureOfExperts && i >= m.DenseLayers)
                {
                    long inter = m.MoeIntermediateSize, experts = m.RoutedExperts;
                    Add(b + "ffn_gate_inp.weight", TensorRole.Router, i, h, experts, false);
                    if (m.ModelType is "deepseek_v3" or "deepseek_v32")
                    {
                        Add(b + "exp_probs_b.bias", TensorRole.Router, i, experts, 1, false);
                    }

                    Add(b + "ffn_gate_exps.weight", TensorRole.RoutedExpert, i, h, inter * experts, true);
                    Add(b + "ffn_up_exps.weight", TensorRole.RoutedExpert, i, h, inter * experts, true);
                    Add(b + "ffn_down_exps.weight", TensorRole.RoutedExpert, i, inter, h * experts, true);
                    if (m.SharedExperts > 0)
                    {
                        var shared = inter * m.SharedExperts;
                        Add(b + "ffn_gate_shexp.weight", TensorRole.SharedExpert, i, h, shared, true);
                        Add(b + "ffn_up_shexp.weight", TensorRole.SharedExpert, i, h, shared, true);
                        Add(b + "ffn_down_shexp.weight", TensorRole.SharedExpert, i, shared, h, true);
                    }
                }
                else
                {
                    long inter = m.IntermediateSize;
                    Add(b + "ffn_gate.weight", TensorRole.DenseMlp, i, h, inter, true);
                    Add(b + "ffn_up.weight", TensorRole.DenseMlp, i, h, inter, true);
                    Add(b + "ffn_down.weight", TensorRole.DenseMlp, i, inter, h, true);
                }
            }

            return list;
        }

        private delegate void Adder(string name, TensorRole role, int layer, long rowLength, long rows, bool matrix);

        private static void AddLatentAttention(ModelSpec m, string b, int i, Adder add)
        {
            long h = m.HiddenSize, heads = m.NumAttentionHeads;
            long qk = m.QkNopeHeadDim + m.QkRopeHeadDim;
            if (m.QLoraRank > 0)
            {
                add(b + "attn_q_a.weight", TensorRole.ReplicatedAttention, i, h, m.QLoraRank, true);
                add(b + "attn_q_a_norm.weight", TensorRole.Norm, i, m.QLoraRank, 1, false);
                add(b + "attn_q_b.weight", TensorRole.Attention, i, m.QLoraRank, heads * qk, true);
            }
            else
            {
                add(b + "attn_q.weight", TensorRole.Attention, i, h, heads * qk, true);
            }

            add(b + "attn_kv_a_mqa.weight", TensorRole.ReplicatedAttention, i, h, m.KvLoraRank + m.QkRopeHeadDim, true);
            add(b + "attn_kv_a_norm.weight", TensorRole.Norm, i, m.KvLoraRank, 1, false);
            add(b + "attn_kv_b.weight", TensorRole.Attention, i, m.KvLoraRank, heads * (m.QkNopeHeadDim + m.VHeadDim), true);
            add(b + "attn_output.weight", TensorRole.Attention, i, heads * m.VHeadDim, h, true);
            if (m.IndexHeads > 0)
            {
                // V3.2's lightning indexer (q from the q latent, one shared key, per-head weights): small, kept as matrices.
                add(b + "indexer.wq_b.weight", TensorRole.Attention, i, m.QLoraRank, (long)m.IndexHeads * m.IndexHeadDim, true);
                add(b + "indexer.wk.weight", TensorRole.Attention, i, h, m.IndexHeadDim, true);
                add(b + "indexer.k_norm.weight", TensorRole.Norm, i, m.IndexHeadDim, 2, false);
                add(b + "indexer.weights_proj.weight", TensorRole.Attention, i, h, m.IndexHeads, true);
            }
        }
    }
}
