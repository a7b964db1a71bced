using System;
using System.Collections.Generic;
using DeepSeekHw.Catalog;
using DeepSeekHw.Readiness;
using DeepSeekHw.Sizing;

using static DeepSeekHw.Advice.Configurations;
using static DeepSeekHw.InvariantText;

namespace DeepSeekHw.Advice
{
    /// <summary>
    /// The seed guides' tuning items as computed effects on the configuration that will run: each sizes the change and
    /// says what it does to memory and speed here, and where the guide's own figure is wrong.
    /// </summary>
    internal static class TuningAdvice
    {
        private const int BatchingShowcase = 64;

        public static IEnumerable<Recommendation> For(SizingRequest request, SizingEstimate chosen, CompatibilityChecklist compat)
        {
            var items = new List<Recommendation?>();
            if (request.Workload != SizingWorkload.Inference)
            {
                items.AddRange(FineTuning(request, chosen));
                items.Add(Attention(request, chosen));
                return Compact(items);
            }

            items.Add(OutOfMemory(chosen));
            items.Add(KvCache(request, chosen));
            items.Add(Fp8(request, chosen));
            items.Add(FourBit(request, chosen));
            items.Add(Batching(request, chosen));
            items.Add(Attention(request, chosen));
            items.Add(Network(chosen, compat));
            items.Add(TensorRt(request, chosen));
            return Compact(items);
        }

        private static IEnumerable<Recommendation> Compact(List<Recommendation?> items)
        {
            foreach (var item in items)
            {
                if (item != null)
                {
                    yield return item;
                }
            }
        }

        // What to lower when the engine runs out of memory: the exact most that fit, not the guide's halving.
        private static Recommendation? OutOfMemory(SizingEstimate e)
        {
            if (e.MaxConcurrency is not int most || e.MaxContextLength is not int longest || e.Gpu is null)
            {
                return null;
            }

            return Item("Concurrency", Invariant($"On out-of-memory: at most {Sequences(most)} of {e.ContextLength:N0} tokens, or {longest:N0} tokens for {Sequences(e.Concurrency)}"),
                Invariant($"After the weights, activations and runtime, {Layout(e)} keeps room for {Sequences(most)} at {e.ContextLength:N0} tokens."),
                e.Engine == "llama.cpp" ? Invariant($"llama-server -np {Math.Max(1, Math.Min(most, 64))} -c {(long)e.ContextLength * Math.Max(1, Math.Min(most, 64))}") : Invariant($"--max-num-seqs {most} (vLLM) or --max-running-requests {most} (SGLang); --max-model-len {longest}"),
                Invariant($"no out-of-memory up to {most:N0} concurrent sequences"),
                "Get-DeepSeekSizing MaxConcurrency and MaxContextLength; Seed guide 2 says to halve the batch on OOM (32 to 16): the sizing gives the exact limit instead");
        }

        private static Recommendation? KvCache(SizingRequest request, SizingEstimate e)
        {
            if (e.KvCacheType == "FP8" || e.Gpu is null || e.MaxConcurrency is not int before)
            {
                return null;
            }

            var fp8 = TrySize(request.With(r => r.KvCacheType = KvCacheType.FP8));
            if (fp8?.MaxConcurrency is not int after || after <= before)
            {
                return null;
            }

            var engine = EngineProfile.Find(e.Engine);
            if (engine?.EightBitKvCacheSetting is not { } setting)
            {
                return null;
            }

            var q8 = engine.RunsGguf; // GGUF engines' 8-bit cache is q8_0: 34 bytes per 32 values
            return Item("KvCache", Invariant($"{(q8 ? "An 8-bit q8_0" : "An FP8")} KV cache holds {after:N0} sequences instead of {before:N0}"),
                Invariant($"The KV cache takes {ByteSize.Format(e.KvCacheBytesPerGpu)} per GPU at this load; 8-bit elements {(q8 ? "cut it to 0.53 (with their block scales)" : "halve it")}."),
                setting,
                Invariant($"max sequences {before:N0} to {after:N0}; longest context {e.MaxContextLength:N0} to {fp8.MaxContextLength:N0} tokens"),
                "Get-DeepSeekSizing -KvCacheType FP8; the engine's KV-cache setting (engines.json eightBitKvCacheSetting)");
        }

