using System;
using System.Collections.Generic;
using System.Linq;
using DeepSeekHw.Catalog;
using DeepSeekHw.Launch;
using DeepSeekHw.Sizing;

using static DeepSeekHw.Advice.Configurations;
using static DeepSeekHw.InvariantText;

namespace DeepSeekHw.Advice
{
    /// <summary>
    /// A real path for machines without a GPU big enough: the model (or the largest distill of its line) as a GGUF on the
    /// CPU with llama.cpp, speed from system-memory bandwidth; and on a small GPU, llama.cpp with part of the model on the
    /// GPU (-ngl, or --n-cpu-moe for a mixture of experts) and the rest in RAM.
    /// </summary>
    internal static class CpuOptions
    {
        private const string Source = "Get-DeepSeekSizing with system RAM as the device (docs/advice.md, CPU inference); decode = bandwidth x llama.cpp efficiency / bytes read per token (docs/sizing.md §5)";

        public static IEnumerable<Recommendation> For(RecommendationRequest request, DeepSeekCatalog catalog, CompatibilityChecklist compat)
        {
            var ram = SystemMemoryDevice.From(request.Inventory, request.CpuMemoryBandwidthBytesPerSecond, compat);
            if (ram is null)
            {
                yield break;
            }

            var asked = request.Deployment;
            if (asked.Gpu != null && PartialOffload(asked, ram) is { } offload)
            {
                yield return offload;
            }

            var type = GgufType(asked);
            Recommendation? first = null;
            foreach (var model in Lineage(asked.Model, catalog))
            {
                var cpu = asked.ForModel(model, r =>
                {
                    r.Precision = type;
                    r.Engine = "llama.cpp";
                    r.KvCacheType = KvCacheType.Auto;
                    r.Gpu = ram;
                    r.GpuCount = 1;
                    r.MemoryUtilization = null;
                });
                if (TrySize(cpu) is not { Fits: true } sized)
                {
                    continue;
                }

                var isAsked = ReferenceEquals(model, asked.Model);
                var title = Invariant($"{model.Name} {type} runs on the CPU at about {sized.DecodeTokensPerSecond ?? 0:0.#} tokens/s");
                var why = isAsked ? "."
                    : first is null ? Invariant($"; {asked.Model.Name} does not fit, so this is the largest of its line that does.")
                    : Invariant($"; a smaller model of its line, at least twice as fast as {first.Configuration?.Model}.");
                var rationale = Invariant($"{(asked.Gpu is null ? "No GPU: " : "No GPU configuration fits here; ")}{ram.UsableMemorySource}: {ByteSize.Format(ram.MemoryBytes)} for the model. ")
                    + Invariant($"{model.Name} as a {type} GGUF takes {ByteSize.Format(sized.PerGpuBytes)} (weights {ByteSize.Format(sized.WeightBytes)}, KV cache {ByteSize.Format(sized.KvCacheBytes)} for {sized.ContextLength:N0} tokens)")
                    + why
                    + Invariant($" Decode reads the weights once per token from RAM: {ram.Source}.");
                if (first is null)
                {
                    first = Run("CpuInference", title, sized, cpu, null, rationale, Source);
                    yield return first;
                }
                else if (sized.DecodeTokensPerSecond >= 2 * (first.Configuration?.DecodeTokensPerSecond ?? double.MaxValue))
                {
                    yield return Run("CpuInference", title + " (faster, smaller)", sized, cpu, null, rationale, Source);
                    yield break;
                }
            }
        }

        // The model itself, then smaller models of its line (the R1 distills for V3/R1, the same family otherwise), largest first.
        private static IEnumerable<ModelSpec> Lineage(ModelSpec model, DeepSeekCatalog catalog)
        {
            var reasoning = model.Family.StartsWith("DeepSeek-V3", StringComparison.Ordinal) || model.Family.StartsWith("R1-Distill", StringComparison.Ordinal);
            return new[] { model }.Concat(catalog.Models
                .Where(m => m != model && m.TotalParameters < model.TotalParameters)
                .Where(m => reasoning ? m.Family.StartsWith("R1-Distill", StringComparison.Ordinal) : m.Family == model.Family)
                .OrderByDescending(m => m.TotalParameters));
        }

        // The GGUF type asked for, when one is; otherwise Q4_K_M, the type most GGUF downloads of these models are.
        private static WeightPrecision GgufType(SizingRequest asked) =>
            asked.Precision != WeightPrecision.Native && PrecisionFormat.For(asked.Precision, 128, 0).IsGguf ? asked.Precision : WeightPrecision.Q4_K_M;

