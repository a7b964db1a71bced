using System;
using System.Collections.Generic;
using System.Linq;
using static DeepSeekHw.InvariantText;
using static DeepSeekHw.Sizing.SizingEngine;

namespace DeepSeekHw.Sizing
{
    /// <summary>Decode, prefill and time to first token of a sized layout.</summary>
    internal static partial class InferenceSizing
    {
        private const double MoeLayerExtraMicroseconds = 40;
        private const double TensorParallelLayerExtraMicroseconds = 30;
        private const double DecodeComputeEfficiency = 0.5;

        /// <summary>
        /// An all-reduce of a decode step's few kilobytes across servers: 26 µs in NCCL's own latency model for 8 KB over
        /// 16 H100s on two InfiniBand-connected nodes (its tuning log in NVIDIA/nccl issue #1453). A tensor-parallel group
        /// wider than a server pays it twice per layer (after attention and after the MLP or experts).
        /// </summary>
        private const double CrossNodeAllReduceMicroseconds = 26;

        /// <summary>Share of drafted second tokens the model accepts: 85-90% (DeepSeek-V3 technical report, §5.4.3); the low end.</summary>
        private const double MtpAcceptance = 0.85;

        /// <summary>
        /// Share of each later draft accepted once the one before it was: the MTP layer, trained to predict one token ahead,
        /// is chained on its own guesses. 0.57 gives SGLang's measured accept length of 2.61 tokens a step at three EAGLE steps
        /// (DeepSeek-V3, SGLang 0.5.7, the SGLang cookbook's DeepSeek-V3 page): 1 + 0.85 × (1 + 0.57 + 0.57²).
        /// </summary>
        private const double MtpLaterAcceptance = 0.57;

        /// <summary>Tokens a step yields on average with <paramref name="drafts"/> chained drafts: the verified token plus each draft accepted.</summary>
        internal static double MtpTokensPerStep(int drafts)
        {
            var tokens = 1.0;
            var reach = MtpAcceptance;
            for (var i = 0; i < drafts; i++)
            {
                tokens += reach;
                reach *= MtpLaterAcceptance;
            }

            return tokens;
        }

        private static bool IsInt4WeightOnly(WeightPrecision p) => p is WeightPrecision.AWQ_INT4 or WeightPrecision.GPTQ_INT4 or WeightPrecision.INT4;

