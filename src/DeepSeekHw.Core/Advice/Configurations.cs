using System;
using System.Collections.Generic;
using System.Linq;
using DeepSeekHw.Launch;
using DeepSeekHw.Sizing;

using static DeepSeekHw.InvariantText;

namespace DeepSeekHw.Advice
{
    /// <summary>Sizing a variant of the deployment, and turning a sizing that fits into a recommendation with its launch command.</summary>
    internal static class Configurations
    {
        /// <summary>The variant's sizing, or null when the sizing refuses it (a precision the engine or GPU cannot run).</summary>
        public static SizingEstimate? TrySize(SizingRequest request)
        {
            try
            {
                return SizingEngine.Estimate(request);
            }
            catch (SizingException)
            {
                return null;
            }
        }

        public static bool IsGguf(WeightPrecision precision) => precision != WeightPrecision.Native && PrecisionFormat.For(precision, 128, 0).IsGguf;

        /// <summary>A recommendation to run this sizing, with the engine's command line computed from it.</summary>
        public static Recommendation Run(string category, string title, SizingEstimate estimate, SizingRequest request, GpuSpec? launchGpu, string rationale, string source, string? actionPrefix = null)
        {
            // Training has no server to launch: the action is the training setup the sizing assumed.
            var launch = request.Workload == SizingWorkload.Inference ? LaunchPlanner.Plan(request.Model, estimate, launchGpu) : null;
            var what = launch?.Text.TrimEnd('\n') ?? Training(request, estimate);
            return new Recommendation
            {
                Category = category,
                Title = title,
                Rationale = rationale,
                Action = (actionPrefix is null ? string.Empty : actionPrefix + " Then: ") + what,
                ExpectedEffect = Effect(estimate),
                Source = source,
                Fits = estimate.Fits,
                Configuration = estimate,
                Launch = launch,
                Request = request,
            };
        }

        /// <summary>What a configuration gives: the longest context, the most sequences, and the speed.</summary>
        public static string Effect(SizingEstimate e)
        {
            var parts = new List<string>
            {
                e.Gpu == SystemMemoryDevice.Name
                    ? Invariant($"{ByteSize.Format(e.PerGpuBytes)} of the {ByteSize.Format(e.PerGpuBudgetBytes ?? e.PerGpuBytes)} RAM budget")
                    : Invariant($"{ByteSize.Format(e.PerGpuBytes)} of {ByteSize.Format(e.PerGpuBudgetBytes ?? e.PerGpuBytes)} per GPU"),
            };
            if (e.MaxContextLength is int context)
            {
                parts.Add(Invariant($"context up to {context:N0} tokens for {Sequences(e.Concurrency)}"));
            }

            if (e.MaxConcurrency is int most)
            {
                parts.Add(Invariant($"up to {Sequences(most)} of {e.ContextLength:N0} tokens"));
            }

            if (e.DecodeTokensPerSecond is double decode)
            {
                var load = e.PromptLength is int arriving && arriving < e.ContextLength
                    ? Invariant($", new {arriving:N0}-token prompts arriving as requests finish")
                    : string.Empty;
                parts.Add(e.Concurrency > 1 && e.DecodeTokensPerSecondPerSequence is double each
                    ? Invariant($"decode about {decode:0.#} tokens/s in all at {Sequences(e.Concurrency)} ({each:0.#} per sequence{load})")
                    : Invariant($"decode about {decode:0.#} tokens/s for one sequence"));
            }

            if (e.TimeToFirstTokenSeconds is double ttft)
            {
                parts.Add(e.PromptLength is int prompt && prompt < e.ContextLength
                    ? Invariant($"first token after about {ttft:0.##} s for a {prompt:N0}-token prompt")
                    : Invariant($"first token after about {ttft:0.##} s for a full prompt"));
            }

            return string.Join("; ", parts);
        }

        public static string Sequences(int count) => count == 1 ? "1 sequence" : Invariant($"{count:N0} sequences");

        /// <summary>"8 x H100-SXM (TP8 x PP2, 2 nodes)".</summary>
        public static string Layout(SizingEstimate e) =>
            e.Gpu == SystemMemoryDevice.Name
                ? "the CPU from system RAM"
                : Invariant($"{e.GpuCount} x {e.Gpu} (TP{e.TensorParallel} x PP{e.PipelineParallel}{(e.Nodes > 1 ? Invariant($", {e.Nodes} nodes") : string.Empty)})");

        /// <summary>"needs 82.2 GiB per GPU of a 72.0 GiB budget".</summary>
        public static string Need(SizingEstimate e) =>
            Invariant($"needs {ByteSize.Format(e.PerGpuBytes)} per GPU of a {ByteSize.Format(e.PerGpuBudgetBytes ?? 0)} budget (weights {ByteSize.Format(e.WeightBytesPerGpu)}, KV cache {ByteSize.Format(e.KvCacheBytesPerGpu)})");

        public static string Training(SizingRequest r, SizingEstimate e) =>
            Invariant($"{r.Workload} on {e.GpuCount} x {e.Gpu}: micro-batch {r.Concurrency} of {e.ContextLength:N0} tokens per GPU")
            + (r.ZeroStage > 0 ? Invariant($", DeepSpeed ZeRO stage {r.ZeroStage}") : string.Empty)
            + (r.GradientCheckpointing ? ", gradient checkpointing" : string.Empty)
            + (r.CpuOffload ? ", optimizer states offloaded to CPU" : string.Empty);

        public static string Settings(SizingEstimate e) =>
            e.Workload != SizingWorkload.Inference
                ? Invariant($"{e.Workload} in {e.Precision}, {e.ContextLength:N0} tokens x micro-batch {e.Concurrency}")
                : Invariant($"{e.Precision} weights, {e.KvCacheType} KV cache, {e.ContextLength:N0} tokens x {Sequences(e.Concurrency)} with {e.Engine}")
            + (e.MemoryUtilization is double u ? Invariant($" at memory utilization {u:0.##}") : string.Empty);

        public static IEnumerable<T> DistinctOn<T>(this IEnumerable<T> items, Func<T, string> key) =>
            items.GroupBy(key, StringComparer.OrdinalIgnoreCase).Select(g => g.First());
    }
}
