using System;

namespace DeepSeekHw.Readiness
{
    /// <summary>What a check weighs in the summary.</summary>
    [Flags]
    internal enum RuleRole
    {
        None = 0,

        /// <summary>Decides whether the model runs at all: an Unknown here leaves the verdict Undetermined, not Ready.</summary>
        Deciding = 1,

        /// <summary>About the hardware alone (GPUs, their memory and links, RAM for a CPU run): the hardware verdict a planner needs.</summary>
        Hardware = 2,
    }

    /// <summary>
    /// One check: a stable id (Category.Name), its role in the summary, and the function that decides it from the facts.
    /// The function returns null when the check is not part of this test (a profile check without a profile, a model
    /// check for a tier).
    /// </summary>
    internal sealed class ReadinessRule
    {
        public ReadinessRule(string id, string category, Func<ReadinessContext, Verdict?> evaluate, RuleRole role = RuleRole.None)
        {
            Id = id;
            Category = category;
            Evaluate = evaluate;
            Role = role;
        }

        public string Id { get; }

        public string Category { get; }

        public RuleRole Role { get; }

        public Func<ReadinessContext, Verdict?> Evaluate { get; }
    }
}
