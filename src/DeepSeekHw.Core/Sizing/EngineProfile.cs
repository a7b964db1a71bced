using System;
using System.Collections.Generic;
using System.Linq;
using DeepSeekHw.Catalog;
using DeepSeekHw.Json;

using static DeepSeekHw.Catalog.StrictData;

namespace DeepSeekHw.Sizing
{
    /// <summary>
    /// A serving engine, described once (embedded engines.json, each figure with its source): what it runs on, how it
    /// takes GPU memory and lays out the KV cache, how it splits a model over GPUs and how close to the hardware it runs.
    /// Sizing, the readiness rules and the cmdlets' -Engine values read it; nothing else names an engine's behaviour.
    /// </summary>
    internal sealed class EngineProfile
    {
        public const string Schema = "deepseekhw/engines@1";

        private static readonly Lazy<IReadOnlyList<EngineProfile>> Loaded = new Lazy<IReadOnlyList<EngineProfile>>(() => Read(DeepSeekCatalog.ReadResource("engines.json")));

        private EngineProfile(JsonNode node, string where)
        {
            Name = Text(node, "name", where);
            where += " ('" + Name + "')";
            Package = OptionalText(node, "package", where);
            BinaryHint = OptionalText(node, "binaryHint", where);
            DefaultRole = OptionalText(node, "defaultFor", where);
            NeedsPyTorch = Flag(node, "needsPyTorch", where);
            RunsOnCpu = Flag(node, "runsOnCpu", where);
            RunsGguf = Flag(node, "runsGguf", where);
            BringsOwnPyTorch = Flag(node, "bringsOwnPyTorch", where);
            SupportsFlashMla = Flag(node, "supportsFlashMla", where);
            UsesTensorParallel = Flag(node, "usesTensorParallel", where);
            CachesMlaLatent = Flag(node, "cachesMlaLatent", where);
            Fp8MlaCacheWithIndexer = Flag(node, "fp8MlaCacheWithIndexer", where);
            Fp8KvCache = Flag(node, "fp8KvCache", where);
            EightBitKvCacheSetting = OptionalText(node, "eightBitKvCacheSetting", where);
            RunsLibraryTags = Flag(node, "runsLibraryTags", where);
            Fp8WeightOnlyOnOlderGpus = Flag(node, "fp8WeightOnlyOnOlderGpus", where);
            DefaultMemoryUtilization = OptionalNumber(node, "memoryUtilization", where);
            StaticFraction = StaticFractionRule.Read(node["staticFractionRule"], where + " staticFractionRule");
            FixedReserveBytes = Whole(node, "fixedReserveBytes", where);
            RuntimeOverheadBytes = Whole(node, "runtimeOverheadBytes", where);
            BatchedTokensPerStep = (int)Whole(node, "batchedTokensPerStep", where);
            var smaller = node["smallGpuStep"];
            AutomaticContext = AutomaticContextRule.Read(node["automaticContext"], where);
            GenerationBatch = GenerationBatchRule.Read(node["generationBatch"], where);
            SmallGpuStep = smaller.IsNull ? null : ((int)Whole(smaller, "tokens", where + " smallGpuStep"), (long)Whole(smaller, "belowMiB", where + " smallGpuStep"), Text(smaller, "alsoForGpusNamed", where + " smallGpuStep"));
            SamplerBytesPerLogit = Number(node, "samplerBytesPerLogit", where);
            ReservesStepLogits = Flag(node, "reservesStepLogits", where);
            FlashAttentionMinComputeCapability = OptionalNumber(node, "flashAttentionMinComputeCapability", where);
            FlashAttention2MinComputeCapability = OptionalNumber(node, "flashAttention2MinComputeCapability", where);
            DsaFp8KvCacheFromComputeCapability = OptionalNumber(node, "dsaFp8KvCacheFromComputeCapability", where);
            CudaContextInBudget = Flag(node, "cudaContextInBudget", where);
            ProfilesSamplerSeparately = Flag(node, "profilesSamplerSeparately", where);
            ChoosesAttentionImplementation = Flag(node, "choosesAttentionImplementation", where);
            ActivationsInBudget = Flag(node, "activationsInBudget", where);
            InputEmbeddingOnCpu = Flag(node, "inputEmbeddingOnCpu", where);
            RunsMtpDrafts = Flag(node, "runsMtpDrafts", where);
            DecodeEfficiency = Number(node, "decodeEfficiency", where);
            SystemMemoryDecodeEfficiency = OptionalNumber(node, "systemMemoryDecodeEfficiency", where);
            MatVecBytesPerSmCycle = OptionalNumber(node, "matVecBytesPerSmCycle", where);
            PrefillEfficiency = Number(node, "prefillEfficiency", where);
            AccumulatesInFp16 = Flag(node, "accumulatesInFp16", where);
            QuantizedPrefillShare = OptionalNumber(node, "quantizedPrefillShare", where);
            MoePrefillShare = Number(node, "moePrefillShare", where);
            LayerFloorMicroseconds = Number(node, "layerFloorMicroseconds", where);
            HostBoundDecode = Flag(node, "hostBoundDecode", where);
            PromptScheduling = Choice<PromptScheduling>(node, "promptScheduling", where);
            Int4WeightDecodeShare = Number(node, "int4WeightDecodeShare", where);
            MultiGpuMoeLayerFloorMicroseconds = Number(node, "multiGpuMoeLayerFloorMicroseconds", where);
            BatchedMoeExpertMicroseconds = Number(node, "batchedMoeExpertMicroseconds", where);
            MemoryRule = Text(node, "memoryRule", where);
            PoolLogNames = OptionalText(node, "poolLogNames", where);
            PoolLogCaveat = OptionalText(node, "poolLogCaveat", where);
            Sources = node["sources"].Properties.ToDictionary(
                p => p.Key,
                p => p.Value.AsString() is { Length: > 0 } source ? source : throw new CatalogException(where + ": the source of '" + p.Key + "' must be a non-empty string."),
                StringComparer.Ordinal);
        }

