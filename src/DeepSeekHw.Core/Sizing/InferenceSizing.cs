using System;
using System.Collections.Generic;
using System.Linq;
using static DeepSeekHw.InvariantText;
using static DeepSeekHw.Sizing.SizingEngine;

namespace DeepSeekHw.Sizing
{
    /// <summary>Memory per GPU and layout search for serving; activations and the pool are in InferenceSizing.Memory.cs, speed in InferenceSizing.Speed.cs.</summary>
    internal static partial class InferenceSizing
    {
        private const long GiB = 1L << 30;
        private const long MiB = 1L << 20;
        /// <summary>CUDA context per process per GPU (0.3-0.6 GiB observed).</summary>
        internal const long CudaContextBytes = 512 * MiB;

        /// <summary>NCCL buffers when GPUs communicate (NVIDIA aiconfigurator: 342-392 MB by TP size).</summary>
        internal const long NcclBytes = 384 * MiB;
        private const int MaxGpus = 128;

        /// <summary>GPUs in one server (HGX/DGX and MI300X platforms); a layout beyond it spans servers.</summary>
        internal const int GpusPerNode = 8;

        // An engine may default to FP8 for DeepSeek Sparse Attention models (an indexer) on newer GPUs: SGLang on Blackwell.
        private static KvCacheType EffectiveKvCacheType(SizingRequest r, EngineProfile engine, List<string> notes)
        {
            if (r.KvCacheType == KvCacheType.Auto && engine.DsaFp8KvCacheFromComputeCapability is { } from && r.Model.IndexHeadDim > 0
                && r.Gpu != null && CapabilityOf(r.Gpu) is { } cc && cc >= from)
            {
                notes.Add(Invariant($"KV cache type: FP8, {engine.Name}'s default for {r.Model.Name}'s sparse attention on compute capability {from:0.0} and newer (-KvCacheType BF16 to override)."));
                return KvCacheType.FP8;
            }

            return r.KvCacheType;
        }

