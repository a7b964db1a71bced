using System;
using System.Collections.Generic;

namespace DeepSeekHw
{
    /// <summary>
    /// A DeepSeek model from the catalog: the architecture fields sizing needs (read from the model's Hugging Face
    /// config.json) and the published figures with their sources. Plain data, so it survives remoting and JSON.
    /// </summary>
    public sealed class ModelSpec
    {
        public string Name { get; internal set; } = string.Empty;

        /// <summary>The Hugging Face repository id, e.g. deepseek-ai/DeepSeek-V3.</summary>
        public string Id { get; internal set; } = string.Empty;

        public IReadOnlyList<string> Aliases { get; internal set; } = Array.Empty<string>();

        public string Family { get; internal set; } = string.Empty;

        public string Released { get; internal set; } = string.Empty;

        /// <summary>The Hugging Face model_type, e.g. deepseek_v3, qwen2, llama.</summary>
        public string ModelType { get; internal set; } = string.Empty;

        public AttentionKind Attention { get; internal set; }

        public bool IsMixtureOfExperts { get; internal set; }

        /// <summary>Published total parameters (main model, without multi-token-prediction layers).</summary>
        public long TotalParameters { get; internal set; }

        /// <summary>Published parameters activated per token.</summary>
        public long ActiveParameters { get; internal set; }

        /// <summary>Whether the published active count includes the input embedding (conventions differ between DeepSeek papers).</summary>
        public bool ActiveParametersIncludeInputEmbedding { get; internal set; }

        public string ParametersSource { get; internal set; } = string.Empty;

        public int HiddenSize { get; internal set; }

        public int NumLayers { get; internal set; }

        public int NumAttentionHeads { get; internal set; }

        public int NumKeyValueHeads { get; internal set; }

        /// <summary>Per-head dimension for MHA/GQA models (config head_dim, else hidden size / heads).</summary>
        public int HeadDim { get; internal set; }

        public int IntermediateSize { get; internal set; }

        public bool AttentionBias { get; internal set; }

        public int MoeIntermediateSize { get; internal set; }

        public int RoutedExperts { get; internal set; }

        public int SharedExperts { get; internal set; }

        public int ExpertsPerToken { get; internal set; }

        /// <summary>Leading layers with a dense MLP instead of experts (config first_k_dense_replace).</summary>
        public int DenseLayers { get; internal set; }

        /// <summary>Layers with experts.</summary>
        public int MoeLayers { get; internal set; }

        /// <summary>Query compression rank; 0 when queries are not compressed (V2-Lite).</summary>
        public int QLoraRank { get; internal set; }

        public int KvLoraRank { get; internal set; }

        public int QkNopeHeadDim { get; internal set; }

        public int QkRopeHeadDim { get; internal set; }

        public int VHeadDim { get; internal set; }

        /// <summary>Heads of the DeepSeek-V3.2 lightning indexer; 0 when the model has none.</summary>
        public int IndexHeads { get; internal set; }

        public int IndexHeadDim { get; internal set; }

        public int IndexTopK { get; internal set; }

        public int VocabSize { get; internal set; }

        public bool TieWordEmbeddings { get; internal set; }

        /// <summary>Multi-token-prediction layers shipped in the checkpoint but not used for plain inference.</summary>
        public int MtpLayers { get; internal set; }

        /// <summary>Longest sequence the configuration supports (max_position_embeddings).</summary>
        public int MaxContextLength { get; internal set; }

        /// <summary>The context length the model's publisher advertises.</summary>
        public int PublishedContextLength { get; internal set; }

        /// <summary>The dtype the weights are released in: FP8 for the V3/R1 line, BF16 otherwise.</summary>
        public WeightPrecision NativeDtype { get; internal set; } = WeightPrecision.BF16;

        /// <summary>Block size of FP8 weight scales (128 for 128×128 blocks); 0 when weights are not block-quantized.</summary>
        public int NativeWeightBlockSize { get; internal set; }

        public long CheckpointBytes { get; internal set; }

        public bool CheckpointSizeIsEstimate { get; internal set; }

        public string CheckpointSource { get; internal set; } = string.Empty;

        public string ConfigSource { get; internal set; } = string.Empty;

        /// <summary>The Ollama library tag that runs this model (`ollama run deepseek-r1:7b`); null when the library has none.</summary>
        public string? OllamaTag { get; internal set; }

        /// <summary>The GGUF type of the library's file under that tag (Q4_K_M for deepseek-r1); null when not published.</summary>
        public WeightPrecision? OllamaTagPrecision { get; internal set; }

        /// <summary>Where the tag's type comes from.</summary>
        public string? OllamaTagSource { get; internal set; }

        public string Notes { get; internal set; } = string.Empty;

        public override string ToString() => Name;
    }
}
