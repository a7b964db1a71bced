using System;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text;

namespace DeepSeekHw.Reports
{
    /// <summary>
    /// A fleet report as one self-contained HTML file (inline style and SVG, no script, nothing fetched) or as Markdown.
    /// Every value from a machine is untrusted text: cleaned of control characters and HTML- or Markdown-escaped.
    /// </summary>
    public static class ReportRenderer
    {
        private const int ChartWidth = 1000;
        private const int LabelWidth = 330;
        private const int BarHeight = 18;

        public static string Html(FleetReport report, string title)
        {
            if (report is null)
            {
                throw new ArgumentNullException(nameof(report));
            }

            var html = new StringBuilder();
            html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .Append("<title>").Append(E(title)).Append("</title>\n<style>\n")
                .Append("body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2rem auto;max-width:1100px;color:#1f2933;padding:0 1rem}\n")
                .Append("h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #d9e2ec;padding-bottom:.3rem}\n")
                .Append(".meta{color:#627d98;font-size:.9rem}table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{text-align:left;padding:.35rem .6rem;border-bottom:1px solid #e4e7eb;vertical-align:top}\n")
                .Append("th{background:#f0f4f8}td.n{text-align:right;font-variant-numeric:tabular-nums}.Ready{color:#1b7f3b;font-weight:600}.NotReady{color:#b42318;font-weight:600}.Undetermined{color:#9a6700;font-weight:600}\n")
                .Append("svg{max-width:100%;height:auto}.cards{display:flex;flex-wrap:wrap;gap:1rem}.card{border:1px solid #d9e2ec;border-radius:6px;padding:.8rem 1rem;min-width:220px}.card .t{font-weight:600;margin-bottom:.4rem}\n")
                .Append("code{background:#f0f4f8;padding:0 .2rem;border-radius:3px}svg text{font-size:12px;fill:#1f2933}\n")
                .Append("</style>\n</head>\n<body>\n");
            html.Append("<h1>").Append(E(title)).Append("</h1>\n<p class=\"meta\">Generated ")
                .Append(report.Generated.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))
                .Append(" by DeepSeekHw from ").Append(report.Hosts.Select(h => h.ComputerName).Distinct(StringComparer.OrdinalIgnoreCase).Count().ToString(CultureInfo.InvariantCulture)).Append(" machine(s).</p>\n");

            html.Append("<section id=\"summary\">\n<h2>Readiness by model</h2>\n<div class=\"cards\">\n");
            foreach (var target in report.Targets)
            {
                html.Append("<div class=\"card\" data-target=\"").Append(E(target.Target)).Append("\"><div class=\"t\">").Append(E(target.Target)).Append("</div>")
                    .Append("<div><span class=\"Ready\">").Append(target.Ready).Append(" ready</span> · <span class=\"NotReady\">").Append(target.NotReady)
                    .Append(" not ready</span> · <span class=\"Undetermined\">").Append(target.Undetermined).Append(" undetermined</span></div></div>\n");
            }

            if (report.Targets.Count == 0)
            {
                html.Append("<p>No readiness results were given: pipe Test-DeepSeekReadiness output to include them.</p>\n");
            }

            html.Append("</div>\n</section>\n");

            html.Append("<section id=\"failing\">\n<h2>Most common failing checks</h2>\n");
            if (report.FailingChecks.Count == 0)
            {
                html.Append("<p>No check failed.</p>\n");
            }
            else
            {
                html.Append("<table id=\"failing-checks\"><thead><tr><th>Check</th><th>Machines</th><th>Remediation (the most common, on one machine)</th></tr></thead><tbody>\n");
                foreach (var check in report.FailingChecks)
                {
                    html.Append("<tr><td><code>").Append(E(check.CheckId)).Append("</code></td><td class=\"n\">").Append(check.Hosts)
                        .Append("</td><td>").Append(E(check.Remediation ?? "Run Test-DeepSeekReadiness on a machine for the remediation.")).Append("</td></tr>\n");
                }

                html.Append("</tbody></table>\n");
            }