        public static IReadOnlyList<EngineProfile> All => Loaded.Value;

        public static IEnumerable<string> Names => All.Select(e => e.Name);

        public string Name { get; }

        /// <summary>The Python distribution that provides the engine; null for engines that ship as binaries.</summary>
        public string? Package { get; }

        /// <summary>For binary engines, how to see the installed version (the inventory does not look for binaries).</summary>
        public string? BinaryHint { get; }

        /// <summary>What the engine is the default for: "safetensors" (inference), "gguf" or "training"; null otherwise.</summary>
        public string? DefaultRole { get; }

        /// <summary>Runs on PyTorch (a Python stack); binary engines do not.</summary>
        public bool NeedsPyTorch { get; }

        /// <summary>Runs a model from system RAM without a GPU.</summary>
        public bool RunsOnCpu { get; }

        /// <summary>Runs GGUF files (Q8_0 … Q2_K, and 16/32-bit GGUF); safetensors engines refuse them.</summary>
        public bool RunsGguf { get; }

        /// <summary>Pins its own PyTorch release, so a model's reference PyTorch version does not apply.</summary>
        public bool BringsOwnPyTorch { get; }

        public bool SupportsFlashMla { get; }

        /// <summary>Splits each layer across GPUs (tensor parallel); otherwise whole layers go to each GPU.</summary>
        public bool UsesTensorParallel { get; }

        public bool CachesMlaLatent { get; }

        /// <summary>Caches the MLA latent in FP8 with the V3.2 indexer key (vLLM's fp8_ds_mla, 656 B per token per layer).</summary>
        public bool Fp8MlaCacheWithIndexer { get; }

        /// <summary>Has an FP8 KV cache (for MLA models too).</summary>
        public bool Fp8KvCache { get; }

        /// <summary>
        /// How the engine is told to keep an 8-bit KV cache (FP8, or q8_0 for GGUF engines): command-line arguments, or
        /// NAME=value environment settings for Ollama; null when it has none.
        /// </summary>
        public string? EightBitKvCacheSetting { get; }

        /// <summary>Keeps an 8-bit KV cache for -KvCacheType FP8: FP8, or q8_0 for the GGUF engines.</summary>
        public bool HasEightBitKvCache => EightBitKvCacheSetting != null;

        /// <summary>
        /// Runs a model from its own library by tag (Ollama): with no precision asked, it runs the type the library's file
        /// holds (the catalog's ModelSpec.OllamaTagPrecision), not the released checkpoint.
        /// </summary>
        public bool RunsLibraryTags { get; }

        /// <summary>Runs FP8 weights weight-only (dequantized in the kernel) on GPUs without FP8 units.</summary>
        public bool Fp8WeightOnlyOnOlderGpus { get; }

        /// <summary>Fraction of each GPU the engine takes by default; null when it takes all but a fixed reserve.</summary>
        public double? DefaultMemoryUtilization { get; }

        /// <summary>How the engine works out its default share of each GPU from the GPU's size and the deployment (SGLang); null when the share is fixed.</summary>
        internal StaticFractionRule? StaticFraction { get; }

        public long FixedReserveBytes { get; }

        /// <summary>CUDA graphs and workspace the engine keeps besides weights, KV and activations.</summary>
        public long RuntimeOverheadBytes { get; }

        /// <summary>Tokens processed per forward step during prefill (chunked prefill / ubatch); 0 = the whole prompt at once.</summary>
        public int BatchedTokensPerStep { get; }

