using System;
using System.Collections.Generic;
using System.Linq;
using DeepSeekHw.Sizing;

using static DeepSeekHw.InvariantText;

namespace DeepSeekHw.Readiness
{
    /// <summary>GPU checks: presence, vendor, per-GPU memory and count against the sizing, capability, and GPU state.</summary>
    internal static class GpuRules
    {
        /// <summary>What a machine without a GPU can still do: a small distill on the CPU.</summary>
        public const string CpuPath =
            "This machine has no usable GPU: deploy on a GPU server, or run a small distill on the CPU in a GGUF quantization, e.g. " +
            "Test-DeepSeekReadiness -Model DeepSeek-R1-Distill-Qwen-1.5B -Precision Q4_K_M -Engine llama.cpp (llama.cpp or Ollama).";

        public static IEnumerable<ReadinessRule> All => new[]
        {
            new ReadinessRule(CheckIds.GpuPresent, CheckCategories.Gpu, Present, RuleRole.Deciding | RuleRole.Hardware),
            new ReadinessRule(CheckIds.GpuVendor, CheckCategories.Gpu, Vendor, RuleRole.Deciding | RuleRole.Hardware),
            new ReadinessRule(CheckIds.GpuMemory, CheckCategories.Gpu, Memory, RuleRole.Deciding | RuleRole.Hardware),
            new ReadinessRule(CheckIds.GpuCount, CheckCategories.Gpu, Count, RuleRole.Deciding | RuleRole.Hardware),
            new ReadinessRule(CheckIds.GpuComputeCapability, CheckCategories.Gpu, ComputeCapability, RuleRole.Deciding | RuleRole.Hardware),
            new ReadinessRule(CheckIds.GpuTier, CheckCategories.Gpu, Tier, RuleRole.Deciding | RuleRole.Hardware),
            new ReadinessRule(CheckIds.GpuMig, CheckCategories.Gpu, Mig),
            new ReadinessRule(CheckIds.GpuEcc, CheckCategories.Gpu, Ecc),
            new ReadinessRule(CheckIds.GpuMemoryInUse, CheckCategories.Gpu, MemoryInUse),
            new ReadinessRule(CheckIds.GpuPersistenceMode, CheckCategories.Gpu, PersistenceMode),
            new ReadinessRule(CheckIds.GpuInterconnect, CheckCategories.Gpu, Interconnect, RuleRole.Hardware),
        };

        private static string Describe(IEnumerable<GpuDevice> gpus) =>
            string.Join(", ", gpus.GroupBy(g => g.Name).Select(g => Invariant($"{g.Count()} x {g.Key} ({Units.Size(g.First().MemoryTotalBytes)})")));

        /// <summary>The verdict of a GPU check on a machine without a GPU: not applicable to CPU inference, a failure otherwise.</summary>
        private static Verdict? WithoutGpu(ReadinessContext c, string expected, bool unknown = false)
        {
            if (c.Gpus.Length > 0)
            {
                return null;
            }

            if (c.IsCpuInference)
            {
                return Verdict.NotApplicable(c.EngineName + " runs on the CPU; no GPU is needed.");
            }

            return unknown
                ? Verdict.Unknown(expected, "No GPU was found, so this GPU fact is unknown.", CpuPath)
                : Verdict.Fail(expected, "no GPU", "No GPU was found on this machine.", CpuPath);
        }

        private static Verdict? Present(ReadinessContext c)
        {
            const string Expected = "at least 1 NVIDIA or AMD GPU";
            if (c.Gpus.Length > 0)
            {
                return Verdict.Pass(Expected, Describe(c.Gpus), Invariant($"{c.Gpus.Length} GPU(s) found."));
            }

            // Decided by the tool's recorded state, never by a warning's wording; the warning is only quoted.
            var failed = c.Inventory.GpuTools?.FirstOrDefault(t => t.State == GpuToolState.Failed);
            if (failed != null && !c.IsCpuInference)
            {
                var why = c.Inventory.Warnings?.FirstOrDefault(w => w.Source == failed.SourceId)?.ToString() ?? failed.Tool + " failed";
                return Verdict.Unknown(Expected, "The GPU tool failed, so whether a GPU is present is unknown: " + why, "Fix the driver (" + failed.Tool + " must answer), then test again. " + CpuPath);
            }

            return WithoutGpu(c, Expected);
        }

