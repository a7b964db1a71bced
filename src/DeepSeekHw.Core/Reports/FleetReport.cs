using System;
using System.Collections.Generic;
using System.Linq;

namespace DeepSeekHw.Reports
{
    /// <summary>
    /// What a fleet report says, computed once from readiness summaries, checks and inventories; the HTML and Markdown
    /// renderers only lay it out. Hosts are keyed by computer name; a host tested against several models has one row per
    /// model.
    /// </summary>
    public sealed class FleetReport
    {
        private FleetReport(IReadOnlyList<TargetTally> targets, IReadOnlyList<FailingCheck> failing, IReadOnlyList<HostRow> hosts, DateTimeOffset generated)
        {
            Targets = targets;
            FailingChecks = failing;
            Hosts = hosts;
            Generated = generated;
        }

        /// <summary>Ready / not ready / undetermined per model (or profile).</summary>
        public IReadOnlyList<TargetTally> Targets { get; }

        /// <summary>The checks that fail most often, with what fixes them.</summary>
        public IReadOnlyList<FailingCheck> FailingChecks { get; }

        public IReadOnlyList<HostRow> Hosts { get; }

        public DateTimeOffset Generated { get; }

        public static FleetReport Build(IEnumerable<ReadinessSummary> summaries, IEnumerable<ReadinessCheck> checks, IEnumerable<HardwareInventory> inventories, DateTimeOffset generated)
        {
            var summaryList = summaries.ToList();
            var checkList = checks.ToList();
            var inventoryByHost = new Dictionary<string, HardwareInventory>(StringComparer.OrdinalIgnoreCase);
            foreach (var inventory in inventories)
            {
                inventoryByHost[inventory.ComputerName] = inventory; // the last inventory of a host wins
            }

            // Checks piped without their summary still count: a verdict is derived from them as Test-DeepSeekReadiness would.
            var summarized = new HashSet<(string, string)>(summaryList.Select(s => (s.ComputerName, s.Target)));
            foreach (var group in checkList.GroupBy(c => (c.ComputerName, c.Target)).Where(g => !summarized.Contains(g.Key)))
            {
                var failed = group.Where(c => c.Status == ReadinessStatus.Fail).Select(c => c.CheckId).ToArray();
                var unknown = group.Where(c => c.Status == ReadinessStatus.Unknown).Select(c => c.CheckId).ToArray();
                summaryList.Add(new ReadinessSummary
                {
                    ComputerName = group.Key.ComputerName,
                    Target = group.Key.Target,
                    Model = group.First().Model,
                    Profile = group.First().Profile,
                    Verdict = failed.Length > 0 ? ReadinessVerdict.NotReady : ReadinessVerdict.Undetermined,
                    FailedChecks = failed,
                    BlockingChecks = failed.Length > 0 ? failed : unknown,
                });
            }

            var targets = summaryList
                .GroupBy(s => s.Model ?? s.Profile ?? s.Target, StringComparer.Ordinal)
                .Select(g => new TargetTally(g.Key, g.Count(s => s.Verdict == ReadinessVerdict.Ready), g.Count(s => s.Verdict == ReadinessVerdict.NotReady), g.Count(s => s.Verdict == ReadinessVerdict.Undetermined)))
                .OrderBy(t => t.Target, StringComparer.Ordinal)
                .ToList();

            // Remediations name the machine's own figures, so the most common one is shown with the machine it is for.
            var remedies = checkList.Where(c => c.Status == ReadinessStatus.Fail && c.Remediation.Length > 0)
                .GroupBy(c => c.CheckId)
                .ToDictionary(g => g.Key, g => g.GroupBy(c => c.Remediation).OrderByDescending(r => r.Count()).Select(r => r.First().ComputerName + ": " + r.Key).First(), StringComparer.Ordinal);
            var failing = summaryList.SelectMany(s => s.FailedChecks ?? Array.Empty<string>())
                .GroupBy(id => id, StringComparer.Ordinal)
                .Select(g => new FailingCheck(g.Key, g.Count(), remedies.TryGetValue(g.Key, out var fix) ? fix : null))
                .OrderByDescending(f => f.Hosts).ThenBy(f => f.CheckId, StringComparer.Ordinal)
                .Take(10)
                .ToList();

            var hosts = summaryList
                .Select(s => new HostRow(s, inventoryByHost.TryGetValue(s.ComputerName, out var inventory) ? inventory : null))
                .Concat(inventoryByHost.Values.Where(i => summaryList.All(s => !string.Equals(s.ComputerName, i.ComputerName, StringComparison.OrdinalIgnoreCase))).Select(i => new HostRow(null, i)))
                .OrderBy(h => h.ComputerName, StringComparer.OrdinalIgnoreCase).ThenBy(h => h.Target, StringComparer.Ordinal)
                .ToList();
            return new FleetReport(targets, failing, hosts, generated);
        }
    }

    public sealed class TargetTally
    {
        public TargetTally(string target, int ready, int notReady, int undetermined)
        {
            Target = target;
            Ready = ready;
            NotReady = notReady;
            Undetermined = undetermined;
        }

        public string Target { get; }

        public int Ready { get; }

        public int NotReady { get; }

        public int Undetermined { get; }
    }

    public sealed class FailingCheck
    {
        public FailingCheck(string checkId, int hosts, string? remediation)
        {
            CheckId = checkId;
            Hosts = hosts;
            Remediation = remediation;
        }

        public string CheckId { get; }

        /// <summary>How many host and model pairs it fails on.</summary>
        public int Hosts { get; }

        /// <summary>The most common remediation given for it; null when only summaries were piped.</summary>
        public string? Remediation { get; }
    }

    /// <summary>One host (and model) of the report.</summary>
    public sealed class HostRow
    {
        public HostRow(ReadinessSummary? summary, HardwareInventory? inventory)
        {
            ComputerName = summary?.ComputerName ?? inventory?.ComputerName ?? string.Empty;
            Target = summary?.Target ?? string.Empty;
            Verdict = summary?.Verdict;
            Blocking = summary?.BlockingChecks ?? Array.Empty<string>();
            LargestFitPrecision = summary?.LargestFitPrecision;
            GpuMemoryBytes = summary?.GpuMemoryBytes ?? Sum(inventory);
            RequiredGpuMemoryBytes = summary?.RequiredGpuMemoryBytes;
            Gpus = inventory is null || inventory.Gpus.Length == 0
                ? (inventory is null ? string.Empty : "none")
                : string.Join(", ", inventory.Gpus.GroupBy(g => g.Name).Select(g => g.Count() + " x " + g.Key));
        }

        public string ComputerName { get; }

        public string Target { get; }

        public ReadinessVerdict? Verdict { get; }

        public IReadOnlyList<string> Blocking { get; }

        public string? LargestFitPrecision { get; }

        public long? GpuMemoryBytes { get; }

        public long? RequiredGpuMemoryBytes { get; }

        public string Gpus { get; }

        private static long? Sum(HardwareInventory? inventory) =>
            inventory is null || inventory.Gpus.All(g => g.MemoryTotalBytes is null) ? (long?)null : Sizing.Saturating.Add(inventory.Gpus.Select(g => g.MemoryTotalBytes ?? 0).ToArray());
    }
}
