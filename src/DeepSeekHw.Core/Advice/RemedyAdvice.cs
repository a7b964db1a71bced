using System.Collections.Generic;
using System.Linq;
using DeepSeekHw.Readiness;

using static DeepSeekHw.InvariantText;

namespace DeepSeekHw.Advice
{
    /// <summary>The remedy of each readiness check that failed or warned, as a recommendation; fit checks are answered by the configurations instead.</summary>
    internal static class RemedyAdvice
    {
        private static readonly HashSet<string> AnsweredByConfigurations = new HashSet<string>
        {
            CheckIds.GpuPresent, CheckIds.GpuMemory, CheckIds.GpuCount,
        };

        // Without a GPU the configurations are CPU ones, which answer every GPU check and the RAM-for-the-model check.
        private static readonly HashSet<string> AnsweredByCpuConfigurations = new HashSet<string>(
            CheckIds.All.Where(id => id.StartsWith(CheckCategories.Gpu + ".", System.StringComparison.Ordinal)).Concat(new[] { CheckIds.SystemMemoryForModel }));

        public static IEnumerable<Recommendation> For(IEnumerable<ReadinessCheck> checks, ReadinessStatus status, bool cpuOnly = false) =>
            checks
                .Where(c => c.Status == status && !AnsweredByConfigurations.Contains(c.CheckId) && !(cpuOnly && AnsweredByCpuConfigurations.Contains(c.CheckId)) && !string.IsNullOrWhiteSpace(c.Remediation))
                .GroupBy(c => c.CheckId + "\n" + c.ComputerName)
                .Select(g => g.First())
                .Select(c => new Recommendation
                {
                    Category = "Remedy",
                    Title = c.CheckId + ": " + c.Message,
                    Rationale = Invariant($"{c.Status}: expected {c.Expected}; found {c.Actual}."),
                    Action = c.Remediation,
                    ExpectedEffect = c.CheckId + " passes in Test-DeepSeekReadiness",
                    Source = c.Source,
                    CheckId = c.CheckId,
                    ComputerName = c.ComputerName,
                    Model = c.Model ?? string.Empty,
                });
    }
}
