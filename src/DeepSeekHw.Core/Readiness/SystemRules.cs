using System.Collections.Generic;
using System.Linq;
using DeepSeekHw.Sizing;

using static DeepSeekHw.InvariantText;

namespace DeepSeekHw.Readiness
{
    /// <summary>Host RAM and CPU: the seed's Kubernetes quota rules, RAM to load or run the model, and a tier's figures.</summary>
    internal static class SystemRules
    {
        public static IEnumerable<ReadinessRule> All => new[]
        {
            new ReadinessRule(CheckIds.SystemMemoryRatio, CheckCategories.System, MemoryRatio),
            new ReadinessRule(CheckIds.SystemMemoryForModel, CheckCategories.System, MemoryForModel, RuleRole.Hardware),
            new ReadinessRule(CheckIds.SystemCpuPerGpu, CheckCategories.System, CpuPerGpu),
            new ReadinessRule(CheckIds.SystemCpuCores, CheckCategories.System, c => AtLeast(c.Profile?.MinCpuCores, Cores(c), "CPU cores", c)),
            new ReadinessRule(CheckIds.SystemCpuThreads, CheckCategories.System, c => AtLeast(c.Profile?.MinCpuThreads, c.Inventory.Cpu?.Threads, "CPU threads", c)),
            new ReadinessRule(CheckIds.SystemCpuFrequency, CheckCategories.System, CpuFrequency),
            new ReadinessRule(CheckIds.SystemMemory, CheckCategories.System, Memory),
            new ReadinessRule(CheckIds.SystemEccMemory, CheckCategories.System, EccMemory),
        };

        private static long? Ram(ReadinessContext c) => c.Inventory.Memory?.UsableBytes ?? c.Inventory.Memory?.TotalBytes;

        /// <summary>Cores this machine may use: a container's CPU cap when there is one.</summary>
        private static double? Cores(ReadinessContext c) => c.Inventory.Cpu?.LimitCores ?? c.Inventory.Cpu?.Cores ?? c.Inventory.Cpu?.Threads;

        private static Verdict? MemoryRatio(ReadinessContext c)
        {
            if (c.Gpus.Length == 0)
            {
                return null;
            }

            var ratio = c.Policy(PolicyNames.RamPerGpuMemory);
            var gpuMemory = Saturating.Add(c.Gpus.Select(g => g.MemoryTotalBytes ?? 0).ToArray());
            var need = Saturating.FromDouble(gpuMemory * ratio.Value);
            var rule = Invariant($"{ratio.Value:0.##}x GPU memory rule");
            var expected = Invariant($">= {Units.Size(need)} RAM ({ratio.Value:0.##} x {Units.Size(gpuMemory)} of GPU memory)");
            return Ram(c) is long ram
                ? Verdict.Check(ram >= need, ReadinessStatus.Warning, expected, Units.Size(ram), "RAM meets the guide's " + rule + ".", "RAM is below the guide's " + rule + " (a Kubernetes quota rule of thumb, not a hard limit).", "Add RAM or give the pod a memory request of " + Units.Size(need) + ".", ratio.Source)
                : Verdict.Unknown(expected, "System memory is unknown.", "free -g", ratio.Source);
        }

        private static Verdict? MemoryForModel(ReadinessContext c)
        {
            if (c.Model is null || c.Baseline is null)
            {
                return null;
            }

            var ram = Ram(c);
            if (c.Gpus.Length == 0)
            {
                var need = c.Baseline.PerGpuBytes;
                var expected = ">= " + Units.Size(need) + " RAM to run on the CPU (weights + KV cache + runtime)";
                if (!c.IsCpuInference)
                {
                    return Verdict.Fail(expected, ram is long r0 ? Units.Size(r0) : "unknown", c.EngineName + " needs a GPU; without one only llama.cpp or Ollama run the model, from RAM.", GpuRules.CpuPath);
                }

                return ram is long r
                    ? Verdict.Check(r >= need, ReadinessStatus.Fail, expected, Units.Size(r), "The model fits in RAM.", "The model does not fit in RAM.", "Use a smaller quantization (-Precision Q4_K_M or Q3_K_M) or a smaller distill.")
                    : Verdict.Unknown(expected, "System memory is unknown.", "free -g");
            }

            var weights = c.Baseline.WeightBytes;
            var share = c.Estimate?.WeightBytesPerGpu ?? weights;
            var expectedLoad = ">= " + Units.Size(weights) + " RAM to cache the weights (at least " + Units.Size(share) + ", one GPU's share, to load)";
            if (ram is not long have)
            {
                return Verdict.Unknown(expectedLoad, "System memory is unknown.", "free -g");
            }

            if (have >= weights)
            {
                return Verdict.Pass(expectedLoad, Units.Size(have), "RAM holds the whole checkpoint in the page cache: restarts load at memory speed.");
            }

            return have >= share
                ? Verdict.Warning(expectedLoad, Units.Size(have), "RAM cannot cache the whole checkpoint: every start reads it from disk.", "Add RAM to " + Units.Size(weights) + " for fast restarts, or keep the checkpoint on fast NVMe.")
                : Verdict.Fail(expectedLoad, Units.Size(have), "RAM is smaller than one GPU's share of the weights: loading will swap or be killed.", "Add RAM to at least " + Units.Size(share) + ".");
        }

