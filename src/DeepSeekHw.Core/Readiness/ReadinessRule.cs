using System;

namespace DeepSeekHw.Readiness
{
    /// <summary>
    /// One check: a stable id (Category.Name) and the function that decides it from the facts. The function returns null
    /// when the check is not part of this test (a profile check without a profile, a model check for a tier).
    /// </summary>
    internal sealed class ReadinessRule
    {
        public ReadinessRule(string id, Func<ReadinessContext, Verdict?> evaluate)
        {
            Id = id;
            Category = id.Substring(0, id.IndexOf('.'));
            Evaluate = evaluate;
        }

        public string Id { get; }

        public string Category { get; }

        public Func<ReadinessContext, Verdict?> Evaluate { get; }
    }
}
