using System;
using System.Collections.Generic;
using System.Linq;
using DeepSeekHw.Catalog;
using DeepSeekHw.Cost;
using DeepSeekHw.Readiness;
using DeepSeekHw.Sizing;

using static DeepSeekHw.Advice.Configurations;
using static DeepSeekHw.InvariantText;

namespace DeepSeekHw.Advice
{
    /// <summary>
    /// Configurations for a machine with GPUs: the deployment as asked when it fits; otherwise what fits, least change
    /// first — engine memory settings, a shorter context or fewer sequences, a smaller precision, more of the same GPU,
    /// then other GPUs one can rent or buy (cheapest first, from the cloud price list).
    /// </summary>
    internal static class GpuOptions
    {
        private const string SizingSource = "Get-DeepSeekSizing for this configuration (docs/sizing.md)";

        // Precisions to step down to, each family tried once: 8-bit (FP8 where the GPU runs it, else INT8), 4-bit (AWQ for
        // the serving engines, Q4_K_M GGUF for llama.cpp), then 3- and 2-bit GGUF only when nothing else fits.
        private static readonly WeightPrecision[][] Families =
        {
            new[] { WeightPrecision.FP8, WeightPrecision.INT8 },
            new[] { WeightPrecision.AWQ_INT4 },
            new[] { WeightPrecision.Q4_K_M },
            new[] { WeightPrecision.Q3_K_M, WeightPrecision.Q2_K },
        };

