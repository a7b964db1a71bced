using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DeepSeekHw.Catalog;

using static DeepSeekHw.InvariantText;

namespace DeepSeekHw.Sizing
{
    /// <summary>
    /// Architecture-exact memory, layout and speed estimates. Pure: no I/O, no clock, same answer for the same request.
    /// Every figure is per GPU (never a pooled sum) and every default it applies is written into the assumptions.
    /// </summary>
    public static class SizingEngine
    {
        private const long GiB = 1L << 30;

        /// <summary>16M tokens: past every trained context (the longest today are about 10M), even with -Force.</summary>
        public const int MaxContextLength = 1 << 24;

        /// <summary>About a million sequences: more than any engine schedules on one deployment.</summary>
        public const int MaxConcurrency = 1 << 20;

        /// <summary>Most MTP drafts per step sized: SGLang's default EAGLE steps for DeepSeek, where acceptance was measured.</summary>
        public const int MaxSpeculativeTokens = 3;

        /// <summary>65,536 GPUs: past the largest training clusters; a count beyond it is a typo.</summary>
        public const int MaxGpuCount = 1 << 16;

        public static IEnumerable<string> EngineNames => EngineProfile.Names;

        public static SizingEstimate Estimate(SizingRequest request)
        {
            try
            {
                return AutomaticContexts(request, out var engine, out var totalBytes) is { } contexts
                    ? AtAutomaticContext(request, contexts, engine!, totalBytes)
                    : EstimateChecked(request);
            }
            catch (OverflowException ex)
            {
                // All arithmetic in the core is checked: a model whose figures pass 64 bits is reported, never wrapped.
                throw new SizingException(SizingErrorIds.SizeOutOfRange,
                    request.Model.Name + "'s figures overflow 64-bit byte arithmetic (more than 8 EiB): it fits no machine. Check the model's config values.", ex);
            }
        }

        // An engine that picks the context itself when none is set (Ollama's automatic num_ctx) is sized at its own choice on
        // a known machine: the length for its GPUs' total memory, capped at the model's, then the shorter ones it falls back
        // to. Without a GPU count (how many would it take?) the choice is undefined, and the general default applies.
        private static IReadOnlyList<int>? AutomaticContexts(SizingRequest request, out EngineProfile? engine, out long totalBytes)
        {
            totalBytes = 0;
            engine = request.ContextLength is null && request.Workload == SizingWorkload.Inference && request.Gpu != null && request.GpuCount is > 0
                && !string.IsNullOrWhiteSpace(request.Engine)
                ? EngineProfile.Find(request.Engine!)
                : null;
            if (engine?.AutomaticContext is not { } rule)
            {
                return null;
            }

            totalBytes = Saturating.Multiply(request.Gpu!.MemoryBytes, request.GpuCount!.Value);
            var first = Math.Min(rule.TokensFor(totalBytes), request.Model.MaxContextLength);
            return new[] { first }.Concat(rule.Fallbacks.Where(f => f < first)).ToList();
        }