        private static void Speed(SizingEstimate e, SizingRequest r, EngineProfile engine, WeightModel w, KvCacheLayout layout, LayoutPlan plan, int context, int prompt, int rankSequences, int stepTokens, List<string> notes)
        {
            var m = r.Model;
            var gpu = r.Gpu!;
            var tp = plan.TensorParallel;
            var parallelReads = engine.UsesTensorParallel ? tp : 1; // layer split: GPUs take turns, so their reads add up
            if (gpu.EstimateBasis != null)
            {
                notes.Add(gpu.IsMeasured
                    ? gpu.Name + " is not in the catalog: its memory is what the driver reports; speed uses " + gpu.EstimateBasis + "."
                    : gpu.Name + ": speed uses " + gpu.EstimateBasis + ".");
            }

            if (gpu.MemoryBandwidthBytesPerSecond <= 0)
            {
                notes.Add(gpu.Name + "'s memory bandwidth is unknown: decode and prefill speed are not estimated.");
                return;
            }

            var decodeEfficiency = engine.DecodeEfficiencyOn(gpu);
            var bandwidth = engine.DecodeBytesPerSecond(gpu);
            var kernelLimit = bandwidth < gpu.MemoryBandwidthBytesPerSecond * decodeEfficiency ? bandwidth : (double?)null;
            var tflops = ComputeTflops(gpu, w.Format.Precision, engine, notes);
            var prefillTflops = PrefillTflops(gpu, w.Format, engine, tflops);

            // With experts spread over every rank (DP attention), all ranks' tokens choose experts together.
            var expertGroupRanks = plan.ExpertParallel > tp ? plan.DataParallel : 1;
            var expertReads = ExpertSplit(m, engine, tp, plan.ExpertParallel);
            // Speculative decoding with the MTP layer: each step verifies the drafted tokens of every sequence as well, so
            // the experts touched and the compute follow 1 + drafts tokens per sequence; the MTP layer runs once per draft
            // (each draft feeds the next), and a step yields the verified token plus the drafts accepted in a row.
            var drafts = r.MultiTokenPrediction ? r.SpeculativeTokens : 0;
            var floorLayers = m.NumLayers + (drafts * m.MtpLayers);
            // The MTP layer's weight and cache reads on the later draft passes (a 62nd of a step each) are left out.
            var kvLayers = KvLayers(r);
            var tokensPerStep = MtpTokensPerStep(drafts);
            var weightShare = IsInt4WeightOnly(w.Format.Precision) ? engine.Int4WeightDecodeShare : 1; // W4A16 GEMV dequantizes as it reads
            var quantizedShare = w.Format.IsGguf ? engine.QuantizedPrefillShare ?? 1 : 1;
            var prefillShares = quantizedShare * (m.IsMixtureOfExperts ? engine.MoePrefillShare : 1); // of the dense 16-bit rate
            var prefillEfficiency = engine.PrefillEfficiency * prefillShares;
            var promptFlopsPerToken = (2.0 * e.ActiveParameters) + (AttentionFlops(m, prompt) / prompt); // causal attention averaged over the prompt
            // A power limit holds the clocks down, so it scales every tensor rate (FP8 as well as 16-bit) by the same share:
            // the limit's TFLOPS over the full-rate 16-bit peak (a GeForce card's FP16-accumulate rate, twice its BF16).
            var powerLimit = PowerLimitTflops(gpu);
            var peak16 = Math.Max(gpu.DenseFp16AccumulateTflops ?? 0, gpu.DenseBf16Tflops ?? gpu.DenseFp16Tflops ?? 0);
            var powerShare = powerLimit is { } limit16 && peak16 > 0 ? limit16 / peak16 : double.MaxValue;
            double Sustained(double peakTflops, double efficiency) => peakTflops * Math.Min(efficiency, powerShare);
            double PrefillSeconds(double tokens) => prefillTflops is { } peakTflops
                ? tokens * promptFlopsPerToken / (parallelReads * Sustained(peakTflops, engine.PrefillEfficiency) * prefillShares * 1e12)
                : 0;

            // Tensor parallelism sums each layer's partial results twice (after attention and after the MLP or experts): a
            // ring all-reduce moves 2 (tp - 1) / tp of the step's BF16 activations over the GPUs' link. Its latency is in the
            // layer floor; its bandwidth matters when many tokens cross a slow link (PCIe, or between servers).
            var busBandwidth = engine.UsesTensorParallel && tp > 1 ? AllReduceBusBytesPerSecond(gpu, tp) : 0;
            double AllReduceSeconds(double tokens) => busBandwidth > 0 ? 2.0 * floorLayers * tokens * m.HiddenSize * 2 * 2.0 * (tp - 1) / tp / busBandwidth : 0;

            // One step of `sequences` decoding sequences, with `promptTokens` tokens of arriving prompts in the same batch:
            // they route through the experts with the rest and add their compute, while the weights are read once.
            double StepSeconds(int sequences, double promptTokens = 0)
            {
                var batch = sequences * (1 + drafts);
                var routed = batch + promptTokens;
                var touched = m.IsMixtureOfExperts ? m.RoutedExperts * (1 - Math.Pow(1 - m.ExpertsPerToken / (double)m.RoutedExperts, routed * expertGroupRanks)) : 0;
                var expertBytesPerLayerExpert = m.IsMixtureOfExperts ? w.Experts / (double)(m.MoeLayers * m.RoutedExperts) : 0;
                var denseRead = w.Total - w.Embedding - w.Experts;
                var expertRead = m.MoeLayers * touched * expertBytesPerLayerExpert;
                var replicated = tp > 1 ? w.ReplicatedAttention + w.Router : 0;
                var criticalWeights = ((denseRead - replicated) / parallelReads) + replicated + (expertRead / Math.Max(1, expertReads));
                var kvRead = sequences * (double)context * layout.BytesPerTokenPerRank(kvLayers, engine.UsesTensorParallel ? tp : 1, 1);
                var memorySeconds = ((criticalWeights / weightShare) + kvRead) / bandwidth;
                var computeSeconds = (tflops is { } t ? 2.0 * e.ActiveParameters * batch / parallelReads / (Sustained(t, DecodeComputeEfficiency) * 1e12) : 0) + PrefillSeconds(promptTokens);
                var floorSeconds = floorLayers * LayerFloor(m, engine, plan) * 1e-6;
                if (routed > 1 && m.IsMixtureOfExperts)
                {
                    floorSeconds += m.MoeLayers * touched / Math.Max(1, expertReads) * engine.BatchedMoeExpertMicroseconds * 1e-6; // one kernel per expert
                }

                return (engine.HostBoundDecode ? Math.Max(Math.Max(memorySeconds, computeSeconds), floorSeconds) : Math.Max(memorySeconds, computeSeconds) + floorSeconds)
                    + AllReduceSeconds(routed);
            }

            var decodeStep = StepSeconds(rankSequences);
            var step = decodeStep + ArrivingPromptSeconds(engine, stepTokens, context, prompt, rankSequences, tokensPerStep, decodeStep, StepSeconds, prefillTflops != null, notes);
            e.DecodeTokensPerSecond = Math.Round(Math.Min(r.Concurrency, rankSequences * plan.DataParallel) * tokensPerStep / step, 2);
            e.TimePerOutputTokenSeconds = Math.Round(step / tokensPerStep, 5);
            e.DecodeTokensPerSecondPerSequence = Math.Round(tokensPerStep / step, 2);
            if (r.MultiTokenPrediction)
            {
                notes.Add(drafts == 1
                    ? Invariant($"Multi-token prediction: each step verifies one drafted token per sequence and yields {tokensPerStep:0.##} tokens on average (acceptance {MtpAcceptance:P0}, the low end of the 85-90% the DeepSeek-V3 technical report measured for the second token); acceptance depends on the text, higher for code and maths.")
                    : Invariant($"Multi-token prediction: the MTP layer drafts {drafts} tokens per sequence, one pass each, and the step verifies them; it yields {tokensPerStep:0.##} tokens on average ({MtpAcceptance:P0} acceptance of the first draft, the DeepSeek-V3 technical report's low end, and {MtpLaterAcceptance:P0} of each later one after an accepted draft, fit to SGLang's accept length of 2.61 at three steps); acceptance depends on the text, higher for code and maths. Each later draft pass is charged one MTP layer's launch time only: SGLang reports at most 1.8× at batch 1 from MTP on 8×H200, so treat the gain of more than one draft as an upper bound."));
            }
            notes.Add(Invariant($"Decode: {(kernelLimit is { } kernelRate ? Invariant($"streamed at {kernelRate / 1e9:0} GB/s per GPU (the kernels' limit, below)") : Invariant($"memory-bound at {decodeEfficiency:0.##} × {gpu.MemoryBandwidthBytesPerSecond / 1e9:0} GB/s {(gpu.IsSystemMemory ? "of system RAM" : "per GPU")}"))} over the weights each step reads (MoE: the experts the batch touches) plus the KV cache of all {r.Concurrency} sequence(s) at full context{(weightShare < 1 ? Invariant($" (4-bit weights at {weightShare:0.##} of that: the W4A16 kernels dequantize as they read)") : string.Empty)}; {(engine.HostBoundDecode ? Invariant($"or, when longer, {LayerFloor(m, engine, plan):0} µs per layer of host time issuing the kernels (eager PyTorch)") : Invariant($"plus {LayerFloor(m, engine, plan):0} µs per layer for launches and synchronisation"))}{(m.IsMixtureOfExperts && plan.GpuCount > 1 && engine.UsesTensorParallel ? " (the multi-GPU MoE floor of " + engine.Name + "'s current releases, fit to published DeepSeek-R1 runs: docs/accuracy.md; older releases were slower)" : string.Empty)}."));
            if (kernelLimit is { } streamed)
            {
                notes.Add(Invariant($"Kernel-bound: {engine.Name}'s decode kernels take in at most {engine.MatVecBytesPerSmCycle:0.#} bytes of weights per multiprocessor and clock (dequantizing and multiplying cost instructions), {streamed / 1e9:0} GB/s on {gpu.Name}'s {gpu.Multiprocessors} SMs at {gpu.BoostClockMhz} MHz: below {decodeEfficiency:0.##} of its memory bandwidth, so the kernels set the pace, not the memory (fit to {engine.Name}'s published runs on HBM GPUs, docs/accuracy.md)."));
            }

            if (busBandwidth > 0)
            {
                e.TensorParallelAllReduceSeconds = Math.Round(AllReduceSeconds(rankSequences * (1 + drafts)), 6);
                var share = AllReduceSeconds(rankSequences * (1 + drafts)) / decodeStep;
                notes.Add(Invariant($"Tensor-parallel all-reduce: two a layer over {TensorParallelLinkName(gpu, tp)} at {busBandwidth / 1e9:0.#} GB/s of bus bandwidth, {share:P0} of a decode step here{(share >= 0.1 ? "; NVLink-connected GPUs, fewer GPUs per model (data parallel) or a smaller batch cut it" : string.Empty)}."));
            }

            if (engine.BatchedMoeExpertMicroseconds > 0 && m.IsMixtureOfExperts && rankSequences * (1 + drafts) > 1)
            {
                notes.Add(Invariant($"Batched MoE: {engine.Name} runs the experts of a multi-token step one kernel each, {engine.BatchedMoeExpertMicroseconds:0} µs per routed expert the step touches in each MoE layer on top of the reads (fit to llama.cpp's August 2025 DeepSeek-V2-Lite runs, docs/accuracy.md)."));
            }

            if (!engine.UsesTensorParallel && plan.GpuCount > 1)
            {
                notes.Add("Layer split: the GPUs work one after another on each token, so more GPUs add memory, not decode speed.");
            }

            if (engine.RunsGguf && m.IsMixtureOfExperts && !gpu.IsSystemMemory)
            {
                notes.Add(Invariant($"Measured slower: {engine.Name} has run DeepSeek's MoE layers on GPUs well below this bandwidth estimate (llama.cpp of January 2025: 8× slower for R1 on two H100s; builds of August 2025 run the 16B V2-Lite within 1.12×; docs/accuracy.md); treat the decode speed as an upper bound."));
            }

            if (gpu.Vendor == GpuVendor.AMD && engine.UsesTensorParallel && m.IsMixtureOfExperts && plan.GpuCount > 1)
            {
                notes.Add(Invariant($"Measured slower on AMD: SGLang 0.5.7 decoded DeepSeek-V3.1 on 8×MI300X 1.8-2.2× slower than this estimate at 1 to 100 requests, and SGLang 0.5.19 decoded R1 on 8×MI325X 1.2-1.4× slower at 4 to 64, where NVIDIA GPUs ran as fast as estimated or faster (docs/accuracy.md); treat the decode speed on {gpu.Name} as an upper bound."));
            }

            if (engine.HostBoundDecode && m.IsMixtureOfExperts)
            {
                notes.Add(Invariant($"Unmodelled and slower: {engine.Name} runs the {m.RoutedExperts} routed experts of each MoE layer one by one from Python, so its host time per MoE layer is far above the dense figure used here; expect decode well below this estimate (serving engines use fused MoE kernels)."));
            }

            if (prefillTflops is not { } peak)
            {
                notes.Add(gpu.Name + " has no published tensor throughput: prefill speed and time to first token are not estimated.");
                return;
            }

            var attention = AttentionFlops(m, prompt);
            var flops = promptFlopsPerToken * prompt;
            var prefillSeconds = PrefillSeconds(prompt) + AllReduceSeconds(prompt);
            e.PrefillTokensPerSecond = Math.Round(prompt / prefillSeconds, 1);
            e.TimeToFirstTokenSeconds = Math.Round(prefillSeconds + StepSeconds(1), 3);
            var accumulation = peak > (tflops ?? peak) ? "FP16 accumulation, as " + engine.Name + " runs its matrix products" : null;
            var factors = quantizedShare < 1 || m.IsMixtureOfExperts
                ? Invariant($"{engine.PrefillEfficiency:0.##}")
                    + (quantizedShare < 1 ? Invariant($" × {quantizedShare:0.##} for a quantized GGUF type") : string.Empty)
                    + (m.IsMixtureOfExperts ? Invariant($" × {engine.MoePrefillShare:0.##} for MoE grouped GEMMs and token dispatch") : string.Empty)
                : null;
            notes.Add(Invariant($"Prefill: compute-bound at {prefillEfficiency:0.##} × {peak:0.#} dense TFLOPS per GPU{Parenthesized(accumulation, factors)}; 2 × active parameters per token plus causal attention ({attention / flops:P0} of the work for this prompt). Time to first token: a prompt of {prompt:N0} tokens{(prompt == context ? " (the whole context; -PromptLength sets it)" : string.Empty)} on an idle server."));
            if (powerLimit is { } sustained && powerShare < engine.PrefillEfficiency)
            {
                var limitSource = gpu.HasMeasuredPowerLimit ? " (" + gpu.ValueSources["tdpWatts"] + ")" : string.Empty;
                notes.Add(Invariant($"Power-limited: {gpu.Name}'s {gpu.TdpWatts} W{limitSource} sustain about {sustained:0} dense 16-bit TFLOPS of tensor math ({sustained / gpu.TdpWatts!.Value:0.##} a watt for Ada Lovelace boards, fit to the RTX 6000 Ada under llama.cpp and vLLM), {powerShare:P0} of the peak where {engine.Name}'s kernels would reach {engine.PrefillEfficiency:P0}: prefill and compute-bound decode run at that share, at every precision."));
            }
            else if (powerLimit is null && gpu.HasMeasuredPowerLimit && gpu.CatalogTdpWatts is int tdp && gpu.TdpWatts < tdp)
            {
                // A capped board of an architecture whose power-limited rate is not measured: say so rather than stay silent.
                notes.Add(Invariant($"Power cap: {gpu.Name} runs at {gpu.TdpWatts} W, below its {tdp} W TDP ({gpu.ValueSources["tdpWatts"]}); the estimate models the clocks a power limit costs for Ada Lovelace boards only, so compute-bound speed (prefill, large batches) on this board may be lower than estimated."));
            }
        }