            html.Append("</section>\n");
            AppendChart(html, report);

            html.Append("<section id=\"hosts\">\n<h2>Machines</h2>\n<table id=\"host-table\"><thead><tr><th>Machine</th><th>Model</th><th>Verdict</th><th>Blocking checks</th><th>GPUs</th><th>GPU memory</th><th>Needed</th><th>Widest fit</th></tr></thead><tbody>\n");
            foreach (var host in report.Hosts)
            {
                var verdict = host.Verdict?.ToString() ?? string.Empty;
                html.Append("<tr data-verdict=\"").Append(verdict).Append("\"><td>").Append(E(host.ComputerName)).Append("</td><td>").Append(E(host.Target))
                    .Append("</td><td class=\"").Append(verdict).Append("\">").Append(verdict).Append("</td><td>").Append(E(string.Join(", ", host.Blocking)))
                    .Append("</td><td>").Append(E(host.Gpus)).Append("</td><td class=\"n\">").Append(Size(host.GpuMemoryBytes)).Append("</td><td class=\"n\">").Append(Size(host.RequiredGpuMemoryBytes))
                    .Append("</td><td>").Append(E(host.LargestFitPrecision ?? string.Empty)).Append("</td></tr>\n");
            }

            html.Append("</tbody></table>\n</section>\n</body>\n</html>\n");
            return html.ToString();
        }

        public static string Markdown(FleetReport report, string title)
        {
            if (report is null)
            {
                throw new ArgumentNullException(nameof(report));
            }

            var md = new StringBuilder();
            md.Append("# ").Append(M(title)).Append("\n\nGenerated ").Append(report.Generated.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)).Append(" by DeepSeekHw.\n\n");
            md.Append("## Readiness by model\n\n| model | ready | not ready | undetermined |\n|---|---:|---:|---:|\n");
            foreach (var target in report.Targets)
            {
                md.Append("| ").Append(M(target.Target)).Append(" | ").Append(target.Ready).Append(" | ").Append(target.NotReady).Append(" | ").Append(target.Undetermined).Append(" |\n");
            }

            md.Append("\n## Most common failing checks\n\n");
            if (report.FailingChecks.Count == 0)
            {
                md.Append("No check failed.\n");
            }
            else
            {
                md.Append("| check | machines | remediation (the most common, on one machine) |\n|---|---:|---|\n");
                foreach (var check in report.FailingChecks)
                {
                    md.Append("| `").Append(M(check.CheckId)).Append("` | ").Append(check.Hosts).Append(" | ").Append(M(check.Remediation ?? string.Empty)).Append(" |\n");
                }
            }

            md.Append("\n## Machines\n\n| machine | model | verdict | blocking checks | GPUs | GPU memory | needed | widest fit |\n|---|---|---|---|---|---:|---:|---|\n");
            foreach (var host in report.Hosts)
            {
                md.Append("| ").Append(M(host.ComputerName)).Append(" | ").Append(M(host.Target)).Append(" | ").Append(host.Verdict?.ToString() ?? string.Empty)
                    .Append(" | ").Append(M(string.Join(", ", host.Blocking))).Append(" | ").Append(M(host.Gpus)).Append(" | ").Append(Size(host.GpuMemoryBytes))
                    .Append(" | ").Append(Size(host.RequiredGpuMemoryBytes)).Append(" | ").Append(M(host.LargestFitPrecision ?? string.Empty)).Append(" |\n");
            }