        private static Verdict? Vendor(ReadinessContext c)
        {
            const string Expected = "NVIDIA (CUDA) or AMD (ROCm)";
            if (WithoutGpu(c, Expected) is { } none)
            {
                return none;
            }

            var others = c.Gpus.Where(g => g.Vendor != GpuVendor.NVIDIA && g.Vendor != GpuVendor.AMD).ToList();
            var vendors = string.Join(", ", c.Gpus.Select(g => g.Vendor).Distinct());
            if (others.Count == 0)
            {
                return Verdict.Pass(Expected, vendors, "Every GPU is supported by vLLM and SGLang.");
            }

            return c.Gpus.Length > others.Count
                ? Verdict.Warning(Expected, vendors, "Some GPUs are neither NVIDIA nor AMD and will not be used: " + Describe(others) + ".", "Serve on the NVIDIA/AMD GPUs only (CUDA_VISIBLE_DEVICES / HIP_VISIBLE_DEVICES).")
                : Verdict.Fail(Expected, vendors, "No GPU here is served by the CUDA or ROCm builds of vLLM/SGLang: " + Describe(others) + ".", "Use the vendor's own stack (Intel Gaudi: vLLM's HPU build; Apple: llama.cpp/MLX with a GGUF or MLX quantization), or an NVIDIA/AMD server.");
        }

        private static Verdict? Memory(ReadinessContext c)
        {
            if (c.Model is null)
            {
                return EditionMemory(c);
            }

            var need = c.Smallest ?? c.Baseline!;
            var expected = Invariant($"{c.Model.Name} {c.Precision} at {c.Baseline!.ContextLength} tokens x {c.Concurrency}: fits each GPU's budget");
            if (WithoutGpu(c, expected) is { } none)
            {
                return none;
            }

            if (c.Installed is null)
            {
                return Verdict.Unknown(expected, "No GPU here reports its memory and none is in the catalog (" + Describe(c.Gpus) + "), so the fit cannot be sized.", "Check the driver (nvidia-smi or rocm-smi must report the memory), add the GPU's figures with Import-DeepSeekCatalog, or size with Get-DeepSeekSizing -Gpu <a catalog GPU like it>.");
            }

            var gpu = c.Installed.Spec;
            var actual = Invariant($"{c.Installed.Count} x {gpu.Name}") + (c.Estimate?.PerGpuBudgetBytes is long budget ? ", budget " + Units.Size(budget) + " per GPU" : string.Empty)
                + (gpu.IsMeasured ? " (of the " + Units.Size(gpu.UsableMemoryBytes) + " its driver reports; not in the catalog)" : string.Empty);
            var ignored = c.Installed.Ignored > 0 ? Invariant($" {c.Installed.Ignored} other GPU(s) are not counted (tensor parallelism needs identical GPUs).") : string.Empty;
            if (c.Estimate is null)
            {
                return Verdict.Fail(expected, actual, c.EstimateError + ignored, c.EstimateErrorId == SizingErrorIds.AttentionImplementationNotSupported
                    ? "Use -AttentionImplementation Sdpa (or Auto): this GPU runs no FlashAttention-2."
                    : "Choose a precision this GPU runs (see GPU.ComputeCapability), e.g. -Precision BF16 or AWQ_INT4.");
            }

            var e = c.Estimate;
            var breakdown = Invariant($"{Units.Size(e.PerGpuBytes)} per GPU (weights {Units.Size(e.WeightBytesPerGpu)} + KV cache {Units.Size(e.KvCacheBytesPerGpu)} + activations and runtime) at TP{e.TensorParallel} x PP{e.PipelineParallel}");
            if (e.Fits == true)
            {
                return Verdict.Pass("<= budget: " + breakdown, actual, "The deployment fits every GPU." + ignored, gpu.IsMeasured ? gpu.Source : string.Empty);
            }

            var options = new List<string>();
            if (e.MaxContextLength is int max && max > 0)
            {
                options.Add(Invariant($"shorten the context to {max} tokens (-ContextLength {max})"));
            }

            if (c.LargestFit is { } fit && fit.Precision != c.Precision)
            {
                options.Add("use " + fit.Precision + " weights (-Precision " + fit.Precision + ")");
            }

            if (need.Fits == true && need.GpuCount > c.Installed.Count)
            {
                options.Add(Invariant($"use {need.GpuCount} x {gpu.Name} (TP{need.TensorParallel} x PP{need.PipelineParallel})"));
            }

            return Verdict.Fail(
                "<= budget: " + breakdown,
                actual,
                Invariant($"Each GPU needs {Units.Size(e.PerGpuBytes)} but its budget is {Units.Size(e.PerGpuBudgetBytes)}.") + ignored,
                options.Count > 0 ? "To fit: " + string.Join("; or ", options) + "." : "No layout of this GPU holds it: use GPUs with more memory or a smaller model.",
                gpu.IsMeasured ? gpu.Source : string.Empty);
        }

