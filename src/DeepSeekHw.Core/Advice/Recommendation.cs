using System;
using DeepSeekHw.Launch;

namespace DeepSeekHw
{
    /// <summary>
    /// One thing to do, ranked: a configuration that fits, a tuning step with its computed effect on this deployment, or
    /// the remedy for a failing readiness check. Priority 1 is the first thing to do.
    /// </summary>
    public sealed class Recommendation
    {
        public int Priority { get; set; }

        /// <summary>Deployment, Hardware, CpuInference, Context, Concurrency, KvCache, Precision, Attention, Batching, Engine, FineTuning, Network or Remedy.</summary>
        public string Category { get; set; } = string.Empty;

        public string Title { get; set; } = string.Empty;

        /// <summary>Why, with the numbers it rests on.</summary>
        public string Rationale { get; set; } = string.Empty;

        /// <summary>What to do: a command line, a parameter, a purchase.</summary>
        public string Action { get; set; } = string.Empty;

        /// <summary>What it changes, computed for this deployment where the sizing can say.</summary>
        public string ExpectedEffect { get; set; } = string.Empty;

        /// <summary>Where the advice and its numbers come from; says where a seed guide is wrong.</summary>
        public string Source { get; set; } = string.Empty;

        public string ComputerName { get; set; } = string.Empty;

        public string Model { get; set; } = string.Empty;

        /// <summary>For a configuration: whether it fits the memory it is sized on.</summary>
        public bool? Fits { get; set; }

        /// <summary>For a configuration: its sizing, as Get-DeepSeekSizing gives it.</summary>
        public SizingEstimate? Configuration { get; set; }

        /// <summary>For a configuration: the engine's launch settings, as Get-DeepSeekLaunchConfig gives them.</summary>
        public LaunchConfig? Launch { get; set; }

        /// <summary>For a remedy: the readiness check it clears.</summary>
        public string? CheckId { get; set; }

        /// <summary>The sizing request behind Configuration, so tuning advice can vary it.</summary>
        internal Sizing.SizingRequest? Request { get; set; }

        public override string ToString() => Priority + ". " + Title;
    }
}