        public static (List<Recommendation> Options, SizingEstimate? Chosen, bool NothingFitsHere) For(
            RecommendationRequest request, DeepSeekCatalog catalog, CompatibilityChecklist compat, IReadOnlyList<CloudInstance> cloud)
        {
            var asked = request.Deployment;
            var gpu = asked.Gpu!;
            var options = new List<Recommendation>();
            var estimate = TrySize(asked);
            if (estimate?.Fits == true)
            {
                options.Add(Run("Deployment", Invariant($"{estimate.Model} {estimate.Precision} fits {Layout(estimate)} as asked"), estimate, asked, gpu,
                    Invariant($"{Settings(estimate)} {Need(estimate).Replace("needs", "takes")}."), SizingSource));
                return (options, estimate, false);
            }

            var why = estimate is null ? "The sizing cannot run it as asked." : Invariant($"As asked ({Settings(estimate)}) it {Need(estimate)}.");
            if (asked.Workload != SizingWorkload.Inference)
            {
                return Training(asked, gpu, catalog, cloud, why, options);
            }

            var weightsAsked = estimate?.WeightBytes ?? long.MaxValue;
            var minimumContext = (int)compat.Policy(PolicyNames.MinimumUsefulContext).Value;

            // 1. The same precision with the engine's memory settings tuned: an FP8 KV cache, a higher memory fraction.
            if (Tuned(asked, compat) is { } tuned && tuned.Estimate.Fits == true)
            {
                options.Add(Run("KvCache", Invariant($"{tuned.Estimate.Precision} fits {Layout(tuned.Estimate)} with {tuned.How}"), tuned.Estimate, tuned.Request, gpu,
                    why + " " + Invariant($"With {tuned.How} it {Need(tuned.Estimate)}."), SizingSource + "; " + tuned.Source));
            }

            // 2. A shorter context or fewer sequences, when what fits is still useful.
            if (estimate != null && options.Count == 0)
            {
                AddSmallerLoad(options, asked, estimate, gpu, why, minimumContext);
            }

            // 3. A smaller precision on the same GPUs, each family once.
            var fitsHere = options.Count > 0;
            foreach (var family in Families)
            {
                if (family[0] == WeightPrecision.Q3_K_M && fitsHere)
                {
                    break; // 3- and 2-bit only when nothing better fits
                }

                foreach (var precision in family)
                {
                    var variant = asked.With(r =>
                    {
                        r.Precision = precision;
                        r.Engine = IsGguf(precision) ? null : (EngineProfile.Find(asked.Engine)?.RunsGguf == true ? null : asked.Engine);
                    });
                    var sized = TrySize(variant);
                    if (sized is null || sized.WeightBytes >= weightsAsked)
                    {
                        continue;
                    }

                    var fitting = sized.Fits == true ? (Estimate: sized, Request: variant, How: string.Empty, Source: string.Empty) : Tuned(variant, compat);
                    if (fitting is { } fit && fit.Estimate.Fits == true)
                    {
                        var how = fit.How.Length > 0 ? " with " + fit.How : string.Empty;
                        options.Add(Run("Precision", Invariant($"{fit.Estimate.Precision} with {fit.Estimate.Engine} fits {Layout(fit.Estimate)}{how}"), fit.Estimate, fit.Request, gpu,
                            why + " " + Invariant($"{fit.Estimate.Precision} weights are {ByteSize.Format(fit.Estimate.WeightBytes)} in all (as asked: {ByteSize.Format(estimate?.WeightBytes ?? 0)}); it {Need(fit.Estimate)}.") + QualityNote(precision),
                            SizingSource + (fit.Source.Length > 0 ? "; " + fit.Source : string.Empty)));
                        fitsHere = true;
                        break;
                    }
                }
            }

            // 4. More of the same GPU.
            var more = TrySize(asked.With(r => r.GpuCount = null));
            if (more?.Fits == true && more.GpuCount > (asked.GpuCount ?? 1) && more.Nodes <= 4)
            {
                var add = (more.GpuCount ?? 0) - (asked.GpuCount ?? 1);
                options.Add(Run("Hardware", Invariant($"{more.GpuCount} x {gpu.Name} run it as asked{(more.Nodes > 1 ? Invariant($" over {more.Nodes} nodes") : string.Empty)}"), more, asked.With(r => r.GpuCount = more.GpuCount), gpu,
                    why + " " + Invariant($"On {Layout(more)} it {Need(more)}.") + (more.Nodes > 1 ? " The nodes need a 200 Gb/s InfiniBand or RoCE fabric between them (see the Network recommendation)." : string.Empty),
                    SizingSource, Invariant($"Add {add} x {gpu.Name}{(more.Nodes > 1 ? Invariant($" ({more.Nodes} nodes of up to 8)") : string.Empty)}.")));
            }

            // 5. Other GPUs, cheapest to rent first.
            options.AddRange(OtherGpus(asked, gpu, catalog, cloud, why));
            return (options, options.FirstOrDefault()?.Configuration, !fitsHere);
        }