        /// <summary>
        /// Time each decode step spends, on average, on the prompts of requests that arrive while it runs. Under a steady load
        /// of N sequences with continuous batching, a finished sequence is replaced at once, so over one request's output
        /// the other N - 1 requests' prompts are prefilled while it waits. Prompts come in chunks of at most the engine's
        /// step: a chunk riding in a decode step costs what it adds to that step (its compute can hide under the weight
        /// reads); a chunk run as its own batch costs a whole prefill step.
        /// </summary>
        private static double ArrivingPromptSeconds(EngineProfile engine, int stepTokens, int context, int prompt, int sequences, double tokensPerStep, double decodeStep, Func<int, double, double> stepSeconds, bool prefillKnown, List<string> notes)
        {
            var output = context - prompt;
            if (engine.PromptScheduling == PromptScheduling.FixedBatch || sequences < 2 || !prefillKnown)
            {
                return 0; // a fixed batch (or no tensor throughput to price the prompts, said with the prefill)
            }

            if (output <= 0)
            {
                notes.Add(Invariant($"Decode alone: the {sequences} sequences decode without new prompts arriving; under a steady load each newcomer's prompt is prefilled while the others wait (-PromptLength, shorter than the context, includes it)."));
                return 0;
            }

            var promptsPerStep = (sequences - 1) * tokensPerStep / output;
            var chunk = Math.Min(Math.Max(1, promptsPerStep) * prompt, stepTokens > 0 ? Math.Max(1, stepTokens - sequences) : double.MaxValue);
            var chunksPerStep = promptsPerStep * prompt / chunk;
            var extra = chunksPerStep * (engine.PromptScheduling == PromptScheduling.InStep ? stepSeconds(sequences, chunk) - decodeStep : stepSeconds(0, chunk));
            notes.Add(Invariant($"Serving under load: each of the {sequences} sequences is replaced when its {output:N0} output tokens are done, so every decode step also prefills {promptsPerStep * prompt:#,0.##} prompt tokens of arriving requests on average ({sequences - 1} prompts of {prompt:N0} tokens over one request's output, in chunks of up to {chunk:N0}, {(engine.PromptScheduling == PromptScheduling.InStep ? "inside the decode steps" : "each as its own prefill batch")}): {extra * 1e3:0.##} ms a step, {extra / (decodeStep + extra):P0} of the time per output token."));
            return extra;
        }