        private static Verdict? CpuPerGpu(ReadinessContext c)
        {
            if (c.Gpus.Length == 0)
            {
                return null;
            }

            var perGpu = c.Policy(PolicyNames.CpuCoresPerGpu);
            var need = perGpu.Value * c.Gpus.Length;
            var expected = Invariant($">= {need:0.##} CPU cores ({perGpu.Value:0.##} per GPU)");
            return Cores(c) is double cores
                ? Verdict.Check(cores >= need, ReadinessStatus.Warning, expected, Invariant($"{cores:0.##}"), "Enough cores to feed the GPUs (tokenization, scheduling, NCCL).", Invariant($"Fewer than {perGpu.Value:0.##} cores per GPU: tokenization and scheduling can starve the GPUs."), Invariant($"Give the server or pod at least {need:0.##} cores."), perGpu.Source)
                : Verdict.Unknown(expected, "The CPU core count is unknown.", "nproc", perGpu.Source);
        }

        private static Verdict? AtLeast(double? minimum, double? actual, string what, ReadinessContext c)
        {
            if (minimum is not double need)
            {
                return null;
            }

            var expected = Invariant($">= {need:0} {what}");
            return actual is double have
                ? Verdict.Check(have >= need, ReadinessStatus.Fail, expected, Invariant($"{have:0.##}"), "Meets the tier.", "Below the tier.", Invariant($"Use a machine with at least {need:0} {what}."), c.Profile!.Source)
                : Verdict.Unknown(expected, what + " unknown.", "lscpu", c.Profile!.Source);
        }

        private static Verdict? CpuFrequency(ReadinessContext c)
        {
            if (c.Profile?.MinCpuFrequencyMHz is not double need)
            {
                return null;
            }

            var expected = Invariant($">= {need / 1000:0.0#} GHz");
            return c.Inventory.Cpu?.MaxFrequencyMHz is double mhz
                ? Verdict.Check(mhz >= need, ReadinessStatus.Fail, expected, Invariant($"{mhz / 1000:0.0#} GHz (highest rated)"), "Meets the tier.", "The CPU's highest rated clock is below the tier.", "Use a faster CPU.", c.Profile.Source)
                : Verdict.Unknown(expected, "The CPU frequency was not reported (common in VMs).", "lscpu | grep MHz", c.Profile.Source);
        }

        private static Verdict? Memory(ReadinessContext c)
        {
            if (c.Profile?.MinMemoryBytes is not long need)
            {
                return null;
            }

            var expected = ">= " + Units.Size(need) + " RAM";
            return Ram(c) is long ram
                ? Verdict.Check(ram >= need * c.Policy(PolicyNames.TierTolerance).Value, ReadinessStatus.Fail, expected, Units.Size(ram), "Meets the tier.", "Below the tier.", "Add RAM to " + Units.Size(need) + ".", c.Profile.Source)
                : Verdict.Unknown(expected, "System memory is unknown.", "free -g", c.Profile.Source);
        }

        private static Verdict? EccMemory(ReadinessContext c)
        {
            if (c.Profile is null || !c.Profile.RequiresEccMemory)
            {
                return null;
            }

            const string Expected = "ECC system memory";
            return c.Inventory.Memory?.EccEnabled switch
            {
                true => Verdict.Pass(Expected, "ECC", "The memory controller reports ECC.", c.Profile.Source),
                false => Verdict.Fail(Expected, "no ECC", "System memory has no ECC.", "Use ECC RDIMMs on a server board.", c.Profile.Source),
                _ => Verdict.Unknown(Expected, "ECC is not exposed to this OS user (no EDAC controller; dmidecode needs root).", "sudo dmidecode -t memory | grep -i 'error correction'", c.Profile.Source),
            };
        }
    }
}