        // Training that does not fit: the memory savers in the order they cost speed (shard, recompute, offload), then
        // adapters instead of full weights, then more GPUs.
        private static (List<Recommendation>, SizingEstimate?, bool) Training(SizingRequest asked, GpuSpec gpu, DeepSeekCatalog catalog, IReadOnlyList<CloudInstance> cloud, string why, List<Recommendation> options)
        {
            var steps = new List<(SizingRequest Request, string How)>();
            var current = asked;
            if (asked.Workload == SizingWorkload.FullFineTune && asked.ZeroStage < 3 && (asked.GpuCount ?? 1) > 1)
            {
                current = current.With(r => r.ZeroStage = 3);
                steps.Add((current, "DeepSpeed ZeRO-3"));
            }

            if (!current.GradientCheckpointing)
            {
                current = current.With(r => r.GradientCheckpointing = true);
                steps.Add((current, steps.Count > 0 ? "ZeRO-3 and gradient checkpointing" : "gradient checkpointing"));
            }

            if (asked.Workload == SizingWorkload.FullFineTune && !current.CpuOffload)
            {
                current = current.With(r => r.CpuOffload = true);
                steps.Add((current, "those and optimizer states in CPU RAM"));
            }

            if (asked.Workload == SizingWorkload.FullFineTune)
            {
                steps.Add((asked.With(r => r.Workload = SizingWorkload.LoRA), "LoRA adapters instead of full fine-tuning"));
            }

            if (asked.Workload != SizingWorkload.QLoRA)
            {
                steps.Add((asked.With(r => r.Workload = SizingWorkload.QLoRA), "QLoRA (a 4-bit base with LoRA adapters)"));
            }

            var fitsHere = false;
            foreach (var (request, how) in steps)
            {
                if (TrySize(request) is { Fits: true } sized)
                {
                    options.Add(Run("FineTuning", Invariant($"{sized.Workload} fits {sized.GpuCount} x {gpu.Name} with {how}"), sized, request, gpu,
                        why + " " + Invariant($"With {how} it {Need(sized)}."), SizingSource + "; DeepSpeed ZeRO and ZeRO-Offload; LoRA (Hu et al., 2021); QLoRA (Dettmers et al., 2023)"));
                    fitsHere = true;
                    break;
                }
            }

            var more = TrySize(asked.With(r => r.GpuCount = null));
            if (more?.Fits == true && more.GpuCount > (asked.GpuCount ?? 1) && more.Nodes <= 4)
            {
                options.Add(Run("Hardware", Invariant($"{more.GpuCount} x {gpu.Name} train it as asked"), more, asked.With(r => r.GpuCount = more.GpuCount), gpu,
                    why + " " + Invariant($"On {more.GpuCount} x {gpu.Name} it {Need(more)}."), SizingSource,
                    Invariant($"Add {(more.GpuCount ?? 0) - (asked.GpuCount ?? 1)} x {gpu.Name}.")));
            }

            options.AddRange(OtherGpus(asked, gpu, catalog, cloud, why));
            return (options, options.FirstOrDefault()?.Configuration, !fitsHere);
        }

        // The deployment with the engine's memory settings changed, least first: an 8-bit KV cache, then the memory fraction
        // a GPU that runs nothing else can give, then both.
        private static (SizingEstimate Estimate, SizingRequest Request, string How, string Source)? Tuned(SizingRequest asked, CompatibilityChecklist compat)
        {
            var engine = EngineProfile.Find(asked.Engine) ?? EngineProfile.DefaultFor(IsGguf(asked.Precision), training: false);
            var dedicated = compat.Policy(PolicyNames.DedicatedGpuMemoryUtilization);
            var variants = new List<(SizingRequest Request, string How, string Source)>();
            // GGUF engines have no FP8 cache; their 8-bit cache is q8_0, which -KvCacheType FP8 maps to (refused where it cannot run).
            var eightBit = engine.HasEightBitKvCache;
            var cacheName = engine.Fp8KvCache ? "an FP8 KV cache" : "an 8-bit q8_0 KV cache";
            if (asked.KvCacheType != KvCacheType.FP8 && eightBit)
            {
                variants.Add((asked.With(r => r.KvCacheType = KvCacheType.FP8), cacheName,
                    engine.Fp8KvCache ? "half the KV bytes per token of BF16" : "34 bytes per 32 values, 0.53 of the F16 cache's bytes per token"));
            }

            if (engine.DefaultMemoryUtilization is double current && current < dedicated.Value && asked.MemoryUtilization is null)
            {
                variants.Add((asked.With(r => r.MemoryUtilization = dedicated.Value), Invariant($"memory utilization {dedicated.Value:0.##}"), dedicated.Source));
                if (eightBit && asked.KvCacheType != KvCacheType.FP8)
                {
                    variants.Add((asked.With(r =>
                    {
                        r.KvCacheType = KvCacheType.FP8;
                        r.MemoryUtilization = dedicated.Value;
                    }), Invariant($"{cacheName} and memory utilization {dedicated.Value:0.##}"), dedicated.Source));
                }
            }

            foreach (var (request, how, source) in variants)
            {
                if (TrySize(request) is { Fits: true } fits)
                {
                    return (fits, request, how, source);
                }
            }

            return null;
        }

