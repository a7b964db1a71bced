namespace DeepSeekHw
{
    /// <summary>
    /// One verdict of Test-DeepSeekReadiness: what was expected, what the machine has, and the concrete action that fixes
    /// it. Plain data (strings and an enum), so it reads the same live, over remoting and in JSON.
    /// </summary>
    public sealed class ReadinessCheck
    {
        public string ComputerName { get; set; } = string.Empty;

        /// <summary>What was tested for: "DeepSeek-V3 FP8, 8192 tokens × 1 (vLLM)" or a profile name.</summary>
        public string Target { get; set; } = string.Empty;

        /// <summary>The model tested (catalog name); null for a profile test.</summary>
        public string? Model { get; set; }

        /// <summary>The seed tier or edition tested; null for a model test.</summary>
        public string? Profile { get; set; }

        /// <summary>Stable id, Category.Name (e.g. GPU.Memory); scripts and -IncludeCheck/-ExcludeCheck use it.</summary>
        public string CheckId { get; set; } = string.Empty;

        /// <summary>GPU, Driver, Framework, System, Storage, Network or Profile.</summary>
        public string Category { get; set; } = string.Empty;

        public ReadinessStatus Status { get; set; }

        public string Expected { get; set; } = string.Empty;

        public string Actual { get; set; } = string.Empty;

        public string Message { get; set; } = string.Empty;

        /// <summary>What to do; empty when the check passed or does not apply.</summary>
        public string Remediation { get; set; } = string.Empty;

        /// <summary>Where the rule's threshold comes from (vendor table, seed guide, engine docs).</summary>
        public string Source { get; set; } = string.Empty;

        public override string ToString() => CheckId + ": " + Status;
    }
}
