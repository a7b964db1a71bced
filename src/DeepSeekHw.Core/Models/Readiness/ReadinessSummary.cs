using System;

namespace DeepSeekHw
{
    /// <summary>One machine's verdict: ready when no check failed, with counts and what would fit instead.</summary>
    public sealed class ReadinessSummary
    {
        public string ComputerName { get; set; } = string.Empty;

        public string Target { get; set; } = string.Empty;

        /// <summary>True when no check failed (warnings and unknown facts do not block, they are listed).</summary>
        public bool Ready { get; set; }

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

        public override string ToString() => ComputerName + ": " + (Ready ? "ready" : "not ready");
    }
}