        private static void AddSmallerLoad(List<Recommendation> options, SizingRequest asked, SizingEstimate estimate, GpuSpec gpu, string why, int minimumContext)
        {
            if (estimate.Concurrency > 1 && estimate.MaxConcurrency is int most && most >= 1)
            {
                var fewer = asked.With(r => r.Concurrency = most);
                if (TrySize(fewer) is { Fits: true } sized)
                {
                    options.Add(Run("Concurrency", Invariant($"{most} sequences at once fit, not {estimate.Concurrency}"), sized, fewer, gpu,
                        why + Invariant($" At {most} sequences of {estimate.ContextLength:N0} tokens it fits; queue the rest (the engine does with --max-num-seqs)."),
                        SizingSource + "; Seed guide 2 halves the batch on OOM (32 to 16): the sizing gives the exact value instead"));
                    return;
                }
            }

            if (estimate.MaxContextLength is int longest && longest >= minimumContext && longest < estimate.ContextLength)
            {
                var rounded = longest / 1024 * 1024;
                var shorter = asked.With(r =>
                {
                    r.ContextLength = Math.Max(minimumContext, rounded);
                    r.PromptLength = r.PromptLength is { } prompt ? Math.Min(prompt, r.ContextLength.Value) : null;
                });
                if (TrySize(shorter) is { Fits: true } sized)
                {
                    options.Add(Run("Context", Invariant($"A {sized.ContextLength:N0}-token context fits, not {estimate.ContextLength:N0}"), sized, shorter, gpu,
                        why + Invariant($" The KV cache of {estimate.Concurrency} sequence(s) fits up to {longest:N0} tokens."), SizingSource));
                }
            }
        }

        private static IEnumerable<Recommendation> OtherGpus(SizingRequest asked, GpuSpec gpu, DeepSeekCatalog catalog, IReadOnlyList<CloudInstance> cloud, string why)
        {
            IReadOnlyList<CostEstimate> priced;
            try
            {
                priced = CostEstimator.Estimate(new CostRequest(asked.With(r =>
                {
                    r.Gpu = null;
                    r.GpuCount = null;
                })), catalog, cloud);
            }
            catch (SizingException)
            {
                yield break;
            }

            foreach (var option in priced.Where(o => !string.Equals(o.Gpu, gpu.Name, StringComparison.OrdinalIgnoreCase) && o.Instances <= 2).DistinctOn(o => o.Gpu).Take(3))
            {
                var other = catalog.FindGpu(option.Gpu)!;
                var request = asked.With(r =>
                {
                    r.Gpu = other;
                    r.GpuCount = option.GpusPerReplica;
                });
                if (TrySize(request) is { Fits: true } sized)
                {
                    yield return Run("Hardware", Invariant($"{Layout(sized)} run it as asked"), sized, request, other,
                        why + " " + Invariant($"On {Layout(sized)} it {Need(sized)}."),
                        SizingSource + "; price: " + option.Source + " (" + option.PriceAsOf + ")",
                        Invariant($"Rent {option.Instances} x {option.Option} ({option.CostPerHourUsd:0.##} USD/h, {option.PriceAsOf}; Get-DeepSeekCostEstimate compares all) or buy {sized.GpuCount} x {other.Name}."));
                }
            }
        }

        private static string QualityNote(WeightPrecision precision) => precision switch
        {
            WeightPrecision.FP8 => " FP8 weights keep the model's accuracy within noise for DeepSeek-V3/R1, which were trained in FP8.",
            WeightPrecision.INT8 => " INT8 weights cost little accuracy; check on your own evaluations.",
            WeightPrecision.Q3_K_M or WeightPrecision.Q2_K => " 3- and 2-bit weights lose noticeable accuracy: use them only when nothing else fits, and check on your own evaluations.",
            _ => " 4-bit weights cost some accuracy; check on your own evaluations.",
        };
    }
}