        private static Recommendation? Fp8(SizingRequest request, SizingEstimate e)
        {
            if (e.Gpu is null || (e.Precision != "BF16" && e.Precision != "FP16") || e.Engine is "llama.cpp" or "Ollama")
            {
                return null;
            }

            var fp8 = TrySize(request.With(r => r.Precision = WeightPrecision.FP8));
            if (fp8 is null || fp8.DecodeTokensPerSecond is not double fast || e.DecodeTokensPerSecond is not double slow)
            {
                return null;
            }

            var native = request.Gpu?.DenseFp8Tflops is > 0;
            return Item("Precision", Invariant($"FP8 weights: {fast / slow:0.##}x decode speed, {ByteSize.Format(e.WeightBytes - fp8.WeightBytes)} less weight memory"),
                Invariant($"Decode reads every weight each step, so halving the bytes speeds it until the KV cache and per-layer latency dominate: {slow:0.#} to {fast:0.#} tokens/s{InAll(e)} here. ")
                + (native ? Invariant($"{request.Gpu!.Name} runs FP8 in its tensor cores (compute capability 8.9 or later, or CDNA 3), so prefill speeds up too.") : Invariant($"{request.Gpu!.Name} has no FP8 tensor cores: vLLM runs FP8 weight-only (Marlin), saving memory and bandwidth but not prefill compute.")),
                e.Engine == "llama.cpp" ? "use a Q8_0 GGUF" : "--quantization fp8 (quantized as it loads), or an FP8 checkpoint",
                Invariant($"weights {ByteSize.Format(e.WeightBytes)} to {ByteSize.Format(fp8.WeightBytes)}; decode {slow:0.#} to {fast:0.#} tokens/s{InAll(e)} ({fast / slow:0.##}x)"),
                "Get-DeepSeekSizing -Precision FP8; Seed guide 2 claims FP8 doubles throughput: that holds only where weights dominate the bytes read, which the sizing computes");
        }

        // Aggregate and per-sequence speeds are never left to guess: a rate over several sequences says so.
        private static string InAll(SizingEstimate e) => e.Concurrency > 1 ? Invariant($" in all over {e.Concurrency} sequences") : " for one sequence";

        private static Recommendation? FourBit(SizingRequest request, SizingEstimate e)
        {
            if (e.Gpu is null || e.Precision is "AWQ_INT4" or "GPTQ_INT4" or "INT4" || IsGguf(request.Precision) || e.Engine is "llama.cpp" or "Ollama" or "Transformers")
            {
                return null;
            }

            var awq = TrySize(request.With(r => r.Precision = WeightPrecision.AWQ_INT4));
            var bf16 = TrySize(request.With(r => r.Precision = WeightPrecision.BF16));
            if (awq is null || bf16 is null)
            {
                return null;
            }

            var cut = 1 - (awq.WeightBytes / (double)bf16.WeightBytes);
            return Item("Precision", Invariant($"AWQ 4-bit weights: {ByteSize.Format(e.WeightBytes - awq.WeightBytes)} less weight memory than {e.Precision}"),
                Invariant($"4-bit weights with a scale per group of 128 are {cut:P0} smaller than BF16 (the embeddings and norms stay 16-bit), and decode reads fewer bytes: {e.DecodeTokensPerSecond:0.#} to {awq.DecodeTokensPerSecond:0.#} tokens/s{InAll(e)}. Accuracy drops somewhat; check on your own evaluations."),
                "--quantization awq_marlin with an AWQ checkpoint (Get-DeepSeekLaunchConfig -Precision AWQ_INT4 -ModelPath <repo>)",
                Invariant($"weights {ByteSize.Format(e.WeightBytes)} to {ByteSize.Format(awq.WeightBytes)}; {awq.GpuCount} GPU(s) instead of {e.GpuCount} at the smallest layout"),
                Invariant($"Get-DeepSeekSizing -Precision AWQ_INT4; Seed guide 2 says quantization cuts the model 75%: the weights here shrink {cut:P0} from BF16 because scales and 16-bit embeddings remain"));
        }

