using System;

namespace DeepSeekHw
{
    /// <summary>
    /// A DeepSeek model from the catalog: the architecture fields sizing needs (read from the model's Hugging Face
    /// config.json) and the published figures with their sources. Plain data, so it survives remoting and JSON.
    /// </summary>
    public sealed class ModelSpec
    {
        public string Name { get; set; } = string.Empty;

        /// <summary>The Hugging Face repository id, e.g. deepseek-ai/DeepSeek-V3.</summary>
        public string Id { get; set; } = string.Empty;

        public string[] Aliases { get; set; } = Array.Empty<string>();

        public string Family { get; set; } = string.Empty;

        public string Released { get; set; } = string.Empty;

        /// <summary>The Hugging Face model_type, e.g. deepseek_v3, qwen2, llama.</summary>
        public string ModelType { get; set; } = string.Empty;

        public AttentionKind Attention { get; set; }

        public bool IsMixtureOfExperts { get; set; }

        /// <summary>Published total parameters (main model, without multi-token-prediction layers).</summary>
        public long TotalParameters { get; set; }

        /// <summary>Published parameters activated per token.</summary>
        public long ActiveParameters { get; set; }

        /// <summary>Whether the published active count includes the input embedding (conventions differ between DeepSeek papers).</summary>
        public bool ActiveParametersIncludeInputEmbedding { get; set; }

        public string ParametersSource { get; set; } = string.Empty;

        public int HiddenSize { get; set; }

        public int NumLayers { get; set; }

        public int NumAttentionHeads { get; set; }

        public int NumKeyValueHeads { get; set; }

        /// <summary>Per-head dimension for MHA/GQA models (config head_dim, else hidden size / heads).</summary>
        public int HeadDim { get; set; }

        public int IntermediateSize { get; set; }

        public bool AttentionBias { get; set; }

        public int MoeIntermediateSize { get; set; }

        public int RoutedExperts { get; set; }

        public int SharedExperts { get; set; }

        public int ExpertsPerToken { get; set; }

        /// <summary>Leading layers with a dense MLP instead of experts (config first_k_dense_replace).</summary>
        public int DenseLayers { get; set; }

        /// <summary>Layers with experts.</summary>
        public int MoeLayers { get; set; }

        /// <summary>Query compression rank; 0 when queries are not compressed (V2-Lite).</summary>
        public int QLoraRank { get; set; }

        public int KvLoraRank { get; set; }

        public int QkNopeHeadDim { get; set; }

        public int QkRopeHeadDim { get; set; }

        public int VHeadDim { get; set; }

        /// <summary>Heads of the DeepSeek-V3.2 lightning indexer; 0 when the model has none.</summary>
        public int IndexHeads { get; set; }

        public int IndexHeadDim { get; set; }

        public int IndexTopK { get; set; }

        public int VocabSize { get; set; }

        public bool TieWordEmbeddings { get; set; }

        /// <summary>Multi-token-prediction layers shipped in the checkpoint but not used for plain inference.</summary>
        public int MtpLayers { get; set; }

        /// <summary>Longest sequence the configuration supports (max_position_embeddings).</summary>
        public int MaxContextLength { get; set; }

        /// <summary>The context length the model's publisher advertises.</summary>
        public int PublishedContextLength { get; set; }

        /// <summary>The dtype the weights are released in: FP8 for the V3/R1 line, BF16 otherwise.</summary>
        public string NativeDtype { get; set; } = "BF16";

        /// <summary>Block size of FP8 weight scales (128 for 128×128 blocks); 0 when weights are not block-quantized.</summary>
        public int NativeWeightBlockSize { get; set; }

        public long CheckpointBytes { get; set; }

        public bool CheckpointSizeIsEstimate { get; set; }

        public string CheckpointSource { get; set; } = string.Empty;

        public string ConfigSource { get; set; } = string.Empty;

        public string Notes { get; set; } = string.Empty;

        public override string ToString() => Name;
    }
}