        private static SizingEstimate AtAutomaticContext(SizingRequest request, IReadOnlyList<int> contexts, EngineProfile engine, long totalBytes)
        {
            SizingEstimate? estimate = null;
            foreach (var context in contexts)
            {
                estimate = EstimateChecked(request.With(r => r.ContextLength = context));
                if (estimate.Fits != false)
                {
                    break;
                }
            }

            var first = contexts[0];
            var note = Invariant($"Context: {estimate!.ContextLength:N0} tokens, the num_ctx {engine.Name} picks itself when none is set: {first:N0} for {totalBytes / (double)(1L << 30):0.#} GiB of GPU memory{(first == request.Model.MaxContextLength ? ", the model's maximum" : string.Empty)}{(estimate.ContextLength < first ? Invariant($", lowered to {estimate.ContextLength:N0} as it does when that does not fit") : string.Empty)} (engines.json automaticContext); -ContextLength sizes another.");
            estimate.Assumptions = new[] { note }.Concat(estimate.Assumptions).ToArray();
            return estimate;
        }

        private static SizingEstimate EstimateChecked(SizingRequest request)
        {
            var model = request.Model;
            var notes = new List<string>();
            var gguf = request.GgufFile;
            if (gguf != null && !gguf.Matches(model))
            {
                throw new SizingException(SizingErrorIds.GgufModelMismatch,
                    SafeText.Clean(Invariant($"{gguf.FileName} ({gguf.Architecture}, {gguf.Number(gguf.Architecture + ".block_count")} blocks of width {gguf.Number(gguf.Architecture + ".embedding_length")}) is not {model.Name} ({model.NumLayers} layers of width {model.HiddenSize}); leave out -Model to size the file as it is.")));
            }

            var precision = gguf is null ? ResolvePrecision(model, request.Precision, request.Engine, notes) : gguf.Precision ?? WeightPrecision.Q4_K_M;
            var engine = ResolveEngine(request.Engine, precision, notes, gguf != null);
            var context = ResolveContext(request, notes);
            var prompt = ResolvePrompt(request, context);
            Validate(request, model, engine, precision);

            var format = PrecisionFormat.For(precision, request.GroupSize, model.NativeDtype == WeightPrecision.FP8 ? model.NativeWeightBlockSize : 0);
            var parameters = ParameterCounter.Count(model);
            if (gguf is null)
            {
                notes.Add("Weights: " + format.Basis + (format.KeepsEmbeddingsInBf16 ? "; embeddings, LM head and norms stay BF16" : string.Empty) + ".");
            }
            else
            {
                notes.Add(Invariant($"Weights: read from the header of {gguf.FileName}{(gguf.Parts > 1 ? Invariant($" ({gguf.Parts} parts)") : string.Empty)}: {gguf.TensorCount} tensors, {gguf.TensorBytes:N0} bytes of tensor data ({string.Join(", ", gguf.BytesByType.Take(4).Select(t => Invariant($"{t.Key} {t.Value * 100.0 / Math.Max(1, gguf.TensorBytes):0.#}%")))})."));
            }

            if (parameters.Mtp > 0 && gguf is null)
            {
                notes.Add(request.MultiTokenPrediction
                    ? Invariant($"Multi-token prediction: the checkpoint's {model.MtpLayers} MTP layer(s) ({parameters.Mtp / 1e9:0.#}B parameters) are loaded to draft {request.SpeculativeTokens} token(s) per step.")
                    : Invariant($"The checkpoint's {model.MtpLayers} multi-token-prediction layer(s) ({parameters.Mtp / 1e9:0.#}B parameters) are not loaded for plain inference (-MultiTokenPrediction drafts with them)."));
            }

            var weights = gguf is null ? WeightModel.Create(model, parameters, format) : WeightModel.FromTensors(parameters, format, gguf.Tensors.ToList());
            if (gguf is null && engine.RunsGguf && !format.IsGguf && Gguf.LlamaFileTypes.TryFor(precision, out var wholeFileType))
            {
                // llama.cpp runs 16- and 32-bit weights as an F16/BF16/F32 GGUF: norms, biases and the router stay F32.
                weights = WeightModel.FromTensors(parameters, format, Gguf.GgufQuantizer.Quantize(model, wholeFileType));
                notes.Add(Invariant($"Weights: as a {precision} GGUF file, tensor by tensor (norms, biases and the expert router in F32)."));
            }

            if (request.MultiTokenPrediction)
            {
                weights = weights.WithMtp(model);
            }

            var estimate = new SizingEstimate
            {
                Model = model.Name,
                Precision = gguf?.FileType ?? precision.ToString(),
                MultiTokenPrediction = request.MultiTokenPrediction,
                SpeculativeTokens = request.MultiTokenPrediction ? request.SpeculativeTokens : (int?)null,
                Engine = engine.Name,
                Workload = request.Workload,
                ContextLength = context,
                PromptLength = prompt,
                Concurrency = request.Concurrency,
                TotalParameters = parameters.Total,
                ActiveParameters = parameters.ActivePerToken(model.ExpertsPerToken, model.MoeLayers),
                WeightBytes = weights.Total,
                SeedRuleOfThumbBytes = (long)(model.TotalParameters * 2 * format.NominalBytesPerWeight),
                Gpu = request.Gpu?.Name,
            };

            if (request.Workload == SizingWorkload.Inference)
            {
                InferenceSizing.Fill(estimate, request, engine, weights, context, prompt, notes);
            }
            else
            {
                TrainingSizing.Fill(estimate, request, weights, context, notes);
            }

            notes.Add(Invariant($"Seed guides' rule of thumb (parameters × 2 × {format.NominalBytesPerWeight:0.#} bytes) = {estimate.SeedRuleOfThumbBytes / (double)GiB:0.#} GiB; it ignores context, batch and KV layout."));
            estimate.Assumptions = notes.ToArray();
            return estimate;
        }

        // No precision asked: an engine that runs its library's files (Ollama) runs the type the library keeps for the
        // model — what `ollama run deepseek-r1:7b` downloads — where the catalog knows it; anything else the release.
        private static WeightPrecision ResolvePrecision(ModelSpec model, WeightPrecision requested, string? engineName, List<string> notes)
        {
            if (requested != WeightPrecision.Native)
            {
                return requested;
            }

            var engine = string.IsNullOrWhiteSpace(engineName) ? null : EngineProfile.Find(engineName!);
            if (engine is { RunsLibraryTags: true } && model.OllamaTag is { } tag && model.OllamaTagPrecision is { } library)
            {
                notes.Add(Invariant($"Precision: {library}, the file `{engine.Name.ToLowerInvariant()} run {tag}` pulls ({model.OllamaTagSource}); -Precision sizes another."));
                return library;
            }

            var native = model.NativeDtype;
            notes.Add(Invariant($"Precision: the model's native {native}{(model.NativeWeightBlockSize > 0 ? Invariant($" with {model.NativeWeightBlockSize}×{model.NativeWeightBlockSize} block scales") : string.Empty)}."));
            return native;
        }

        private static EngineProfile ResolveEngine(string? name, WeightPrecision precision, List<string> notes, bool ggufFile = false)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                var isGguf = ggufFile || PrecisionFormat.For(precision, 128, 0).IsGguf;
                var chosen = EngineProfile.DefaultFor(isGguf, training: false);
                notes.Add("Engine: " + chosen.Name + " (default for " + precision + ").");
                return chosen;
            }

            return EngineProfile.Find(name) ?? throw new SizingException(SizingErrorIds.UnknownEngine,
                "Unknown engine '" + name + "'. Use one of: " + string.Join(", ", EngineProfile.Names) + ".");
        }

        private static int ResolveContext(SizingRequest request, List<string> notes)
        {
            var model = request.Model;
            if (request.ContextLength is { } given)
            {
                if (given <= 0)
                {
                    throw new SizingException(SizingErrorIds.InvalidContextLength, Invariant($"ContextLength must be at least 1 token (got {given})."));
                }

                if (given > MaxContextLength)
                {
                    throw new SizingException(SizingErrorIds.InvalidContextLength,
                        Invariant($"ContextLength {given} is beyond {MaxContextLength} tokens, longer than any model is trained for; even -Force does not size it."));
                }

                if (given > model.MaxContextLength && !request.Force)
                {
                    throw new SizingException(SizingErrorIds.ContextLengthExceedsModel,
                        Invariant($"ContextLength {given} is beyond {model.Name}'s maximum of {model.MaxContextLength} tokens (max_position_embeddings). Use -Force to size it anyway."));
                }

                return given;
            }

            var fallback = Math.Min(8192, model.MaxContextLength);
            notes.Add(Invariant($"Context: {fallback} tokens per sequence (default: 8192 or the model's maximum, if smaller)."));
            return fallback;
        }

        private static int ResolvePrompt(SizingRequest request, int context)
        {
            if (request.PromptLength is not { } given)
            {
                return context;
            }

            if (request.Workload != SizingWorkload.Inference)
            {
                throw new SizingException(SizingErrorIds.InvalidTrainingOption, "PromptLength is for inference; training sizes whole sequences of ContextLength tokens.");
            }

            if (given <= 0 || given > context)
            {
                throw new SizingException(SizingErrorIds.InvalidPromptLength,
                    Invariant($"PromptLength must be between 1 and the context of {context} tokens, which holds the prompt and the output (got {given})."));
            }

            return given;
        }

        // A layout the user gives must be one the engines can launch: tensor parallelism divides the heads and experts,
        // experts spread over the tensor group or every GPU of a stage, DP attention is for MLA models, and the GPU count
        // (when also given) is the product.
        private static void ValidateLayout(SizingRequest request, ModelSpec model, EngineProfile engine)
        {
            if (!request.HasExplicitLayout)
            {
                return;
            }

            static SizingException Invalid(string message) => new SizingException(SizingErrorIds.InvalidLayout, message);
            foreach (var (name, value) in new[] { ("TensorParallel", request.TensorParallel), ("PipelineParallel", request.PipelineParallel), ("DataParallel", request.DataParallel), ("ExpertParallel", request.ExpertParallel) })
            {
                if (value is int degree && (degree < 1 || degree > MaxGpuCount))
                {
                    throw Invalid(Invariant($"{name} must be 1 to {MaxGpuCount} (got {degree})."));
                }
            }

            if (request.Workload != SizingWorkload.Inference)
            {
                throw Invalid("An explicit serving layout applies to inference; for training give -GpuCount and -ZeroStage.");
            }

            var tp = request.TensorParallel ?? 1;
            var dp = request.DataParallel ?? 1;
            var pp = request.PipelineParallel ?? 1;
            if (!engine.UsesTensorParallel && (tp > 1 || dp > 1 || request.ExpertParallel > 1 || request.DataParallelAttention))
            {
                throw Invalid(engine.Name + " splits whole layers over GPUs: give -PipelineParallel (or -GpuCount) only.");
            }

            if (model.NumAttentionHeads % tp != 0 || (model.IsMixtureOfExperts && model.RoutedExperts % tp != 0))
            {
                throw Invalid(Invariant($"TensorParallel {tp} must divide the {model.NumAttentionHeads} attention heads{(model.IsMixtureOfExperts ? Invariant($" and {model.RoutedExperts} experts") : string.Empty)}."));
            }

            if (request.ExpertParallel is int ep && ep > 1)
            {
                if (!model.IsMixtureOfExperts)
                {
                    throw Invalid(model.Name + " is a dense model: it has no experts to spread (-ExpertParallel).");
                }

                if (ep != tp && ep != tp * dp)
                {
                    throw Invalid(Invariant($"ExpertParallel spreads the experts over the tensor-parallel group ({tp}) or every GPU of a stage (TP x DP = {tp * dp}); {ep} is neither."));
                }

                if (model.RoutedExperts % ep != 0)
                {
                    throw Invalid(Invariant($"ExpertParallel {ep} must divide the {model.RoutedExperts} experts."));
                }
            }

            if (request.DataParallelAttention && (model.Attention != AttentionKind.MultiHeadLatent || dp < 2))
            {
                throw Invalid("DataParallelAttention is for MLA models (DeepSeek-V2/V3/R1) with -DataParallel 2 or more.");
            }

            if (request.GpuCount is int count && count != tp * pp * dp)
            {
                throw Invalid(Invariant($"GpuCount {count} is not TensorParallel x PipelineParallel x DataParallel = {tp} x {pp} x {dp} = {tp * pp * dp}."));
            }

        }

        private static void Validate(SizingRequest request, ModelSpec model, EngineProfile engine, WeightPrecision precision)
        {
            if (request.Concurrency <= 0)
            {
                throw new SizingException(SizingErrorIds.InvalidConcurrency, Invariant($"Concurrency must be at least 1 sequence (got {request.Concurrency})."));
            }

            if (request.Concurrency > MaxConcurrency)
            {
                throw new SizingException(SizingErrorIds.InvalidConcurrency,
                    Invariant($"Concurrency {request.Concurrency} is beyond {MaxConcurrency} sequences, more than any engine keeps in flight on one deployment; size a realistic peak and scale out replicas."));
            }

            if (request.GpuCount is { } count && count <= 0)
            {
                throw new SizingException(SizingErrorIds.InvalidGpuCount, Invariant($"GpuCount must be at least 1 (got {count})."));
            }

            if (request.GpuCount is { } many && many > MaxGpuCount)
            {
                throw new SizingException(SizingErrorIds.InvalidGpuCount, Invariant($"GpuCount {many} is beyond {MaxGpuCount}, more GPUs than the largest clusters hold."));
            }

            if (request.GpuCount.HasValue && request.Gpu is null)
            {
                throw new SizingException(SizingErrorIds.InvalidGpuCount, "GpuCount needs a GPU: give -Gpu as well.");
            }

            if (request.MemoryUtilization is { } utilization && (utilization <= 0 || utilization > 1 || double.IsNaN(utilization)))
            {
                throw new SizingException(SizingErrorIds.InvalidMemoryUtilization, Invariant($"MemoryUtilization is a fraction of each GPU, above 0 and at most 1 (got {utilization})."));
            }

            if (request.GroupSize is not (32 or 64 or 128 or 256))
            {
                throw new SizingException(SizingErrorIds.PrecisionNotSupported, Invariant($"GroupSize must be 32, 64, 128 or 256 (got {request.GroupSize})."));
            }

            ValidateLayout(request, model, engine);

            if (request.MultiTokenPrediction && (request.SpeculativeTokens < 1 || request.SpeculativeTokens > MaxSpeculativeTokens))
            {
                throw new SizingException(SizingErrorIds.MultiTokenPredictionNotSupported, Invariant(
                    $"SpeculativeTokens must be 1 to {MaxSpeculativeTokens} (got {request.SpeculativeTokens}): the acceptance of later drafts is measured up to {MaxSpeculativeTokens} (SGLang's default EAGLE steps for DeepSeek)."));
            }

            if (request.MultiTokenPrediction && (model.MtpLayers <= 0 || !engine.RunsMtpDrafts || request.Workload != SizingWorkload.Inference))
            {
                throw new SizingException(SizingErrorIds.MultiTokenPredictionNotSupported, model.MtpLayers <= 0
                    ? model.Name + " has no multi-token-prediction layer to draft with (DeepSeek-V3, R1 and their updates do)."
                    : engine.Name + " does not draft with the MTP layer; use " + string.Join(" or ", EngineProfile.All.Where(e => e.RunsMtpDrafts).Select(e => e.Name)) + " (inference).");
            }

            if (request.AttentionImplementation != AttentionImplementation.Auto && !engine.ChoosesAttentionImplementation && request.Workload == SizingWorkload.Inference)
            {
                throw new SizingException(SizingErrorIds.AttentionImplementationNotSupported,
                    engine.Name + " always runs its own fused attention kernels; -AttentionImplementation applies to the Transformers engine and to training.");
            }

            if (request.AttentionImplementation == AttentionImplementation.FlashAttention2 && request.Gpu is { } attentionGpu
                && (request.Workload == SizingWorkload.Inference ? engine : EngineProfile.DefaultFor(gguf: false, training: true)).FlashAttention2MinComputeCapability is { } fa2Min
                && CapabilityOf(attentionGpu) is { } fa2Cc && fa2Cc < fa2Min)
            {
                throw new SizingException(SizingErrorIds.AttentionImplementationNotSupported,
                    Invariant($"FlashAttention-2 needs compute capability {fa2Min:0.0} (Ampere) or newer; {attentionGpu.Name} has {attentionGpu.ComputeCapability}. Use -AttentionImplementation Sdpa."));
            }

            if (request.ZeroStage is < 0 or > 3)
            {
                throw new SizingException(SizingErrorIds.InvalidTrainingOption, Invariant($"ZeroStage is 0, 1, 2 or 3 (got {request.ZeroStage})."));
            }

            var isGguf = request.GgufFile != null || PrecisionFormat.For(precision, request.GroupSize, 0).IsGguf;
            if (engine.RunsGguf && !isGguf && precision is not (WeightPrecision.BF16 or WeightPrecision.FP16 or WeightPrecision.FP32))
            {
                throw new SizingException(SizingErrorIds.PrecisionNotSupported,
                    engine.Name + " runs GGUF files: choose a GGUF type (Q8_0, Q6_K, Q5_K_M, Q4_K_M, IQ4_XS, Q3_K_M, Q2_K, IQ2_XXS, ...) or FP16/BF16/FP32 (" + precision + " is for vLLM, SGLang or Transformers).");
            }

            if (!engine.RunsGguf && isGguf)
            {
                throw new SizingException(SizingErrorIds.PrecisionNotSupported,
                    (request.GgufFile != null ? "A GGUF file" : precision.ToString()) + " is a GGUF format for llama.cpp or Ollama; with " + engine.Name + " choose FP8, INT8, INT4, GPTQ_INT4 or AWQ_INT4.");
            }

            if (request.Workload != SizingWorkload.Inference && (isGguf || engine.RunsGguf))
            {
                throw new SizingException(SizingErrorIds.PrecisionNotSupported, "Training sizes PyTorch workloads; GGUF precisions and llama.cpp/Ollama are inference-only.");
            }

            if (request.Gpu is { } gpu && precision == WeightPrecision.FP8 && !HasFp8Units(gpu))
            {
                // The compatibility checklist's FP8 row decides: native units from one capability, weight-only from another.
                var row = CompatibilityChecklist.Builtin.PrecisionFor(nameof(WeightPrecision.FP8))!;
                var cc = CapabilityOf(gpu);
                var weightOnly = engine.Fp8WeightOnlyOnOlderGpus && cc is { } capability && row.WeightOnlyMinComputeCapability is { } floor
                                 && capability >= double.Parse(floor, NumberStyles.Float, CultureInfo.InvariantCulture);
                if (!weightOnly)
                {
                    throw new SizingException(SizingErrorIds.PrecisionNotSupported,
                        gpu.Name + " has no FP8 tensor cores" + (cc is { } known ? Invariant($" (compute capability {known:0.0} < {row.MinComputeCapability})") : string.Empty) +
                        ", and " + engine.Name + " cannot run FP8 weights on it" +
                        (row.WeightOnlyMinComputeCapability is { } min ? Invariant($" (weight-only FP8 needs compute capability {min} and {string.Join(" or ", row.WeightOnlyEngines)})") : string.Empty) +
                        ": convert to BF16 or choose INT8/INT4 weights.");
                }
            }

            if (request.KvCacheType == KvCacheType.FP8 && !engine.Fp8KvCache)
            {
                // llama.cpp's 8-bit cache is q8_0: for MLA models it holds the latent, so engines that cache decompressed heads
                // have none; and ggml reads a quantized cache only in its flash-attention kernels.
                if (model.Attention == AttentionKind.MultiHeadLatent && !(engine.RunsGguf && KvCacheLayout.CachesLatent(model, engine, request.GgufFile)))
                {
                    throw new SizingException(SizingErrorIds.PrecisionNotSupported, engine.RunsGguf && request.GgufFile is { } old
                        ? SafeText.Clean(old.FileName + " was converted before llama.cpp's MLA path (no key_length_mla), so " + engine.Name + " runs it on decompressed heads, which have no 8-bit cache: use the 16-bit cache (-KvCacheType Auto) or a newer conversion.")
                        : engine.Name + " has no 8-bit KV cache for MLA models; use " + string.Join(" or ", EngineProfile.All.Where(e => e.HasEightBitKvCache && e.CachesMlaLatent).Select(e => e.Name)) + " for an 8-bit cache.");
                }

                if (engine.RunsGguf && InferenceSizing.LacksFlashAttention(request, engine))
                {
                    throw new SizingException(SizingErrorIds.PrecisionNotSupported, Invariant(
                        $"{engine.Name} keeps an 8-bit (q8_0) KV cache only under flash attention, which it turns off on {request.Gpu!.Name} (compute capability {request.Gpu.ComputeCapability}, below {engine.FlashAttentionMinComputeCapability:0.0}): use the 16-bit cache (-KvCacheType Auto)."));
                }
            }
        }

        internal static bool HasFp8Units(GpuSpec gpu) => gpu.DenseFp8Tflops is > 0;

        internal static double? CapabilityOf(GpuSpec gpu) =>
            double.TryParse(gpu.ComputeCapability, NumberStyles.Float, CultureInfo.InvariantCulture, out var cc) ? cc : (double?)null;
    }
}