        private static Recommendation? Batching(SizingRequest request, SizingEstimate e)
        {
            if (e.Gpu is null || e.DecodeTokensPerSecond is not double one || e.MaxConcurrency is not int most || most < 2)
            {
                return null;
            }

            var many = Math.Min(most, BatchingShowcase);
            var batched = TrySize(request.With(r => r.Concurrency = e.Concurrency > 1 ? e.Concurrency : many));
            var single = e.Concurrency > 1 ? TrySize(request.With(r => r.Concurrency = 1)) : e;
            if (batched?.DecodeTokensPerSecond is not double total || single?.DecodeTokensPerSecond is not double alone || total <= alone)
            {
                return null;
            }

            var serving = e.Engine is "vLLM" or "SGLang";
            return Item("Batching", Invariant($"Continuous batching: {batched.Concurrency} sequences decode {total:0} tokens/s in all, {total / alone:0.#}x one"),
                Invariant($"A decode step reads the weights once for every sequence in flight, so throughput grows with the batch until the KV cache reads or compute bind. Continuous batching admits a new request as soon as one finishes, so the batch stays full; static batching waits for the longest answer."),
                serving ? Invariant($"on by default in {e.Engine}: keep --max-num-seqs at {batched.Concurrency} or more") : e.Engine == "Transformers" ? "serve with vLLM or SGLang instead of a Transformers generate() loop" : Invariant($"llama-server -np {batched.Concurrency} (parallel slots share the batch)"),
                Invariant($"{alone:0.#} tokens/s for one sequence; {total:0} tokens/s in all at {batched.Concurrency} sequences ({total / batched.Concurrency:0.#} each)"),
                "Get-DeepSeekSizing at -Concurrency 1 and " + batched.Concurrency + "; Seed guide 1 (持续批处理 raises GPU utilization) with the effect computed");
        }

        // Eager attention materializes heads x context² scores per layer; FlashAttention-2 and SDPA never do. The seed's
        // claim that it shrinks the KV cache is wrong: the cache is the same.
        private static Recommendation? Attention(SizingRequest request, SizingEstimate e)
        {
            if (e.Engine != "Transformers")
            {
                return null;
            }

            var m = request.Model;
            var scores = (double)m.NumAttentionHeads * e.ContextLength * (double)e.ContextLength * 2 * Math.Max(1, e.Concurrency);
            return Item("Attention", Invariant($"FlashAttention-2 or SDPA: no {ByteSize.Format((long)Math.Min(long.MaxValue, scores))} attention-score buffer per layer"),
                Invariant($"Eager attention builds {m.NumAttentionHeads} heads x {e.ContextLength:N0}² scores in BF16 for each of {e.Concurrency} sequence(s) in a layer; FlashAttention-2 and PyTorch SDPA compute attention in tiles and never hold them."),
                "attn_implementation=\"flash_attention_2\" (or \"sdpa\") in from_pretrained; vLLM and SGLang use FlashAttention, FlashInfer or FlashMLA already",
                Invariant($"{ByteSize.Format((long)Math.Min(long.MaxValue, scores))} less peak activation memory at {e.ContextLength:N0} tokens; the KV cache ({ByteSize.Format(e.KvCacheBytes)}) is unchanged"),
                "Dao et al., FlashAttention-2 (2023); Seed guide 2 says FlashAttention-2 reduces the KV cache: it does not, it removes the score matrix");
        }

        private static Recommendation? Network(SizingEstimate e, CompatibilityChecklist compat)
        {
            if (e.Nodes is not int nodes || nodes < 2)
            {
                return null;
            }

            var fabric = compat.Policy(PolicyNames.MultiNodeFabricBitsPerSecond);
            var jumbo = compat.Policy(PolicyNames.JumboFrameMtu);
            var ib = compat.Policy(PolicyNames.InfinibandMtu);
            return Item("Network", Invariant($"{nodes} nodes: {fabric.Value / 1e9:0} Gb/s InfiniBand or RoCE between them, MTU {jumbo.Value:0} on RoCE"),
                Invariant($"The layout {Layout(e)} sends activations between pipeline stages every step, and NCCL over TCP on a 10-25 Gb/s network stalls prefill of long prompts; tensor and expert parallelism stay inside each node's NVLink."),
                Invariant($"an RDMA fabric of {fabric.Value / 1e9:0} Gb/s or more per node; RoCE ports at MTU {jumbo.Value:0} (IPoIB datagram mode {ib.Value:0}); NCCL_IB_HCA set to the RDMA devices"),
                "prefill between nodes at fabric speed rather than TCP speed; readiness checks Network.Fabric and Network.JumboFrames test it",
                fabric.Source + "; " + jumbo.Source);
        }

