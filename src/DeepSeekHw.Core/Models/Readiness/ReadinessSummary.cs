using System;

namespace DeepSeekHw
{
    /// <summary>
    /// One machine's verdict, with counts and what would fit instead. Ready only when no check failed and no check that
    /// decides whether the model runs is Unknown; the hardware verdict answers for the hardware alone, for planners whose
    /// what-if machines state no driver or frameworks.
    /// </summary>
    public sealed class ReadinessSummary
    {
        public string ComputerName { get; set; } = string.Empty;

        public string Target { get; set; } = string.Empty;

        /// <summary>The model tested (catalog name); null for a profile test.</summary>
        public string? Model { get; set; }

        /// <summary>The seed tier or edition tested; null for a model test.</summary>
        public string? Profile { get; set; }

        /// <summary>Ready, NotReady (a check failed) or Undetermined (nothing failed, but a deciding fact is unknown).</summary>
        public ReadinessVerdict Verdict { get; set; }

        /// <summary>True only when <see cref="Verdict"/> is Ready: warnings do not block, a failure or a deciding unknown does.</summary>
        public bool Ready { get; set; }

        /// <summary>The same verdict over the hardware checks alone (GPUs, their memory, count, capability and links; RAM for a CPU run).</summary>
        public ReadinessVerdict HardwareVerdict { get; set; }

        /// <summary>What stands between the machine and Ready: the failed checks, or else the deciding checks that are Unknown.</summary>
        public string[] BlockingChecks { get; set; } = Array.Empty<string>();

        /// <summary>Deciding checks whose facts are unknown (they make the verdict Undetermined when nothing failed).</summary>
        public string[] UndeterminedChecks { get; set; } = Array.Empty<string>();

        public int Pass { get; set; }

        public int Warning { get; set; }

        public int Fail { get; set; }

        public int NotApplicable { get; set; }

        public int Unknown { get; set; }

        public string[] FailedChecks { get; set; } = Array.Empty<string>();

        public string[] WarningChecks { get; set; } = Array.Empty<string>();

        /// <summary>The widest precision that fits this machine's GPUs for the model (null: none fits, or no model/GPU).</summary>
        public string? LargestFitPrecision { get; set; }

        /// <summary>The longest context per sequence that fits at <see cref="LargestFitPrecision"/> and the requested concurrency.</summary>
        public int? LargestFitContextLength { get; set; }

        /// <summary>The GPU memory this machine's sized GPUs have together (as their drivers report it), in bytes; null without a GPU that reports it.</summary>
        public long? GpuMemoryBytes { get; set; }

        /// <summary>The memory the deployment needs in total (weights, KV cache, activations, runtime), in bytes; null for a profile.</summary>
        public long? RequiredGpuMemoryBytes { get; set; }

        public override string ToString() => ComputerName + ": " + Verdict;
    }
}