        // The model as a GGUF split between the GPU and RAM: what does not fit on the GPU is the routed experts of
        // the first layers (a mixture of experts) or the last layers (dense), read from RAM at its bandwidth each token.
        private static Recommendation? PartialOffload(SizingRequest asked, GpuSpec ram)
        {
            var gpu = asked.Gpu!;
            var type = GgufType(asked);
            var request = asked.With(r =>
            {
                r.Precision = type;
                r.Engine = "llama.cpp";
                r.GpuCount = 1;
                r.MemoryUtilization = null;
            });
            var onGpu = TrySize(request);
            if (onGpu is null || onGpu.Fits == true || onGpu.PerGpuBudgetBytes is not long budget)
            {
                return null;
            }

            var m = asked.Model;
            var weights = WeightModel.Create(m, ParameterCounter.Count(m), PrecisionFormat.For(type, 128, 0));
            var overflow = onGpu.PerGpuBytes - budget;
            var layerWeights = weights.Total - weights.Embedding - weights.LmHead;
            var engine = EngineProfile.Find("llama.cpp")!;
            double gpuRead, ramRead;
            int gpuLayers, cpuMoeLayers = 0;
            long moved;
            var active = onGpu.WeightBytes * (double)onGpu.ActiveParameters / Math.Max(1, onGpu.TotalParameters);
            if (m.IsMixtureOfExperts && m.MoeLayers > 0)
            {
                var expertsPerLayer = weights.Experts / m.MoeLayers;
                cpuMoeLayers = (int)Math.Ceiling(overflow / (double)expertsPerLayer);
                if (cpuMoeLayers > m.MoeLayers)
                {
                    return null; // even all experts in RAM leave too much on the GPU
                }

                gpuLayers = m.NumLayers + 1;
                moved = cpuMoeLayers * expertsPerLayer;
                ramRead = cpuMoeLayers * (double)weights.Parameters.ParametersPerExpert * m.ExpertsPerToken * weights.BytesPerLinearWeight;
                gpuRead = active - ramRead;
            }
            else
            {
                var perLayer = layerWeights / (double)m.NumLayers;
                var offLayers = (int)Math.Ceiling(overflow / perLayer);
                if (offLayers >= m.NumLayers)
                {
                    return null;
                }

                gpuLayers = m.NumLayers - offLayers;
                moved = (long)(offLayers * perLayer) + weights.LmHead;
                ramRead = (offLayers * perLayer) + weights.LmHead;
                gpuRead = active - ramRead;
            }

            if (moved > ram.MemoryBytes || gpuRead < 0)
            {
                return null;
            }

            // As Get-DeepSeekSizing reads a token: the GPU at its share of bandwidth or its kernels' limit, whichever is
            // lower (HBM GPUs), RAM at its own share, and each layer's launches and synchronisation on top.
            var floor = m.NumLayers * InferenceSizing.SingleDeviceLayerFloor(m, engine) * 1e-6;
            var seconds = (gpuRead / engine.DecodeBytesPerSecond(gpu)) + (ramRead / engine.DecodeBytesPerSecond(ram)) + floor;
            var tokens = gpu.MemoryBandwidthBytesPerSecond > 0 ? 1 / seconds : 0;
            var launch = LaunchPlanner.PlanPartialOffload(m, onGpu, gpu, gpuLayers, cpuMoeLayers);
            var how = cpuMoeLayers > 0
                ? Invariant($"the routed experts of {cpuMoeLayers} of {m.MoeLayers} MoE layers in RAM (--n-cpu-moe {cpuMoeLayers})")
                : Invariant($"{gpuLayers} of {m.NumLayers} layers on the GPU (-ngl {gpuLayers})");
            return new Recommendation
            {
                Category = "CpuInference",
                Title = Invariant($"{m.Name} {type} split between the GPU and RAM: about {tokens:0.#} tokens/s"),
                Rationale = Invariant($"On one {gpu.Name} the {type} GGUF {Need(onGpu)}: {ByteSize.Format(overflow)} too much. With {how}, {ByteSize.Format(moved)} move to RAM ({ByteSize.Format(ram.MemoryBytes)} available for the model)."),
                Action = launch.Text.TrimEnd('\n'),
                ExpectedEffect = Invariant($"decode about {tokens:0.#} tokens/s: each token reads {ByteSize.Format((long)gpuRead)} on the GPU and {ByteSize.Format((long)ramRead)} from RAM ({ram.Source})"),
                Source = "llama.cpp --n-cpu-moe and -ngl (tools/server/README.md); bytes read per token from Get-DeepSeekSizing's parameter count; efficiency on the GPU " + engine.Sources["decodeEfficiency"] + "; from RAM " + engine.Sources["systemMemoryDecodeEfficiency"],
                Fits = true,
                Configuration = onGpu,
                Launch = launch,
            };
        }
    }
}