        private static Recommendation? TensorRt(SizingRequest request, SizingEstimate e)
        {
            if (request.Gpu is not { Vendor: GpuVendor.NVIDIA } gpu || gpu.ComputeCapability is not string cc || !VersionNumber.AtLeast(cc, "8.0") || e.Engine == "llama.cpp" || e.Engine == "Ollama")
            {
                return null;
            }

            return Item("Engine", "TensorRT-LLM is an alternative engine on this NVIDIA GPU",
                Invariant($"TensorRT-LLM compiles the model for {gpu.Name} (compute capability {cc}) and supports DeepSeek-V3/R1 and the Qwen and Llama distills; it is not one of the engines DeepSeekHw sizes, so its speed here is not estimated."),
                "benchmark it against this configuration with the same prompts before switching (trtllm-bench)",
                "not estimated: no engine profile for TensorRT-LLM",
                "NVIDIA TensorRT-LLM support matrix; Seed guide 2 recommends TensorRT without a figure");
        }

        private static IEnumerable<Recommendation> FineTuning(SizingRequest request, SizingEstimate e)
        {
            var steps = new List<(string Title, SizingRequest Changed, string Action, string Source)>();
            if (!request.GradientCheckpointing)
            {
                steps.Add(("Gradient checkpointing", request.With(r => r.GradientCheckpointing = true), "model.gradient_checkpointing_enable() (Hugging Face) or --gradient_checkpointing", "Seed guide 2 says gradient checkpointing cuts memory 30%: the sizing computes this model's figure; it costs about a third more compute"));
            }

            if (request.Workload == SizingWorkload.FullFineTune && request.ZeroStage < 3 && (e.GpuCount ?? 1) > 1)
            {
                steps.Add(("DeepSpeed ZeRO-3", request.With(r => r.ZeroStage = 3), "\"zero_optimization\": { \"stage\": 3 } in the DeepSpeed config", "DeepSpeed ZeRO (Rajbhandari et al., 2020): stage 3 shards weights, gradients and optimizer states over the GPUs"));
            }

            if (request.Workload == SizingWorkload.FullFineTune && !request.CpuOffload)
            {
                steps.Add(("CPU offload of optimizer states", request.With(r => r.CpuOffload = true), "\"offload_optimizer\": { \"device\": \"cpu\" } in the DeepSpeed config", "DeepSpeed ZeRO-Offload: optimizer states in CPU RAM, slower steps"));
            }

            foreach (var (title, changed, action, source) in steps)
            {
                if (TrySize(changed) is { } after && after.PerGpuBytes < e.PerGpuBytes)
                {
                    var cut = 1 - (after.PerGpuBytes / (double)e.PerGpuBytes);
                    yield return Item("FineTuning", Invariant($"{title}: {ByteSize.Format(e.PerGpuBytes - after.PerGpuBytes)} less per GPU ({cut:P0})"),
                        Invariant($"{request.Workload} of {request.Model.Name} takes {ByteSize.Format(e.PerGpuBytes)} per GPU; with {title.ToLowerInvariant()} {ByteSize.Format(after.PerGpuBytes)}{(after.Fits == true && e.Fits != true ? ", which fits" : string.Empty)}."),
                        action,
                        Invariant($"per GPU {ByteSize.Format(e.PerGpuBytes)} to {ByteSize.Format(after.PerGpuBytes)}"),
                        "Get-DeepSeekSizing -Workload " + request.Workload + "; " + source);
                }
            }
        }

        private static Recommendation Item(string category, string title, string rationale, string action, string effect, string source) =>
            new Recommendation { Category = category, Title = title, Rationale = rationale, Action = action, ExpectedEffect = effect, Source = source };
    }
}
