using System;
using System.Globalization;

using static DeepSeekHw.InvariantText;

namespace DeepSeekHw.Sizing
{
    /// <summary>
    /// KV-cache bytes per token for a model, engine and cache dtype. MLA models cache one latent vector per token and
    /// layer (kv_lora_rank + qk_rope_head_dim elements, no ×2, no ×heads) where the engine supports it.
    /// </summary>
    internal sealed class KvCacheLayout
    {
        private KvCacheLayout(long bytesPerTokenPerLayer, long indexerBytesPerTokenPerLayer, bool replicatedAcrossTensorParallel, int headsToSplit, string description)
        {
            BytesPerTokenPerLayer = bytesPerTokenPerLayer;
            IndexerBytesPerTokenPerLayer = indexerBytesPerTokenPerLayer;
            ReplicatedAcrossTensorParallel = replicatedAcrossTensorParallel;
            HeadsToSplit = headsToSplit;
            Description = description;
        }

        public long BytesPerTokenPerLayer { get; }

        /// <summary>DeepSeek-V3.2's FP8 index-key cache: index_head_dim bytes plus one FP32 scale per 128 elements.</summary>
        public long IndexerBytesPerTokenPerLayer { get; }

        /// <summary>MLA's latent is needed whole by every head, so every tensor-parallel rank holds all of it.</summary>
        public bool ReplicatedAcrossTensorParallel { get; }

        /// <summary>KV heads that tensor parallelism divides between ranks (a rank never holds less than one head).</summary>
        public int HeadsToSplit { get; }

        public string Description { get; }

        public long BytesPerToken(int layers) => layers * (BytesPerTokenPerLayer + IndexerBytesPerTokenPerLayer);

        /// <summary>Bytes per token one rank holds, for its share of layers (pipeline) and heads (tensor parallel).</summary>
        public double BytesPerTokenPerRank(int layers, int tensorParallel, int pipelineParallel)
        {
            var perRankLayers = Math.Ceiling(layers / (double)pipelineParallel);
            var headShare = ReplicatedAcrossTensorParallel || tensorParallel <= 1 ? 1.0 : Math.Ceiling(HeadsToSplit / (double)tensorParallel) / HeadsToSplit;
            return perRankLayers * (BytesPerTokenPerLayer * headShare + IndexerBytesPerTokenPerLayer);
        }

        /// <summary>
        /// Whether the cache holds an MLA model's latent rather than its decompressed heads: the engine's rule, except that a
        /// GGUF engine follows the file it loads (a file converted before llama.cpp's MLA path has no latent to cache).
        /// </summary>
        internal static bool CachesLatent(ModelSpec m, EngineProfile engine, GgufFile? file) =>
            m.Attention == AttentionKind.MultiHeadLatent && (engine.RunsGguf && file != null ? file.HasMlaPath : engine.CachesMlaLatent);

        public static KvCacheLayout For(ModelSpec m, EngineProfile engine, KvCacheType type, GgufFile? file = null)
        {
            var elementBytes = ElementBytes(engine, type, out var dtypeName);
            if (m.Attention == AttentionKind.MultiHeadLatent)
            {
                var latent = m.KvLoraRank + m.QkRopeHeadDim;
                var cachesLatent = CachesLatent(m, engine, file);
                var indexer = m.IndexHeads > 0 && cachesLatent ? m.IndexHeadDim + (m.IndexHeadDim / 128 * 4) : 0;
                if (cachesLatent)
                {
                    if (type == KvCacheType.FP8 && m.IndexHeads > 0 && engine.Fp8MlaCacheWithIndexer)
                    {
                        // fp8_ds_mla: 512 FP8 latent values, 4 FP32 scales, 64 BF16 rope values.
                        return new KvCacheLayout(656, indexer, true, 1, Invariant($"MLA latent in vLLM's fp8_ds_mla format: 656 B per token per layer, plus the {indexer} B indexer key"));
                    }

                    var bytes = (long)Math.Ceiling(latent * elementBytes);
                    var text = Invariant($"MLA latent: {m.KvLoraRank} + {m.QkRopeHeadDim} = {latent} elements × {elementBytes:0.####} B ({dtypeName}) per token per layer, shared by all {m.NumAttentionHeads} heads");
                    return new KvCacheLayout(bytes, indexer, true, 1, indexer > 0 ? text + Invariant($", plus the {indexer} B FP8 indexer key") : text);
                }

                var perHead = m.QkNopeHeadDim + m.QkRopeHeadDim + m.VHeadDim;
                var decompressed = (long)Math.Ceiling((long)m.NumAttentionHeads * perHead * elementBytes);
                var why = engine.RunsGguf && file != null && engine.CachesMlaLatent
                    ? Invariant($" ({file.FileName} has no key_length_mla: it was converted before llama.cpp's MLA path, so it runs on decompressed heads; a newer conversion caches the latent)")
                    : string.Empty;
                return new KvCacheLayout(decompressed, 0, false, m.NumAttentionHeads,
                    Invariant($"{engine.Name} caches MLA decompressed: {m.NumAttentionHeads} heads × ({m.QkNopeHeadDim + m.QkRopeHeadDim} K + {m.VHeadDim} V) × {elementBytes:0.####} B per token per layer ({decompressed / (double)Math.Ceiling(latent * elementBytes):0.#}× the latent){why}"));
            }

            var kvBytes = (long)Math.Ceiling(2L * m.NumKeyValueHeads * m.HeadDim * elementBytes);
            var kind = m.Attention == AttentionKind.GroupedQuery ? "GQA" : "MHA";
            return new KvCacheLayout(kvBytes, 0, false, m.NumKeyValueHeads,
                Invariant($"{kind}: 2 (K,V) × {m.NumKeyValueHeads} KV heads × head_dim {m.HeadDim} × {elementBytes:0.####} B ({dtypeName}) per token per layer"));
        }

        private static double ElementBytes(EngineProfile engine, KvCacheType type, out string name)
        {
            if (type == KvCacheType.FP8)
            {
                if (engine.RunsGguf)
                {
                    name = "q8_0, llama.cpp's 8-bit cache: it has no FP8 cache type";
                    return 34.0 / 32;
                }

                name = "FP8";
                return 1;
            }

            name = type == KvCacheType.Auto ? "BF16, the engine's default" : type.ToString();
            return 2;
        }
    }
}
