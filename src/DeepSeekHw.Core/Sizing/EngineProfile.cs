using System;
using System.Collections.Generic;
using System.Linq;

namespace DeepSeekHw.Sizing
{
    /// <summary>
    /// What a serving engine decides for memory and speed: how much of each GPU it takes, how it lays out the MLA
    /// cache, how it splits a model over GPUs, and how close to the hardware limits it runs.
    /// </summary>
    internal sealed class EngineProfile
    {
        private const long GiB = 1L << 30;
        private const long MiB = 1L << 20;

        public static readonly IReadOnlyList<EngineProfile> All = new[]
        {
            new EngineProfile("vLLM", memoryUtilization: 0.90, fixedReserve: 0, runtimeOverhead: GiB, tensorParallel: true, latentMla: true, batchedTokens: 8192, decodeEfficiency: 0.75, prefillEfficiency: 0.5, layerFloorMicroseconds: 20,
                "vLLM: KV cache = total × gpu_memory_utilization − (weights + profiled activations + non-torch memory) (vllm/v1/worker/gpu_worker.py); MLA cached as one latent per token (MLAAttentionSpec)"),
            new EngineProfile("SGLang", memoryUtilization: 0.88, fixedReserve: 0, runtimeOverhead: GiB, tensorParallel: true, latentMla: true, batchedTokens: 8192, decodeEfficiency: 0.75, prefillEfficiency: 0.5, layerFloorMicroseconds: 20,
                "SGLang: weights + KV within mem_fraction_static of each GPU (≈0.88 on large GPUs); MLA cached as one latent per token"),
            new EngineProfile("llama.cpp", memoryUtilization: null, fixedReserve: GiB, runtimeOverhead: 0, tensorParallel: false, latentMla: true, batchedTokens: 512, decodeEfficiency: 0.55, prefillEfficiency: 0.35, layerFloorMicroseconds: 30,
                "llama.cpp: --fit keeps a 1 GiB margin per device; multi-GPU splits layers (--split-mode layer); current builds cache the 576-element MLA latent (after PR #19067)"),
            new EngineProfile("Ollama", memoryUtilization: null, fixedReserve: 457 * MiB, runtimeOverhead: 0, tensorParallel: false, latentMla: false, batchedTokens: 512, decodeEfficiency: 0.55, prefillEfficiency: 0.35, layerFloorMicroseconds: 30,
                "Ollama: 457 MiB minimum overhead per GPU; layers split across GPUs; its DeepSeek-V2/V3 cache stores decompressed per-head K/V (issue #5136)"),
            new EngineProfile("Transformers", memoryUtilization: null, fixedReserve: 0, runtimeOverhead: 0, tensorParallel: false, latentMla: false, batchedTokens: 0, decodeEfficiency: 0.3, prefillEfficiency: 0.3, layerFloorMicroseconds: 150,
                "Transformers: device_map places whole layers on GPUs; no memory reserve; eager decode; the DeepSeek attention caches decompressed per-head K/V"),
        };

        private EngineProfile(string name, double? memoryUtilization, long fixedReserve, long runtimeOverhead, bool tensorParallel, bool latentMla, int batchedTokens, double decodeEfficiency, double prefillEfficiency, double layerFloorMicroseconds, string memoryRule)
        {
            Name = name;
            DefaultMemoryUtilization = memoryUtilization;
            FixedReserveBytes = fixedReserve;
            RuntimeOverheadBytes = runtimeOverhead;
            UsesTensorParallel = tensorParallel;
            CachesMlaLatent = latentMla;
            BatchedTokensPerStep = batchedTokens;
            DecodeEfficiency = decodeEfficiency;
            PrefillEfficiency = prefillEfficiency;
            LayerFloorMicroseconds = layerFloorMicroseconds;
            MemoryRule = memoryRule;
        }

        public string Name { get; }

        /// <summary>Fraction of each GPU the engine takes by default; null when it takes all but a fixed reserve.</summary>
        public double? DefaultMemoryUtilization { get; }

        public long FixedReserveBytes { get; }

        /// <summary>CUDA graphs and workspace the engine keeps besides weights, KV and activations.</summary>
        public long RuntimeOverheadBytes { get; }

        /// <summary>Splits each layer across GPUs (tensor parallel); otherwise whole layers go to each GPU.</summary>
        public bool UsesTensorParallel { get; }

        public bool CachesMlaLatent { get; }

        /// <summary>Tokens processed per forward step during prefill (chunked prefill / ubatch); 0 = the whole prompt at once.</summary>
        public int BatchedTokensPerStep { get; }

        public double DecodeEfficiency { get; }

        public double PrefillEfficiency { get; }

        /// <summary>Launch and synchronisation time per decoder layer for a dense model on one GPU.</summary>
        public double LayerFloorMicroseconds { get; }

        public string MemoryRule { get; }

        public bool IsGgufEngine => Name == "llama.cpp" || Name == "Ollama";

        public static IEnumerable<string> Names => All.Select(e => e.Name);

        public static EngineProfile? Find(string? name) =>
            All.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase)
                                    || string.Equals(e.Name.Replace(".", string.Empty), name?.Replace(".", string.Empty), StringComparison.OrdinalIgnoreCase));
    }
}
