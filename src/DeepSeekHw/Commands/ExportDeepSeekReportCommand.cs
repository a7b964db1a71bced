using System;
using System.IO;
using System.Management.Automation;
using DeepSeekHw.Commands.Infrastructure;
using DeepSeekHw.Reports;

namespace DeepSeekHw.Commands
{
    /// <summary>The formats Export-DeepSeekReport writes.</summary>
    public enum ReportFormat
    {
        /// <summary>From the file's extension: Markdown for .md, HTML otherwise.</summary>
        Auto,

        /// <summary>One self-contained HTML file: inline style and SVG chart, no script, nothing fetched.</summary>
        Html,

        /// <summary>Markdown tables, for a wiki page or a pull request.</summary>
        Markdown,
    }

    /// <summary>Writes a fleet report, for people, from readiness results and inventories.</summary>
    /// <remarks>
    /// <para>Export-DeepSeekReport summarizes what it is piped: for each model (or profile) how many machines are Ready,
    /// NotReady or Undetermined; the checks that fail most often with their remediation (when checks, not only
    /// summaries, are piped); a chart of each machine's GPU memory against what the model needs; and one row per
    /// machine and model with its verdict, blocking checks, GPUs and the widest precision that fits. HTML is one
    /// self-contained file (no script, no network fetch) that opens anywhere and prints; Markdown suits wikis and pull
    /// requests. Text from machines is escaped. The file is written atomically and overwritten unless -NoClobber.</para>
    /// <para>Errors: InputObjectNotSupported (an object that is not a readiness result or inventory; the rest is
    /// written), ReportFileExists (-NoClobber), ReportFileUnwritable.</para>
    /// </remarks>
    /// <example>
    /// <code>Test-DeepSeekReadiness -Model DeepSeek-R1-Distill-Qwen-7B -Summary | Export-DeepSeekReport -Path ./readiness.html</code>
    /// <para>Writes an HTML report of this machine's verdict.</para>
    /// </example>
    /// <example>
    /// <code>Get-DeepSeekProfile -Name Basic-* | Test-DeepSeekReadiness | Export-DeepSeekReport -Path ./tiers.md</code>
    /// <para>Writes a Markdown report (chosen by the extension) of this machine against two tiers, with the failing checks and their remediation.</para>
    /// </example>
    /// <example>
    /// <code>$fleet = Get-DeepSeekHardware -HostName (Get-Content gpu-nodes.txt) -UserName ops -KeyFilePath ~/.ssh/fleet_ed25519
    /// @($fleet; $fleet | Test-DeepSeekReadiness -Model DeepSeek-V3 -Summary) | Export-DeepSeekReport -Path ./fleet.html</code>
    /// <para>Audits a fleet over SSH and writes one report for the people who decide what to buy.</para>
    /// </example>
    [Cmdlet(VerbsData.Export, "DeepSeekReport", SupportsShouldProcess = true, DefaultParameterSetName = "Path")]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportDeepSeekReportCommand : DeepSeekExportCommand
    {
        /// <summary>Html, Markdown, or Auto (default): Markdown for a .md or .markdown file, HTML otherwise.</summary>
        [Parameter]
        public ReportFormat Format { get; set; } = ReportFormat.Auto;

        /// <summary>The report's title (default: "DeepSeek readiness report").</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Title { get; set; } = "DeepSeek readiness report";

        protected override string Action => "Write a readiness report";

        internal override string Render(ResultSet results)
        {
            var report = FleetReport.Build(results.Summaries, results.Checks, results.Inventories, DateTimeOffset.UtcNow);
            var extension = System.IO.Path.GetExtension(GivenPath);
            var markdown = Format == ReportFormat.Markdown
                || (Format == ReportFormat.Auto && (string.Equals(extension, ".md", StringComparison.OrdinalIgnoreCase) || string.Equals(extension, ".markdown", StringComparison.OrdinalIgnoreCase)));
            return markdown ? ReportRenderer.Markdown(report, Title) : ReportRenderer.Html(report, Title);
        }
    }
}