            return md.ToString();
        }

        // One bar per machine row: its GPU memory, with a mark at what the deployment needs.
        private static void AppendChart(StringBuilder html, FleetReport report)
        {
            var rows = report.Hosts.Where(h => h.GpuMemoryBytes != null || h.RequiredGpuMemoryBytes != null).ToList();
            html.Append("<section id=\"memory\">\n<h2>GPU memory against what the model needs</h2>\n");
            if (rows.Count == 0)
            {
                html.Append("<p>No machine reported GPU memory.</p>\n</section>\n");
                return;
            }

            var max = Math.Max(1, rows.Max(r => Math.Max(r.GpuMemoryBytes ?? 0, r.RequiredGpuMemoryBytes ?? 0)));
            var height = (rows.Count * (BarHeight + 8)) + 30;
            double X(long bytes) => LabelWidth + ((ChartWidth - LabelWidth - 90) * (double)bytes / max);
            html.Append("<svg id=\"memory-chart\" role=\"img\" aria-label=\"GPU memory per machine against the memory the model needs\" width=\"").Append(ChartWidth)
                .Append("\" height=\"").Append(height).Append("\" viewBox=\"0 0 ").Append(ChartWidth).Append(' ').Append(height).Append("\" xmlns=\"http://www.w3.org/2000/svg\">\n");
            for (var i = 0; i < rows.Count; i++)
            {
                var row = rows[i];
                var y = 10 + (i * (BarHeight + 8));
                var fill = row.Verdict switch { ReadinessVerdict.Ready => "#3f9c5a", ReadinessVerdict.NotReady => "#d64545", ReadinessVerdict.Undetermined => "#e1a230", _ => "#829ab1" };
                var label = row.ComputerName + (row.Target.Length > 0 ? " · " + Short(row.Target) : string.Empty);
                html.Append("<g class=\"bar\" data-machine=\"").Append(E(row.ComputerName)).Append("\">")
                    .Append("<text x=\"").Append(LabelWidth - 6).Append("\" y=\"").Append(y + 13).Append("\" text-anchor=\"end\">").Append(E(Truncate(label, 48))).Append("</text>");
                var width = X(row.GpuMemoryBytes ?? 0) - LabelWidth;
                html.Append("<rect class=\"have\" x=\"").Append(LabelWidth).Append("\" y=\"").Append(y).Append("\" width=\"").Append(N(Math.Max(0, width))).Append("\" height=\"").Append(BarHeight).Append("\" fill=\"").Append(fill).Append("\"><title>")
                    .Append(E(row.ComputerName + ": " + Size(row.GpuMemoryBytes) + " of GPU memory")).Append("</title></rect>");
                if (row.RequiredGpuMemoryBytes is long need)
                {
                    var x = X(need);
                    html.Append("<line class=\"need\" x1=\"").Append(N(x)).Append("\" x2=\"").Append(N(x)).Append("\" y1=\"").Append(y - 3).Append("\" y2=\"").Append(y + BarHeight + 3).Append("\" stroke=\"#102a43\" stroke-width=\"2\"><title>")
                        .Append(E("needs " + Size(need))).Append("</title></line>");
                }

                html.Append("<text x=\"").Append(N(Math.Max(X(row.GpuMemoryBytes ?? 0), X(row.RequiredGpuMemoryBytes ?? 0)) + 6)).Append("\" y=\"").Append(y + 13).Append("\">")
                    .Append(E(Size(row.GpuMemoryBytes))).Append("</text></g>\n");
            }

            html.Append("<text x=\"").Append(LabelWidth).Append("\" y=\"").Append(height - 6).Append("\">Bar: the machine's GPU memory (colour: verdict). Line: what the model needs in total.</text>\n</svg>\n</section>\n");
        }

        private static string Short(string target) => target.Split(',')[0];

        private static string Truncate(string text, int length) => text.Length <= length ? text : text.Substring(0, length - 1) + "…";

        private static string Size(long? bytes) => bytes is long b ? ByteSize.Format(b) : string.Empty;

        private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

        private static string E(string text) => WebUtility.HtmlEncode(SafeText.Clean(text));

        // Markdown table cells: no line breaks, pipes and the characters that start markup escaped.
        private static string M(string text)
        {
            var clean = SafeText.Clean(text);
            var md = new StringBuilder(clean.Length);
            foreach (var c in clean)
            {
                if ("\\`*_[]<>|#".IndexOf(c) >= 0)
                {
                    md.Append('\\');
                }

                md.Append(c);
            }

            return md.ToString();
        }
    }
}
