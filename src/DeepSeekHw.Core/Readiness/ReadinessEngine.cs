using System;
using System.Collections.Generic;
using System.Linq;
using DeepSeekHw.Catalog;

namespace DeepSeekHw.Readiness
{
    /// <summary>
    /// Runs every readiness rule over one machine's facts. Pure: the inventory, the catalog and the checklist in, checks
    /// out; a rule whose fact is missing answers Unknown, never an exception.
    /// </summary>
    public static class ReadinessEngine
    {
        private static readonly ReadinessRule[] Rules =
            GpuRules.All.Concat(DriverRules.All).Concat(FrameworkRules.All).Concat(SystemRules.All).Concat(StorageNetworkRules.All).ToArray();

        /// <summary>Every check id, in the order checks are reported.</summary>
        public static IReadOnlyList<string> CheckIds { get; } = Rules.Select(r => r.Id).ToArray();

        /// <summary>Runs every rule over one machine; the assessment keeps the sizing it made, so a summary sizes nothing again.</summary>
        public static ReadinessAssessment Assess(ReadinessRequest request, DeepSeekCatalog catalog, CompatibilityChecklist compat)
        {
            if (request is null)
            {
                throw new ArgumentNullException(nameof(request));
            }

            var context = new ReadinessContext(request, catalog, compat);
            var checks = new List<ReadinessCheck>();
            foreach (var rule in Rules)
            {
                if (rule.Evaluate(context) is not { } verdict)
                {
                    continue;
                }

                checks.Add(new ReadinessCheck
                {
                    ComputerName = request.Inventory.ComputerName,
                    Target = context.Target,
                    Model = context.Model?.Name,
                    Profile = context.Profile?.Name,
                    CheckId = rule.Id,
                    Category = rule.Category,
                    Status = verdict.Status,
                    Expected = verdict.Expected,
                    Actual = verdict.Actual,
                    Message = verdict.Message,
                    Remediation = verdict.Remediation,
                    Source = verdict.Source,
                });
            }

            return new ReadinessAssessment(context, checks);
        }

        /// <summary>The checks alone.</summary>
        public static IReadOnlyList<ReadinessCheck> Evaluate(ReadinessRequest request, DeepSeekCatalog catalog, CompatibilityChecklist compat) =>
            Assess(request, catalog, compat).Checks;

        /// <summary>One machine's verdict over the checks that were kept (after any -IncludeCheck/-ExcludeCheck filter).</summary>
        internal static ReadinessSummary Summarize(ReadinessContext context, IReadOnlyCollection<ReadinessCheck> checks)
        {
            int Count(ReadinessStatus status) => checks.Count(c => c.Status == status);
            var fit = context.LargestFit;
            var failed = checks.Where(c => c.Status == ReadinessStatus.Fail).Select(c => c.CheckId).ToArray();
            var undetermined = checks.Where(c => c.Status == ReadinessStatus.Unknown && RoleOf(c.CheckId).HasFlag(RuleRole.Deciding)).Select(c => c.CheckId).ToArray();
            var verdict = VerdictOf(checks, _ => true);
            return new ReadinessSummary
            {
                ComputerName = context.Inventory.ComputerName,
                Target = context.Target,
                Model = context.Model?.Name,
                Profile = context.Profile?.Name,
                Verdict = verdict,
                Ready = verdict == ReadinessVerdict.Ready,
                HardwareVerdict = VerdictOf(checks, role => role.HasFlag(RuleRole.Hardware)),
                BlockingChecks = failed.Length > 0 ? failed : undetermined,
                UndeterminedChecks = undetermined,
                Pass = Count(ReadinessStatus.Pass),
                Warning = Count(ReadinessStatus.Warning),
                Fail = Count(ReadinessStatus.Fail),
                NotApplicable = Count(ReadinessStatus.NotApplicable),
                Unknown = Count(ReadinessStatus.Unknown),
                FailedChecks = failed,
                WarningChecks = checks.Where(c => c.Status == ReadinessStatus.Warning).Select(c => c.CheckId).ToArray(),
                LargestFitPrecision = fit?.Precision,
                LargestFitContextLength = fit?.MaxContextLength,
                GpuMemoryBytes = context.Installed is { } installed ? Sizing.Saturating.Multiply(installed.Spec.UsableMemoryBytes ?? installed.Spec.MemoryBytes, installed.Count) : (long?)null,
                RequiredGpuMemoryBytes = context.Baseline?.TotalBytes,
            };
        }

        private static RuleRole RoleOf(string checkId) => Rules.FirstOrDefault(r => r.Id == checkId)?.Role ?? RuleRole.None;

        // NotReady on any failure; Undetermined when nothing failed but a deciding check lacks its facts; else Ready.
        private static ReadinessVerdict VerdictOf(IEnumerable<ReadinessCheck> checks, Func<RuleRole, bool> counts)
        {
            var relevant = checks.Where(c => counts(RoleOf(c.CheckId))).ToList();
            return relevant.Any(c => c.Status == ReadinessStatus.Fail) ? ReadinessVerdict.NotReady
                : relevant.Any(c => c.Status == ReadinessStatus.Unknown && RoleOf(c.CheckId).HasFlag(RuleRole.Deciding)) ? ReadinessVerdict.Undetermined
                : ReadinessVerdict.Ready;
        }
    }
}