        /// <summary>
        /// The smaller step the engine defaults to on GPUs under a size or of a kind (vLLM: 2,048 batched tokens for the API
        /// server below 70 GiB and on A100s); null when the step does not depend on the GPU.
        /// </summary>
        private (int Tokens, long BelowMiB, string AlsoForGpusNamed)? SmallGpuStep { get; }

        /// <summary>The context the engine picks when none is set (Ollama's automatic num_ctx); null where the user always sets it.</summary>
        public AutomaticContextRule? AutomaticContext { get; }

        /// <summary>The ubatch the engine picks by the context it serves (Ollama); null where the step is fixed.</summary>
        public GenerationBatchRule? GenerationBatch { get; }

        /// <summary>Tokens the engine sizes one step for on <paramref name="gpu"/> (its default chunk or ubatch).</summary>
        public int StepTokensOn(GpuSpec? gpu) =>
            gpu is null ? BatchedTokensPerStep
            : StaticFraction is { } rule ? rule.PrefillTokensFor(gpu.UsableMemoryBytes ?? gpu.MemoryBytes)
            : SmallGpuStep is { } small && ((gpu.UsableMemoryBytes ?? gpu.MemoryBytes) < small.BelowMiB << 20 || gpu.Name.IndexOf(small.AlsoForGpusNamed, StringComparison.OrdinalIgnoreCase) >= 0)
                ? small.Tokens
                : BatchedTokensPerStep;

        /// <summary>
        /// Bytes of activation per sequence per vocabulary entry at the sampling step: 4 (one FP32 logits row, split over
        /// tensor-parallel ranks) for most engines; vLLM's profile samples whole-vocabulary FP32 logits with working copies.
        /// </summary>
        public double SamplerBytesPerLogit { get; }

        /// <summary>Whether the engine's memory budget must also hold the CUDA context (vLLM's does not: it lies in the margin).</summary>
        public bool CudaContextInBudget { get; }

        /// <summary>The engine profiles the forward pass and the sampler one after the other, so its activation peak is the larger.</summary>
        public bool ProfilesSamplerSeparately { get; }

        /// <summary>Takes an attention implementation (Transformers' attn_implementation); the serving engines use their own kernels.</summary>
        public bool ChoosesAttentionImplementation { get; }

        /// <summary>
        /// Reserves its compute buffer for a step whose every token is an output (llama.cpp's worst-case graph): F32 logits
        /// of step × vocabulary, held instead of the FFN intermediates when larger.
        /// </summary>
        public bool ReservesStepLogits { get; }

        /// <summary>
        /// The compute capability below which a GGUF engine runs attention without flash attention, for every model (Ollama:
        /// 6.0, where it passes llama-server --flash-attn off); null where flash attention is on wherever its kernels exist.
        /// </summary>
        public double? FlashAttentionMinComputeCapability { get; }

        /// <summary>The compute capability FlashAttention-2 needs where the engine offers it (Transformers: 8.0); null elsewhere.</summary>
        public double? FlashAttention2MinComputeCapability { get; }

        /// <summary>
        /// The compute capability from which the engine's default KV cache for DeepSeek Sparse Attention models (V3.2, the
        /// ones with an indexer) is FP8 rather than BF16; null where the default is BF16 everywhere.
        /// </summary>
        public double? DsaFp8KvCacheFromComputeCapability { get; }

        /// <summary>Whether activations count against the memory budget; SGLang's static fraction holds only weights and KV.</summary>
        public bool ActivationsInBudget { get; }

        /// <summary>Keeps the input token embedding in system RAM (llama.cpp): it takes no GPU memory.</summary>
        public bool InputEmbeddingOnCpu { get; }

        /// <summary>Drafts tokens with the checkpoint's multi-token-prediction layer (speculative decoding).</summary>
        public bool RunsMtpDrafts { get; }

        /// <summary>The share of a GPU's memory bandwidth a decode step reaches.</summary>
        public double DecodeEfficiency { get; }

        /// <summary>The share of system RAM's bandwidth a CPU decode step reaches; null for engines that need a GPU.</summary>
        public double? SystemMemoryDecodeEfficiency { get; }

        /// <summary>The decode bandwidth share on a device: system RAM (CPU inference) and GPU memory differ.</summary>
        public double DecodeEfficiencyOn(GpuSpec device) => device.IsSystemMemory ? SystemMemoryDecodeEfficiency ?? DecodeEfficiency : DecodeEfficiency;

        /// <summary>
        /// Weight bytes the engine's decode kernels take in per multiprocessor and clock cycle at most: each byte costs
        /// instructions (dequantizing, the dot product), so on GPUs whose memory outruns their multiprocessors the kernels,
        /// not the memory, set the pace. Null where the engine's kernels keep up with the memory.
        /// </summary>
        public double? MatVecBytesPerSmCycle { get; }