        /// <summary>Launch and synchronisation time per layer on one device, in µs: the engine's, more for a MoE layer's routing.</summary>
        internal static double SingleDeviceLayerFloor(ModelSpec m, EngineProfile engine) =>
            engine.LayerFloorMicroseconds + (m.IsMixtureOfExperts ? MoeLayerExtraMicroseconds : 0);

        // Synchronisation per layer comes from the GPUs one sequence's step crosses: the tensor-parallel and pipeline
        // group, and for MoE the expert group; independent data-parallel replicas add none.
        private static double LayerFloor(ModelSpec m, EngineProfile engine, LayoutPlan plan)
        {
            var group = plan.TensorParallel * plan.PipelineParallel;
            var moeGroup = Math.Max(group, plan.ExpertParallel);
            var floor = SingleDeviceLayerFloor(m, engine) + (engine.UsesTensorParallel && group > 1 ? TensorParallelLayerExtraMicroseconds : 0);
            var crossNode = engine.UsesTensorParallel && plan.TensorParallel > GpusPerNode ? 2 * CrossNodeAllReduceMicroseconds : 0;
            return (m.IsMixtureOfExperts && engine.UsesTensorParallel && moeGroup > 1 ? Math.Max(floor, engine.MultiGpuMoeLayerFloorMicroseconds) : floor) + crossNode;
        }