        // Editions (V1/V2/Lite) name a model size, not a model: weights × a runtime factor (policy) at short context.
        private static Verdict? EditionMemory(ReadinessContext c)
        {
            var profile = c.Profile;
            if (profile?.ModelMaxParameters is not long parameters || profile.ModelPrecision is null)
            {
                return null;
            }

            var bytesPerWeight = PrecisionFormat.NominalBytes(profile.ModelPrecision.Value);
            var factor = c.Policy(PolicyNames.EditionRuntimeFactor);
            var need = Saturating.FromDouble(parameters * bytesPerWeight * factor.Value);
            var expected = Invariant($">= {Units.Size(need)} on one GPU ({parameters / 1e9:0.#}B parameters x {bytesPerWeight:0} B ({profile.ModelPrecision}) x {factor.Value:0.##} for KV cache and runtime)");
            if (WithoutGpu(c, expected) is { } none)
            {
                return none;
            }

            var largest = c.Gpus.Max(g => g.MemoryTotalBytes ?? 0);
            return Verdict.Check(largest >= need, ReadinessStatus.Fail, expected, Units.Size(largest) + " (largest GPU)", "The largest GPU holds the edition's largest model.", "No GPU holds the edition's largest model.", "Use a GPU with at least " + Units.Size(need) + ", or a smaller model.", profile.Source + "; " + factor.Source);
        }

        private static Verdict? Count(ReadinessContext c)
        {
            if (c.Model is null)
            {
                return null;
            }

            var expected = "enough GPUs for the smallest layout that fits";
            if (WithoutGpu(c, expected) is { } none)
            {
                return none;
            }

            if (c.Installed is null)
            {
                return Verdict.Unknown(expected, "No GPU here reports its memory and none is in the catalog, so the GPUs needed cannot be sized.", "Check the driver (nvidia-smi or rocm-smi must report the memory), or add the GPU with Import-DeepSeekCatalog.");
            }

            var name = c.Installed.Spec.Name;
            var actual = Invariant($"{c.Installed.Count} x {name}");
            if (c.Smallest is not { } smallest)
            {
                return Verdict.Unknown(expected, "The deployment cannot be sized on " + name + " (see GPU.Memory).", "See GPU.Memory.");
            }

            if (smallest.Fits != true)
            {
                return Verdict.Fail(Invariant($"more than {smallest.GpuCount} x {name}"), actual, Invariant($"No layout of up to {smallest.GpuCount} x {name} holds the deployment."), "Use GPUs with more memory, a smaller precision or a shorter context.");
            }

            var need = Invariant($">= {smallest.GpuCount} x {name} (TP{smallest.TensorParallel} x PP{smallest.PipelineParallel})");
            return Verdict.Check(
                c.Installed.Count >= smallest.GpuCount,
                ReadinessStatus.Fail,
                need,
                actual,
                "This machine has enough GPUs.",
                Invariant($"This machine has {c.Installed.Count}; the smallest layout needs {smallest.GpuCount}."),
                Invariant($"Add GPUs or nodes to reach {smallest.GpuCount} x {name} (multi-node: see Network.Fabric), or choose a smaller precision (summary: -Summary shows what fits)."));
        }

