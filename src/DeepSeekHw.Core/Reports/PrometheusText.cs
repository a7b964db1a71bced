using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace DeepSeekHw.Reports
{
    /// <summary>
    /// Readiness results and inventories as Prometheus text exposition (version 0.0.4) for node_exporter's textfile
    /// collector: one gauge family per metric with its HELP and TYPE, samples grouped by family, label values escaped.
    /// </summary>
    public sealed class PrometheusText
    {
        /// <summary>deepseekhw_check_status values: an alert can ask "== 2" for failures.</summary>
        public static readonly IReadOnlyDictionary<ReadinessStatus, int> StatusValues = new Dictionary<ReadinessStatus, int>
        {
            [ReadinessStatus.Pass] = 0,
            [ReadinessStatus.Warning] = 1,
            [ReadinessStatus.Fail] = 2,
            [ReadinessStatus.Unknown] = 3,
            [ReadinessStatus.NotApplicable] = -1,
        };

        private static readonly (string Name, string Help)[] Families =
        {
            ("deepseekhw_ready", "1 when the machine is Ready for the model or profile (no check failed, every deciding fact known), else 0."),
            ("deepseekhw_verdict", "The readiness verdict as a state set: 1 for the machine's verdict (Ready, NotReady, Undetermined), 0 for the others."),
            ("deepseekhw_blocking_checks", "How many checks block the verdict (failed, or deciding and unknown)."),
            ("deepseekhw_check_status", "A readiness check's status: 0 pass, 1 warning, 2 fail, 3 unknown, -1 not applicable."),
            ("deepseekhw_gpu_memory_bytes", "Memory of a GPU as its driver reports it, in bytes."),
            ("deepseekhw_gpus", "GPUs an inventory lists."),
            ("deepseekhw_last_run_timestamp_seconds", "When these metrics were written, in seconds since the Unix epoch."),
        };

        private readonly Dictionary<string, SortedDictionary<string, string>> _samples = Families.ToDictionary(f => f.Name, _ => new SortedDictionary<string, string>(StringComparer.Ordinal), StringComparer.Ordinal);

        public void AddSummary(ReadinessSummary summary)
        {
            if (summary is null)
            {
                throw new ArgumentNullException(nameof(summary));
            }

            var labels = Subject(summary.ComputerName, summary.Target, summary.Model, summary.Profile);
            Add("deepseekhw_ready", labels, summary.Verdict == ReadinessVerdict.Ready ? 1 : 0);
            foreach (ReadinessVerdict state in Enum.GetValues(typeof(ReadinessVerdict)))
            {
                Add("deepseekhw_verdict", labels.Concat(new[] { ("verdict", state.ToString()) }), summary.Verdict == state ? 1 : 0);
            }

            Add("deepseekhw_blocking_checks", labels, summary.BlockingChecks?.Length ?? 0);
        }

        public void AddCheck(ReadinessCheck check)
        {
            if (check is null)
            {
                throw new ArgumentNullException(nameof(check));
            }

            var labels = Subject(check.ComputerName, check.Target, check.Model, check.Profile).Concat(new[] { ("check", check.CheckId), ("category", check.Category) });
            Add("deepseekhw_check_status", labels, StatusValues[check.Status]);
        }

        public void AddInventory(HardwareInventory inventory)
        {
            if (inventory is null)
            {
                throw new ArgumentNullException(nameof(inventory));
            }

            var computer = new[] { ("computer", inventory.ComputerName) };
            Add("deepseekhw_gpus", computer, inventory.Gpus.Length);
            foreach (var gpu in inventory.Gpus.Where(g => g.MemoryTotalBytes is long))
            {
                Add("deepseekhw_gpu_memory_bytes", computer.Concat(new[] { ("index", gpu.Index.ToString(CultureInfo.InvariantCulture)), ("name", gpu.Name) }), gpu.MemoryTotalBytes!.Value);
            }
        }

        /// <summary>The exposition: every family with samples, then the run's timestamp.</summary>
        public string Write(DateTimeOffset now)
        {
            Add("deepseekhw_last_run_timestamp_seconds", Array.Empty<(string, string)>(), now.ToUnixTimeMilliseconds() / 1000.0);
            var text = new StringBuilder();
            foreach (var (name, help) in Families)
            {
                var samples = _samples[name];
                if (samples.Count == 0)
                {
                    continue;
                }

                text.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n');
                text.Append("# TYPE ").Append(name).Append(" gauge\n");
                foreach (var sample in samples)
                {
                    text.Append(name).Append(sample.Key).Append(' ').Append(sample.Value).Append('\n');
                }
            }

            return text.ToString();
        }

        private static (string, string)[] Subject(string computer, string target, string? model, string? profile)
        {
            var labels = new List<(string, string)> { ("computer", computer) };
            if (model != null)
            {
                labels.Add(("model", model));
            }

            if (profile != null)
            {
                labels.Add(("profile", profile));
            }

            labels.Add(("target", target));
            return labels.ToArray();
        }

        // A later sample of the same series replaces an earlier one: one value per series, as Prometheus requires.
        private void Add(string family, IEnumerable<(string Name, string Value)> labels, double value)
        {
            var set = labels.ToList();
            var key = set.Count == 0 ? string.Empty : "{" + string.Join(",", set.Select(l => l.Name + "=\"" + Escape(l.Value) + "\"")) + "}";
            _samples[family][key] = value.ToString("R", CultureInfo.InvariantCulture);
        }

        /// <summary>A label value as the text format requires: backslash, double quote and line feed escaped; no other control characters.</summary>
        internal static string Escape(string? value)
        {
            var text = new StringBuilder();
            foreach (var c in SafeText.Clean(value ?? string.Empty))
            {
                switch (c)
                {
                    case '\\':
                        text.Append("\\\\");
                        break;
                    case '"':
                        text.Append("\\\"");
                        break;
                    default:
                        text.Append(c);
                        break;
                }
            }

            return text.ToString();
        }
    }
}