        private static string Parenthesized(params string?[] parts)
        {
            var said = parts.Where(p => p != null).ToArray();
            return said.Length == 0 ? string.Empty : " (" + string.Join("; ", said) + ")";
        }

        // llama.cpp multiplies FP16 (and quantized weights converted to FP16) with FP16 accumulation, which GeForce cards run
        // at twice their FP32-accumulate rate; BF16 and FP32 GGUFs accumulate in FP32.
        private static double? PrefillTflops(GpuSpec gpu, PrecisionFormat format, EngineProfile engine, double? tflops) =>
            engine.AccumulatesInFp16 && (format.IsGguf || format.Precision == WeightPrecision.FP16) && gpu.DenseFp16AccumulateTflops is { } fast
                ? Math.Max(fast, tflops ?? 0)
                : tflops;

        internal static double? ComputeTflops(GpuSpec gpu, WeightPrecision precision, EngineProfile engine, List<string> notes)
        {
            var half = gpu.DenseBf16Tflops ?? gpu.DenseFp16Tflops;
            if (gpu.DenseBf16Tflops is null && gpu.DenseFp16Tflops is not null && precision == WeightPrecision.BF16)
            {
                notes.Add(gpu.Name + " has no BF16 tensor cores: BF16 weights run as FP16 (vLLM: --dtype half).");
            }

            switch (precision)
            {
                case WeightPrecision.FP8 when HasFp8Units(gpu):
                    return gpu.DenseFp8Tflops;
                case WeightPrecision.FP8:
                    notes.Add(gpu.Name + Invariant($" has no FP8 tensor cores (they start at compute capability 8.9): {engine.Name} runs FP8 weights weight-only (W8A16, Marlin kernels) and computes in 16-bit."));
                    return half;
                case WeightPrecision.INT8 when engine.UsesTensorParallel && gpu.DenseInt8Tops is > 0:
                    return gpu.DenseInt8Tops;
                case WeightPrecision.FP32:
                    return half / 2; // TF32 tensor math runs at half the 16-bit rate
                default:
                    return half;
            }
        }