        private static Verdict? ComputeCapability(ReadinessContext c)
        {
            if (c.Precision is null || c.Model is null && c.Profile?.ModelPrecision is null)
            {
                return null;
            }

            var row = c.Compat.PrecisionFor(c.Precision);
            if (row is null)
            {
                return c.Gpus.Length == 0 && !c.IsCpuInference ? WithoutGpu(c, c.Precision + " kernels") : Verdict.NotApplicable(c.Precision + " is a GGUF format: llama.cpp's kernels run on any CUDA, ROCm or Metal GPU and on the CPU.");
            }

            var expected = "compute capability >= " + row.MinComputeCapability + " for " + c.Precision + " (" + row.Feature + ")";
            if (WithoutGpu(c, expected) is { } none)
            {
                return none;
            }

            if (c.Nvidia.Length == 0)
            {
                return Verdict.NotApplicable("Compute capability is NVIDIA's measure; AMD GPUs are checked by Driver.Rocm.");
            }

            if (c.MinComputeCapability is not double cc)
            {
                return Verdict.Unknown(expected, "The GPUs' compute capability is unknown (not reported and not in the catalog).", "Run nvidia-smi --query-gpu=compute_cap --format=csv and compare with " + row.MinComputeCapability + ".", row.Source);
            }

            var actual = Invariant($"{cc:0.0} ({string.Join(", ", c.Nvidia.Select(g => g.Name).Distinct())})");
            if (cc >= ReadinessContext.Parse(row.MinComputeCapability))
            {
                return Verdict.Pass(expected, actual, "The GPUs have native " + c.Precision + " support.", row.Source);
            }

            if (row.WeightOnlyMinComputeCapability is { } weightOnly && cc >= ReadinessContext.Parse(weightOnly) && row.WeightOnlyEngines.Contains(c.EngineName))
            {
                return Verdict.Warning(expected, actual, Invariant($"No native {c.Precision} units: {c.EngineName} runs {c.Precision} weights weight-only (dequantized in the kernel): {c.Precision} memory, BF16/FP16 speed."), "For native speed use GPUs of compute capability >= " + row.MinComputeCapability + "; otherwise this runs, slower.", row.Source);
            }

            return Verdict.Fail(expected, actual, Invariant($"These GPUs (compute capability {cc:0.0}) cannot run {c.Precision}."), "Use " + (row.Fallback ?? "a precision they support") + ", or 4-bit weights (-Precision AWQ_INT4, compute capability >= 7.5).", row.Source);
        }

