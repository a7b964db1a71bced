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

        // Widest first: the summary reports the first that fits.
        private static readonly WeightPrecision[] ServingPrecisions = { WeightPrecision.Native, WeightPrecision.BF16, WeightPrecision.FP8, WeightPrecision.INT8, WeightPrecision.AWQ_INT4 };
        private static readonly WeightPrecision[] GgufPrecisions = { WeightPrecision.BF16, WeightPrecision.Q8_0, WeightPrecision.Q6_K, WeightPrecision.Q5_K_M, WeightPrecision.Q4_K_M, WeightPrecision.Q3_K_M, WeightPrecision.Q2_K };

        /// <summary>Every check id, in the order checks are reported.</summary>
        public static IReadOnlyList<string> CheckIds { get; } = Rules.Select(r => r.Id).ToArray();

        public static IReadOnlyList<ReadinessCheck> Evaluate(ReadinessRequest request, DeepSeekCatalog catalog, CompatibilityChecklist compat)
        {
            if (request is null)
            {
                throw new ArgumentNullException(nameof(request));
            }

            if (request.Model is null == request.Profile is null)
            {
                throw new ArgumentException("Test a model or a profile, exactly one of them.", nameof(request));
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

            return checks;
        }

        /// <summary>One machine's verdict over the checks that were kept (after any -IncludeCheck/-ExcludeCheck filter).</summary>
        public static ReadinessSummary Summarize(ReadinessRequest request, IReadOnlyCollection<ReadinessCheck> checks, DeepSeekCatalog catalog, CompatibilityChecklist compat)
        {
            if (request is null)
            {
                throw new ArgumentNullException(nameof(request));
            }

            int Count(ReadinessStatus status) => checks.Count(c => c.Status == status);
            var context = new ReadinessContext(request, catalog, compat);
            var fit = LargestFit(context);
            var failed = checks.Where(c => c.Status == ReadinessStatus.Fail).Select(c => c.CheckId).ToArray();
            var undetermined = checks.Where(c => c.Status == ReadinessStatus.Unknown && RoleOf(c.CheckId).HasFlag(RuleRole.Deciding)).Select(c => c.CheckId).ToArray();
            var verdict = VerdictOf(checks, _ => true);
            return new ReadinessSummary
            {
                ComputerName = request.Inventory.ComputerName,
                Target = context.Target,
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

        /// <summary>The widest precision whose weights and requested concurrency fit this machine's GPUs, and the context it allows.</summary>
        internal static SizingEstimate? LargestFit(ReadinessContext context)
        {
            if (context.Model is null || context.Installed is null)
            {
                return null;
            }

            var gguf = context.Engine?.RunsGguf == true;
            foreach (var precision in gguf ? GgufPrecisions : ServingPrecisions)
            {
                var probe = new ReadinessContext(
                    new ReadinessRequest(context.Inventory)
                    {
                        Model = context.Model,
                        Precision = precision,
                        ContextLength = 1,
                        Concurrency = context.Request.Concurrency,
                        Workload = context.Request.Workload,
                        Engine = context.EngineName,
                    },
                    context.Catalog,
                    context.Compat);
                if (probe.Estimate is { Fits: true, MaxContextLength: > 0 } estimate)
                {
                    return estimate;
                }
            }

            return null;
        }
    }
}