        public static void Fill(SizingEstimate e, SizingRequest r, EngineProfile engine, WeightModel w, int context, int prompt, List<string> notes)
        {
            var m = r.Model;
            var kvType = EffectiveKvCacheType(r, engine, notes);
            var layout = KvCacheLayout.For(m, engine, kvType, r.GgufFile);
            e.KvCacheType = kvType == KvCacheType.Auto ? (r.Gpu?.DenseBf16Tflops is null && r.Gpu != null ? "FP16" : "BF16") : kvType.ToString();
            notes.Add("KV cache: " + layout.Description + ".");
            notes.Add("Engine memory rule: " + engine.MemoryRule + ".");
            if (engine.ChoosesAttentionImplementation)
            {
                e.AttentionImplementation = r.AttentionImplementation == AttentionImplementation.Auto ? nameof(AttentionImplementation.Sdpa) : r.AttentionImplementation.ToString();
                notes.Add(IsEager(r, engine)
                    ? Invariant($"Attention: eager, which holds one layer's scores for the whole prompt ({m.NumAttentionHeads} heads × {prompt:N0}² × {r.Concurrency} sequence(s), 8 bytes each: BF16 scores, FP32 softmax, BF16 result); SDPA or FlashAttention-2 need none of it.")
                    : "Attention: " + e.AttentionImplementation + " (no score matrix; Transformers' default is SDPA since 4.36). Prefill logits for the last token only (generate's logits_to_keep, Transformers 4.45 and later).");
            }

            var kvLayers = KvLayers(r);
            e.KvCacheBytesPerToken = layout.BytesPerToken(kvLayers);
            var tokens = (long)context * r.Concurrency;
            e.KvCacheBytes = Saturating.Multiply(e.KvCacheBytesPerToken, tokens);
            var step = StepTokens(r, engine, w, e.KvCacheBytes, tokens, notes);
            if (LacksFlashAttention(r, engine))
            {
                var why = DecompressedMlaHeads(r, engine)
                    ? Invariant($"its cache holds {m.Name}'s MLA heads decompressed, {m.QkNopeHeadDim + m.QkRopeHeadDim}-wide keys and {m.VHeadDim}-wide values, for which ggml has no flash-attention kernel")
                    : Invariant($"it turns flash attention off on {r.Gpu!.Name}, compute capability {r.Gpu.ComputeCapability} (below {engine.FlashAttentionMinComputeCapability:0.0})");
                notes.Add(Invariant($"Attention: {engine.Name} runs without flash attention here: {why}. Its compute buffer holds one layer's F32 scores for a {step}-token ubatch against the whole cache: {m.NumAttentionHeads} heads × {tokens:N0} × {step} × 4 bytes = {(double)m.NumAttentionHeads * tokens * step * 4 / GiB:0.##} GiB, growing with the context."));
            }

            if (kvType == KvCacheType.FP8 && engine.RunsGguf && KvCacheLayout.CachesLatent(m, engine, r.GgufFile))
            {
                var f16Bytes = (m.KvLoraRank + m.QkRopeHeadDim) * 2L;
                notes.Add(Invariant($"Attention: {engine.Name}'s flash attention reads the q8_0 latents of a layer after converting them to F16 (ggml-cuda fattn.cu): a scratch buffer of {f16Bytes:N0} B per cached token ({(double)f16Bytes * tokens / MiB:N0} MiB here), within its compute buffer and the 1 GiB margin."));
            }

            if (r.Gpu is null)
            {
                var single = Plan(m, engine, w, layout, tokens, prompt, step, r.Concurrency, 1, 1, scores: ScoresHeld(r, engine), kvLayers: kvLayers);
                CopyPlan(e, single);
                e.TotalBytes = single.Need;
                notes.Add("No GPU given: the figures are for the whole model on one device; give -Gpu to choose a layout, check the fit and estimate speed.");
                return;
            }

            var gpu = r.Gpu;
            var capacity = gpu.UsableMemoryBytes ?? gpu.MemoryBytes;
            notes.Add(gpu.IsSystemMemory
                ? Invariant($"Memory: {gpu.Name} leaves {capacity / (double)GiB:0.##} GiB to the model ({gpu.UsableMemorySource}).")
                : gpu.UsableMemoryBytes.HasValue
                ? Invariant($"GPU memory: {gpu.Name} exposes {capacity / (double)GiB:0.##} GiB to the driver ({gpu.UsableMemorySource}).")
                : Invariant($"GPU memory: {gpu.Name}'s marketed {capacity / (double)GiB:0.##} GiB (no driver capture known; usable memory is usually slightly less)."));
            var layoutNotes = new List<string>();
            var (plan, utilization, budget) = LayoutWithinShare(r, m, engine, w, layout, tokens, prompt, step, capacity, layoutNotes);
            notes.Add(utilization is { } used
                ? Invariant($"Budget per GPU: {used:0.###} × {capacity / (double)GiB:0.##} GiB = {budget / (double)GiB:0.##} GiB{(r.MemoryUtilization.HasValue ? " (-MemoryUtilization)" : engine.StaticFraction != null ? Invariant($" ({engine.Name}'s default for a {capacity / (double)MiB:N0} MiB GPU at this layout: the memory less its reserve for activations, CUDA graphs and the parallel group)") : " (" + engine.Name + "'s default)")}.")
                : Invariant($"Budget per GPU: {capacity / (double)GiB:0.##} GiB less {engine.Name}'s {engine.FixedReserveBytes / (double)MiB:0} MiB reserve = {budget / (double)GiB:0.##} GiB."));
            notes.AddRange(layoutNotes);
            var dp = plan.DataParallel;
            var rankSequences = (r.Concurrency + dp - 1) / dp;
            var rankTokens = (long)context * rankSequences;
            CopyPlan(e, plan);
            e.GpuMemoryBytes = capacity;
            e.PerGpuBudgetBytes = budget;
            e.MemoryUtilization = utilization;
            e.GpuCount = plan.GpuCount;
            e.Nodes = NodesFor(plan.GpuCount);
            e.Fits = plan.Need <= budget;
            e.TotalBytes = Saturating.Multiply(plan.Need, plan.GpuCount);
            e.ExpertParallel = m.IsMixtureOfExperts && engine.UsesTensorParallel && plan.ExpertParallel > 1 ? plan.ExpertParallel : 1;
            e.DataParallel = dp;
            e.DataParallelAttention = plan.DataParallelAttention;
            if (m.IsMixtureOfExperts && engine.UsesTensorParallel && plan.TensorParallel > 1 && plan.ExpertParallel == 1)
            {
                notes.Add(Invariant($"Experts: no expert parallelism: each of the {plan.TensorParallel} tensor-parallel GPUs holds 1/{plan.TensorParallel} of every expert (SGLang without --ep-size, vLLM without --enable-expert-parallel)."));
            }

            if (e.ExpertParallel > 1)
            {
                notes.Add(e.ExpertParallel == plan.TensorParallel
                    ? Invariant($"Experts: expert parallel {e.ExpertParallel} over the tensor-parallel group (vLLM --enable-expert-parallel, SGLang --ep-size); the memory per GPU is the same as splitting each expert.")
                    : Invariant($"Experts: expert parallel {e.ExpertParallel} over every GPU of a stage (tensor x data parallel); each GPU holds {m.RoutedExperts / e.ExpertParallel} of the {m.RoutedExperts} routed experts per layer, and attention weights are replicated on each data-parallel rank."));
            }

            if (dp > 1)
            {
                notes.Add(plan.DataParallelAttention
                    ? Invariant($"Data-parallel attention over {dp} ranks: each rank keeps the latent cache of its own {rankSequences} sequence(s), so the MLA cache is not replicated across ranks (SGLang --enable-dp-attention; vLLM --data-parallel-size with expert parallel). Speed is the sum over ranks.")
                    : Invariant($"Data parallel {dp}: {dp} replicas of TP{plan.TensorParallel} x PP{plan.PipelineParallel}, each serving {rankSequences} of the {r.Concurrency} sequence(s). Speed is the sum over replicas."));
            }

            var fixedBytes = Saturating.Add(plan.WeightBytes, plan.ActivationsInBudget ? plan.ActivationBytes : 0, plan.OverheadBytes);
            var free = fixedBytes >= budget ? 0 : budget - fixedBytes;
            var perTokenOnRank = layout.BytesPerTokenPerRank(kvLayers, plan.TensorParallel, plan.PipelineParallel);
            var maxTokens = free > 0 ? free / perTokenOnRank : 0;
            if (engine.UsesTensorParallel && plan.PipelineParallel > 1)
            {
                (free, maxTokens) = StagedPool(m, engine, w, layout, plan, budget, rankTokens, prompt * (long)rankSequences, rankSequences, step, ScoresHeld(r, engine), kvLayers);
            }

            e.KvCachePoolBytes = free;
            e.KvCacheTokens = (long)Math.Floor(maxTokens);
            e.KvCacheConcurrency = Math.Round(Math.Floor(maxTokens) / context, 2);
            notes.Add(Invariant($"KV cache pool per GPU: {free / (double)GiB:0.00} GiB = {Math.Floor(maxTokens):N0} tokens, {e.KvCacheConcurrency:0.00}x sequences of {context:N0} tokens{(engine.PoolLogNames is { } names ? " (" + engine.Name + "'s " + names + ")" : string.Empty)}.{(engine.PoolLogCaveat is { } caveat ? " " + caveat + "." : string.Empty)}"));
            e.MaxContextLength = (int)Math.Min(Math.Max(m.MaxContextLength, context), Math.Floor(maxTokens / rankSequences));
            e.MaxConcurrency = (int)Math.Min(int.MaxValue, (long)MostSequences(m, engine, plan, budget, context, prompt, step, perTokenOnRank, ScoresHeld(r, engine)) * dp);
            if (layout.ReplicatedAcrossTensorParallel && plan.TensorParallel > 1)
            {
                notes.Add(Invariant($"The MLA latent cache is replicated on each of the {plan.TensorParallel} tensor-parallel ranks (vLLM: \"-tp 8 causes 8x KV cache duplication\"); decode context parallel or DP attention would divide it."));
            }

            Speed(e, r, engine, w, layout, plan, context, prompt, rankSequences, step, notes);
        }

        /// <summary>
        /// The layout and the share of each GPU it may use. An engine whose default share depends on the layout (SGLang's
        /// reserve grows with the parallel group) gets the share of the layout chosen, and a layout chosen under the
        /// single-GPU share is chosen again when its own share no longer holds it.
        /// </summary>
        private static (LayoutPlan Plan, double? Utilization, long Budget) LayoutWithinShare(SizingRequest r, ModelSpec m, EngineProfile engine, WeightModel w, KvCacheLayout layout, long tokens, int prompt, int step, long capacity, List<string> layoutNotes)
        {
            double? ShareFor(LayoutPlan? p) => r.MemoryUtilization ?? (engine.StaticFraction is { } rule
                ? rule.FractionFor(capacity, p is null ? r.TensorParallel ?? 1 : EngineGroup(p), p?.PipelineParallel ?? r.PipelineParallel ?? 1, p?.DataParallel ?? 1, r.DataParallelAttention, r.MultiTokenPrediction)
                : engine.DefaultMemoryUtilization);
            long BudgetFor(double? share) => share is { } u ? (long)(capacity * u) : capacity - engine.FixedReserveBytes;

            var utilization = ShareFor(null);
            var budget = BudgetFor(utilization);
            var plan = ChooseLayout(r, m, engine, w, layout, tokens, prompt, step, budget, layoutNotes);
            for (var pass = 0; pass < 3 && ShareFor(plan) is var own && own != utilization; pass++)
            {
                (utilization, budget) = (own, BudgetFor(own));
                if (plan.Need > budget && !r.HasExplicitLayout && r.GpuCount is null)
                {
                    layoutNotes.Clear();
                    plan = ChooseLayout(r, m, engine, w, layout, tokens, prompt, step, budget, layoutNotes);
                }
            }

            return (plan, utilization, budget);
        }

        // The engine's own tensor-parallel size: with DP attention SGLang counts every rank of the group.
        private static int EngineGroup(LayoutPlan p) => p.DataParallelAttention ? p.TensorParallel * p.DataParallel : p.TensorParallel;

        private static LayoutPlan ChooseLayout(SizingRequest r, ModelSpec m, EngineProfile engine, WeightModel w, KvCacheLayout layout, long tokens, int prompt, int step, long budget, List<string> notes)
        {
            var scores = ScoresHeld(r, engine);
            var kvLayers = KvLayers(r);
            LayoutPlan Make(int tp, int pp) => Plan(m, engine, w, layout, tokens, prompt, step, r.Concurrency, tp, pp, scores: scores, kvLayers: kvLayers);

            if (r.HasExplicitLayout)
            {
                // The user's layout, sized as given: each data-parallel rank holds its share of the sequences.
                var tp = r.TensorParallel ?? 1;
                var dp = r.DataParallel ?? 1;
                var pp = r.PipelineParallel ?? (engine.UsesTensorParallel ? 1 : r.GpuCount ?? 1);
                var ep = r.ExpertParallel ?? (m.IsMixtureOfExperts && engine.UsesTensorParallel ? (r.DataParallelAttention ? tp * dp : tp) : 1);
                var sequences = (r.Concurrency + dp - 1) / dp;
                var given = Plan(m, engine, w, layout, tokens / r.Concurrency * sequences, prompt, step, sequences, tp, pp, dp, ep, r.DataParallelAttention, scores, kvLayers);
                notes.Add(Invariant($"Layout: as given, tensor parallel {tp} × pipeline parallel {pp} × data parallel {dp}{(ep > 1 ? Invariant($", experts over {ep} GPUs") : string.Empty)} = {given.GpuCount} GPU(s)."));
                return Note(given, engine, notes, chosen: false, quiet: true);
            }

            if (!engine.UsesTensorParallel)
            {
                if (r.GpuCount is { } count)
                {
                    return Note(Make(1, count), engine, notes, chosen: false);
                }

                for (var n = 1; n <= MaxGpus; n++)
                {
                    var plan = Make(1, n);
                    if (plan.Need <= budget)
                    {
                        return Note(plan, engine, notes, chosen: true);
                    }
                }

                return Note(Make(1, MaxGpus), engine, notes, chosen: true, fitsNowhere: true);
            }

            var validTp = new[] { 1, 2, 4, 8 }.Where(tp => tp <= GpusPerNode).Where(tp => m.NumAttentionHeads % tp == 0 && (!m.IsMixtureOfExperts || m.RoutedExperts % tp == 0)).ToList();
            if (r.GpuCount is { } gpus)
            {
                var tp = validTp.Where(t => t <= gpus && gpus % t == 0).DefaultIfEmpty(1).Max();
                return Note(Make(tp, gpus / tp), engine, notes, chosen: false);
            }

            foreach (var tp in validTp)
            {
                var plan = Make(tp, 1);
                if (plan.Need <= budget)
                {
                    return Note(plan, engine, notes, chosen: true);
                }
            }

            var widest = validTp.Max();
            for (var pp = 2; pp * widest <= MaxGpus; pp++)
            {
                var plan = Make(widest, pp);
                if (plan.Need <= budget)
                {
                    return Note(plan, engine, notes, chosen: true);
                }
            }

            return Note(Make(widest, MaxGpus / widest), engine, notes, chosen: true, fitsNowhere: true);
        }

        private static LayoutPlan Note(LayoutPlan plan, EngineProfile engine, List<string> notes, bool chosen, bool fitsNowhere = false, bool quiet = false)
        {
            var how = engine.UsesTensorParallel
                ? Invariant($"tensor parallel {plan.TensorParallel} × pipeline parallel {plan.PipelineParallel}")
                : Invariant($"{engine.Name} splits whole layers over {plan.PipelineParallel} GPU(s) (no tensor parallelism)");
            if (!quiet)
            {
                notes.Add(fitsNowhere
                ? Invariant($"Layout: does not fit on up to {plan.GpuCount} GPUs of this kind; shown at {how}.")
                : chosen
                    ? Invariant($"Layout: the smallest that fits: {how} (tensor parallel is a power of two that divides the attention heads and experts).")
                    : Invariant($"Layout: {how} for the {plan.GpuCount} GPU(s) given."));
            }

            if (plan.TensorParallel > GpusPerNode)
            {
                notes.Add(Invariant($"Tensor parallel {plan.TensorParallel} spans servers: every layer's all-reduce crosses the network, which is far slower than NVLink; keep tensor parallelism within a server and use pipeline stages across servers."));
            }

            if (plan.GpuCount > GpusPerNode)
            {
                notes.Add(engine.UsesTensorParallel
                    ? Invariant($"Beyond one server: {NodesFor(plan.GpuCount)} servers of {GpusPerNode} GPUs, tensor parallel within a server and {plan.PipelineParallel} pipeline stages across servers; the servers need InfiniBand or RoCE (≥ 200 Gb/s).")
                    : Invariant($"Beyond one server: {NodesFor(plan.GpuCount)} servers of {GpusPerNode} GPUs, layers split across them ({engine.Name} RPC); the servers need a fast network."));
            }

            return plan;
        }

        /// <summary>Layers that keep a KV cache: the model's, and the MTP layer's own when it drafts (one cache however many drafts).</summary>
        internal static int KvLayers(SizingRequest r) => r.Model.NumLayers + (r.MultiTokenPrediction ? r.Model.MtpLayers : 0);

        internal static bool IsEager(SizingRequest r, EngineProfile engine) => engine.ChoosesAttentionImplementation && r.AttentionImplementation == AttentionImplementation.Eager;

        /// <summary>
        /// Tokens of one step (ubatch or prefill chunk): the engine's own, or on a known machine the batch the engine picks
        /// for the context it serves (Ollama: by the served context and the room the model leaves, engines.json generationBatch).
        /// </summary>
        private static int StepTokens(SizingRequest r, EngineProfile engine, WeightModel w, long kvBytes, long servedTokens, List<string> notes)
        {
            var fixedStep = engine.StepTokensOn(r.Gpu);
            if (engine.GenerationBatch is not { } rule || r.Gpu is not { } gpu || r.GpuCount is not > 0)
            {
                return fixedStep;
            }

            var gpuBytes = gpu.UsableMemoryBytes ?? gpu.MemoryBytes;
            var available = (double)(gpuBytes - engine.FixedReserveBytes) * r.GpuCount.Value;
            var flashAttentionOff = TurnsFlashAttentionOff(engine, gpu);
            var step = rule.TokensFor(servedTokens, (double)w.Total + kvBytes, available, flashAttentionOff, gpu.MemoryBytes, fixedStep);
            if (step != fixedStep)
            {
                notes.Add(Invariant($"Batch: {engine.Name} runs llama-server with -b/-ub {step} (not {fixedStep}) for a {servedTokens:N0}-token served context {(flashAttentionOff ? "without flash attention on a small GPU" : "that leaves the model room")}; its compute buffer and prefill chunks follow (engines.json generationBatch)."));
            }

            return step;
        }

        /// <summary>
        /// A GGUF engine runs this model without flash attention on this GPU: the engine turns it off below a compute capability
        /// (Ollama), or ggml's GPU kernels have none for the heads — they need K and V heads of one size, or the MLA latent
        /// (576 and 512), so MLA heads cached decompressed (192 and 128) take the plain path (the CPU's kernel takes any).
        /// </summary>
        internal static bool LacksFlashAttention(SizingRequest r, EngineProfile engine) =>
            engine.RunsGguf && r.Gpu != null && (DecompressedMlaHeads(r, engine) || TurnsFlashAttentionOff(engine, r.Gpu));

        /// <summary>The engine turns flash attention off on this GPU, below its minimum compute capability (Ollama: 6.0).</summary>
        private static bool TurnsFlashAttentionOff(EngineProfile engine, GpuSpec gpu) =>
            engine.FlashAttentionMinComputeCapability is { } min && CapabilityOf(gpu) is { } cc && cc < min;

        /// <summary>An MLA model whose cache holds per-head keys and values (qk_nope + qk_rope wide keys, v_head wide values).</summary>
        private static bool DecompressedMlaHeads(SizingRequest r, EngineProfile engine) =>
            r.Model.Attention == AttentionKind.MultiHeadLatent && !KvCacheLayout.CachesLatent(r.Model, engine, r.GgufFile) && r.Model.QkNopeHeadDim + r.Model.QkRopeHeadDim != r.Model.VHeadDim;

        /// <summary>Attention scores are built in memory: eager attention in Transformers, or an engine without flash attention.</summary>
        private static bool ScoresHeld(SizingRequest r, EngineProfile engine) => IsEager(r, engine) || LacksFlashAttention(r, engine);

        /// <summary>
        /// How many GPUs of a stage share each MoE layer's expert weights: the tensor-parallel group shards every expert
        /// when there is no expert parallelism (SGLang without --ep-size, vLLM without --enable-expert-parallel), expert
        /// parallelism over the group holds whole experts instead (the same bytes per GPU), and over TP x DP fewer.
        /// </summary>
        internal static int ExpertSplit(ModelSpec m, EngineProfile engine, int tp, int expertParallel) =>
            m.IsMixtureOfExperts && engine.UsesTensorParallel ? Math.Max(tp, expertParallel) : Math.Max(1, expertParallel);

        internal static int NodesFor(int gpus) => (gpus + GpusPerNode - 1) / GpusPerNode;

        private static LayoutPlan Plan(ModelSpec m, EngineProfile engine, WeightModel w, KvCacheLayout layout, long tokens, int prompt, int step, int concurrency, int tp, int pp, int dp = 1, int ep = 0, bool dpAttention = false, bool scores = false, int kvLayers = 0)
        {
            // Experts are split over the tensor group (sharded without expert parallelism, whole with it: the same bytes per
            // GPU) unless spread wider (TP x DP): then each GPU holds fewer of them.
            var expertParallel = ep > 0 ? ep : m.IsMixtureOfExperts && engine.UsesTensorParallel ? tp : 1;
            var expertSplit = ExpertSplit(m, engine, tp, expertParallel);
            var weights = w.PerRank(tp, pp, !engine.InputEmbeddingOnCpu);
            if (m.IsMixtureOfExperts && expertSplit != tp)
            {
                weights = weights - (long)(w.Experts / (double)(tp * pp)) + (long)(w.Experts / (double)(expertSplit * pp));
            }

            var activations = Activations(m, engine, tp, (long)prompt * concurrency, concurrency, tokens, step, scores); // the prompt's prefill, not the whole context
            return new LayoutPlan
            {
                TensorParallel = tp,
                PipelineParallel = pp,
                DataParallel = dp,
                ExpertParallel = expertParallel,
                DataParallelAttention = dpAttention,
                WeightBytes = weights,
                KvCacheBytes = Saturating.FromDouble(layout.BytesPerTokenPerRank(kvLayers > 0 ? kvLayers : m.NumLayers, tp, pp) * (double)tokens),
                ActivationBytes = Saturating.FromDouble(activations),
                ActivationsInBudget = engine.ActivationsInBudget,
                OverheadBytes = (engine.CudaContextInBudget ? CudaContextBytes : 0) + engine.RuntimeOverheadBytes + (engine.UsesTensorParallel && (tp * pp > 1 || expertParallel > 1) ? NcclBytes : 0), // replicas alone communicate nothing per layer
            };
        }

        private static void CopyPlan(SizingEstimate e, LayoutPlan plan)
        {
            e.TensorParallel = plan.TensorParallel;
            e.PipelineParallel = plan.PipelineParallel;
            e.WeightBytesPerGpu = plan.WeightBytes;
            e.KvCacheBytesPerGpu = plan.KvCacheBytes;
            e.ActivationBytes = plan.ActivationBytes;
            e.OverheadBytes = plan.OverheadBytes;
            e.PerGpuBytes = plan.Need;
        }
    }
}