        private static Verdict? Tier(ReadinessContext c)
        {
            if (c.Profile is not { } profile || profile.GpuOptions.Count == 0)
            {
                return null;
            }

            var options = profile.GpuOptions.Select(o => (Option: o, Spec: c.Catalog.FindGpu(o.Gpu))).Where(o => o.Spec != null).ToList();
            var expected = string.Join(" or ", options.Select(o => Invariant($"{o.Option.Count} x {o.Spec!.Name} ({Units.Size(o.Spec.MemoryBytes)}, {o.Spec.DenseFp16Tflops:0.#} TFLOPS FP16) or equivalent")));
            if (WithoutGpu(c, expected) is { } none)
            {
                return none;
            }

            var known = c.Gpus.Where(g => g.Spec != null).GroupBy(g => g.Spec!.Name).ToList();
            foreach (var (option, reference) in options)
            {
                if (known.Any(g => g.Count() >= option.Count && g.First().Spec!.MemoryBytes >= reference!.MemoryBytes && (g.First().Spec!.DenseFp16Tflops ?? 0) >= (reference.DenseFp16Tflops ?? 0)))
                {
                    return Verdict.Pass(expected, Describe(c.Gpus), "The GPUs meet the tier (" + option + " or better).", profile.Source);
                }
            }

            return known.Count == 0
                ? Verdict.Unknown(expected, "No GPU here is in the catalog, so its throughput cannot be compared.", "Add the GPU with Import-DeepSeekCatalog.", profile.Source)
                : Verdict.Fail(expected, Describe(c.Gpus), "The GPUs fall short of the tier in count, memory or FP16 throughput.", "Use " + expected + ".", profile.Source);
        }

        private static Verdict? Mig(ReadinessContext c)
        {
            const string Expected = "MIG off (whole GPUs)";
            if (WithoutGpu(c, Expected, unknown: true) is { } none)
            {
                return none;
            }

            if (c.Nvidia.Length == 0)
            {
                return Verdict.NotApplicable("MIG is an NVIDIA feature.");
            }

            var on = c.Nvidia.Where(g => g.MigEnabled == true).ToList();
            if (on.Count > 0)
            {
                return Verdict.Warning(Expected, "MIG on for GPU " + string.Join(", ", on.Select(g => g.Index)), "MIG splits each GPU's memory into instances; the sizing assumes whole GPUs.", "Disable MIG (sudo nvidia-smi -i <index> -mig 0, then reset the GPU), or size for one MIG instance's memory.");
            }

            return c.Nvidia.Any(g => g.MigEnabled is null)
                ? Verdict.Unknown(Expected, "The MIG mode of some GPUs was not reported (older GPUs have none).", "nvidia-smi -q | grep -A2 MIG")
                : Verdict.Pass(Expected, "MIG off", "Every GPU is whole.");
        }

        private static Verdict? Ecc(ReadinessContext c)
        {
            const string Expected = "ECC on";
            if (WithoutGpu(c, Expected, unknown: true) is { } none)
            {
                return none;
            }

            var off = c.Gpus.Where(g => g.EccEnabled == false).ToList();
            if (off.Count > 0)
            {
                return Verdict.Warning(Expected, "ECC off for GPU " + string.Join(", ", off.Select(g => g.Index)), "Without ECC a memory bit flip corrupts results silently in long runs.", "Enable ECC (sudo nvidia-smi -i <index> -e 1, then reboot) on GPUs that support it.");
            }

            return c.Gpus.Any(g => g.EccEnabled is null)
                ? Verdict.Unknown(Expected, "Some GPUs do not report ECC (consumer GPUs have none).", "Prefer datacenter GPUs with ECC for production.")
                : Verdict.Pass(Expected, "ECC on", "Every GPU has ECC on.");
        }

        private static Verdict? MemoryInUse(ReadinessContext c)
        {
            var idle = c.Policy(PolicyNames.IdleGpuMemoryBytes);
            var idleBytes = Saturating.FromDouble(idle.Value);
            var expected = "GPUs idle (under " + Units.Size(idleBytes) + " used)";
            if (WithoutGpu(c, expected, unknown: true) is { } none)
            {
                return none;
            }

            var busy = c.Gpus.Where(g => g.MemoryUsedBytes > idleBytes).ToList();
            if (busy.Count > 0)
            {
                return Verdict.Warning(expected, string.Join(", ", busy.Select(g => Invariant($"GPU {g.Index}: {Units.Size(g.MemoryUsedBytes)} used"))), "Other processes hold GPU memory; the engine's budget assumes idle GPUs and will start short or fail.", "Stop them (nvidia-smi --query-compute-apps=pid,used_memory --format=csv lists them) or lower the engine's memory fraction (vLLM --gpu-memory-utilization).", idle.Source);
            }

            return c.Gpus.Any(g => g.MemoryUsedBytes is null)
                ? Verdict.Unknown(expected, "The memory in use of some GPUs was not reported.", "nvidia-smi --query-gpu=index,memory.used --format=csv", idle.Source)
                : Verdict.Pass(expected, "idle", "No GPU memory is held by other processes.", idle.Source);
        }