        /// <summary>
        /// Dense tensor TFLOPS a board's power lets it sustain: Ada Lovelace boards hold their clocks down under long GEMMs
        /// to stay within their board power (compat.json adaTensorTflopsPerWatt); null where no limit is known (other
        /// architectures, whose measured rates stay within the efficiency shares, or a board without a TDP).
        /// </summary>
        internal static double? PowerLimitTflops(GpuSpec gpu) =>
            !gpu.IsSystemMemory && gpu.TdpWatts is int watts && watts > 0 && string.Equals(gpu.Architecture, "Ada Lovelace", StringComparison.Ordinal)
                ? Catalog.CompatibilityChecklist.Builtin.Policy(Readiness.PolicyNames.AdaTensorTflopsPerWatt).Value * watts
                : null;

        private static double AttentionFlops(ModelSpec m, int context)
        {
            double qk = m.Attention == AttentionKind.MultiHeadLatent ? m.QkNopeHeadDim + m.QkRopeHeadDim : m.HeadDim;
            double v = m.Attention == AttentionKind.MultiHeadLatent ? m.VHeadDim : m.HeadDim;
            double keys = m.IndexTopK > 0 ? Math.Min(context, m.IndexTopK) : context / 2.0; // causal: half the keys on average; V3.2 attends to its top-k
            var main = 2.0 * m.NumLayers * m.NumAttentionHeads * (qk + v) * context * keys;
            var indexer = m.IndexHeads > 0 ? 2.0 * m.NumLayers * m.IndexHeads * m.IndexHeadDim * context * (context / 2.0) : 0;
            return main + indexer;
        }
    }
}