        /// <summary>
        /// Bytes a second the engine's decode reads weights at on <paramref name="device"/>: its share of the memory
        /// bandwidth, or its kernels' limit where that is lower (HBM GPUs).
        /// </summary>
        public double DecodeBytesPerSecond(GpuSpec device) =>
            Math.Min(device.MemoryBandwidthBytesPerSecond * DecodeEfficiencyOn(device), MatVecStreamingLimit(device) ?? double.MaxValue);

        /// <summary>The most bytes a second the engine's decode kernels stream on <paramref name="device"/>; null: no limit below its memory.</summary>
        public double? MatVecStreamingLimit(GpuSpec device) =>
            MatVecBytesPerSmCycle is { } perCycle && !device.IsSystemMemory && device.Multiprocessors is { } sms && device.BoostClockMhz is { } mhz
                ? perCycle * sms * mhz * 1e6
                : null;

        public double PrefillEfficiency { get; }

        /// <summary>Runs FP16 GEMMs with FP16 accumulation (cuBLAS CUBLAS_COMPUTE_16F), twice as fast on GeForce cards.</summary>
        public bool AccumulatesInFp16 { get; }

        /// <summary>The share of the 16-bit prefill rate a quantized GGUF type reaches (dequantize or MMQ); null: not modelled.</summary>
        public double? QuantizedPrefillShare { get; }

        /// <summary>
        /// Share of the prefill rate an MoE model reaches: grouped expert GEMMs over a few hundred tokens per expert and the
        /// token dispatch run well below the dense GEMMs' rate.
        /// </summary>
        public double MoePrefillShare { get; }

        /// <summary>Launch and synchronisation time per decoder layer for a dense model on one GPU.</summary>
        public double LayerFloorMicroseconds { get; }

        /// <summary>
        /// Eager PyTorch decode: the host issues each layer's kernels while the GPU runs earlier ones, so a step lasts the
        /// longer of the two and the layer floor is host time beside the GPU's, not added to it.
        /// </summary>
        public bool HostBoundDecode { get; }

        /// <summary>How the prompts of requests that arrive while others decode are run (continuous batching or a fixed batch).</summary>
        public PromptScheduling PromptScheduling { get; }

        /// <summary>Share of the engine's decode bandwidth its W4A16 kernels reach on AWQ, GPTQ and INT4 weights (dequantization in the GEMV).</summary>
        public double Int4WeightDecodeShare { get; }

        /// <summary>Time per MoE layer when a step crosses several GPUs (all-reduce, expert dispatch); 0 for engines without tensor parallelism.</summary>
        public double MultiGpuMoeLayerFloorMicroseconds { get; }

        /// <summary>
        /// Time per routed expert a step touches in each MoE layer when a step carries two or more tokens: engines that
        /// run a batch's experts one kernel each (llama.cpp) pay it; 0 where the experts run fused.
        /// </summary>
        public double BatchedMoeExpertMicroseconds { get; }

        public string MemoryRule { get; }

        /// <summary>What the engine's start-up log calls the KV pool, for a user to compare with; null when it logs none.</summary>
        public string? PoolLogNames { get; }

        /// <summary>Where a release's log departs from the pool this estimate computes (a later change the estimate does not follow); null when none is known.</summary>
        public string? PoolLogCaveat { get; }

        /// <summary>Where each figure comes from, by field name.</summary>
        public IReadOnlyDictionary<string, string> Sources { get; }

        public static EngineProfile? Find(string? name) =>
            All.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase)
                                    || string.Equals(e.Name.Replace(".", string.Empty), name?.Replace(".", string.Empty), StringComparison.OrdinalIgnoreCase));

        /// <summary>The engine a request gets when it names none: llama.cpp for GGUF, Transformers for training, vLLM otherwise.</summary>
        public static EngineProfile DefaultFor(bool gguf, bool training) =>
            All.First(e => e.DefaultRole == (gguf ? "gguf" : training ? "training" : "safetensors"));

        internal static IReadOnlyList<EngineProfile> Read(string json)
        {
            var root = JsonParser.Parse(json);
            if (root["schema"].AsString() != Schema)
            {
                throw new CatalogException("engines.json: 'schema' must be \"" + Schema + "\".");
            }

            var engines = root["engines"].Items.Select((node, i) => new EngineProfile(node, "engines.json: engines[" + i + "]")).ToList();
            foreach (var role in new[] { "safetensors", "gguf", "training" })
            {
                if (engines.Count(e => e.DefaultRole == role) != 1)
                {
                    throw new CatalogException("engines.json: exactly one engine must be the default for " + role + ".");
                }
            }

            return engines;
        }
    }
}