        private static Verdict? PersistenceMode(ReadinessContext c)
        {
            const string Expected = "persistence mode on (Linux)";
            if (WithoutGpu(c, Expected, unknown: true) is { } none)
            {
                return none;
            }

            if (c.Nvidia.Length == 0 || c.IsWindows)
            {
                return Verdict.NotApplicable(c.IsWindows ? "Windows has no persistence mode (see the driver model, TCC or WDDM)." : "Persistence mode is an NVIDIA Linux setting.");
            }

            var off = c.Nvidia.Where(g => g.PersistenceMode == false).ToList();
            if (off.Count > 0)
            {
                return Verdict.Warning(Expected, "off for GPU " + string.Join(", ", off.Select(g => g.Index)), "Without persistence the driver unloads when idle: every start pays the initialization and clocks reset.", "sudo nvidia-smi -pm 1, or enable the nvidia-persistenced service.");
            }

            return c.Nvidia.Any(g => g.PersistenceMode is null)
                ? Verdict.Unknown(Expected, "Persistence mode was not reported.", "nvidia-smi -q | grep Persistence")
                : Verdict.Pass(Expected, "on", "Persistence mode is on.");
        }

        private static Verdict? Interconnect(ReadinessContext c)
        {
            var required = c.Profile?.Interconnect;
            if (required is null && c.Model is null)
            {
                return null;
            }

            var expected = required != null ? required + " between the GPUs" : "NVLink between the GPUs when tensor parallel > 1";
            if (required is null && c.TensorParallel <= 1)
            {
                return c.Gpus.Length == 0 && !c.IsCpuInference ? WithoutGpu(c, expected) : Verdict.NotApplicable("One GPU per model replica: no GPU-to-GPU traffic.");
            }

            if (WithoutGpu(c, expected) is { } none)
            {
                return none;
            }

            var actual = c.Inventory.GpuInterconnect;
            if (actual == "NVLink")
            {
                return Verdict.Pass(expected, "NVLink", "Every GPU pair is linked by NVLink" + (required == "NVSwitch" ? " (an NVSwitch system shows as NVLink between every pair)." : "."));
            }

            if (actual is null)
            {
                return Verdict.Unknown(expected, c.Gpus.Length < 2 ? "Fewer than two GPUs." : "The GPU topology was not reported (nvidia-smi topo -m).", "nvidia-smi topo -m");
            }

            const string Fix = "Prefer NVLink/NVSwitch servers; on PCIe use pipeline parallelism across GPU pairs (vLLM --pipeline-parallel-size) to cut the traffic.";
            var cost = c.Estimate is { TensorParallelAllReduceSeconds: { } reduce, TimePerOutputTokenSeconds: { } perToken } && perToken > 0
                ? Invariant($" At this load the all-reduces take {reduce * 1e3:0.#} ms of each decode step ({Math.Min(1, reduce / perToken):P0} of the time per token).")
                : string.Empty;
            var message = Invariant($"Tensor parallelism over {actual} links all-reduces every layer across PCIe: decode is slower than on NVLink.{cost}");
            return required != null
                ? Verdict.Fail(expected, actual, "The tier asks for " + required + "; these GPUs are linked over " + actual + ".", Fix, c.Profile!.Source)
                : Verdict.Warning(expected, actual, message, Fix);
        }
    }
}
