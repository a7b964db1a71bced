using System;
using System.Management.Automation;
using DeepSeekHw.Commands.Infrastructure;
using DeepSeekHw.Reports;

namespace DeepSeekHw.Commands
{
    /// <summary>Writes readiness results and inventories as Prometheus metrics for node_exporter's textfile collector.</summary>
    /// <remarks>
    /// <para>Export-DeepSeekMetric writes the text exposition format (version 0.0.4) with HELP and TYPE lines:
    /// deepseekhw_ready and deepseekhw_verdict per machine and model (or profile), deepseekhw_blocking_checks,
    /// deepseekhw_check_status per check (0 pass, 1 warning, 2 fail, 3 unknown, -1 not applicable),
    /// deepseekhw_gpu_memory_bytes per GPU and deepseekhw_gpus per inventory, and
    /// deepseekhw_last_run_timestamp_seconds. Labels are computer, model or profile, target, check, category, index and
    /// name, escaped as the format requires. The file is written atomically (a scraper never reads half a file) and
    /// overwritten on every run unless -NoClobber, so a scheduled task can point it at the collector's directory.</para>
    /// <para>Errors: InputObjectNotSupported (an object that is not a readiness result or inventory; the rest is written),
    /// ReportFileExists (-NoClobber), ReportFileUnwritable.</para>
    /// </remarks>
    /// <example>
    /// <code>Test-DeepSeekReadiness -Model DeepSeek-R1-Distill-Qwen-7B | Export-DeepSeekMetric -Path ./deepseekhw.prom</code>
    /// <para>Writes this machine's checks as metrics; alert on deepseekhw_check_status == 2.</para>
    /// </example>
    /// <example>
    /// <code>Test-DeepSeekReadiness -Model DeepSeek-R1-Distill-Qwen-7B -Summary | Export-DeepSeekMetric -Path ./readiness.prom -PassThru</code>
    /// <para>Writes the verdict (deepseekhw_ready, deepseekhw_verdict) and returns the file.</para>
    /// </example>
    /// <example>
    /// <code>@(Get-DeepSeekHardware; Test-DeepSeekReadiness -Model DeepSeek-R1-Distill-Qwen-7B -Summary) | Export-DeepSeekMetric -LiteralPath ./deepseekhw.prom</code>
    /// <para>GPU memory and the verdict in one file. On a node with node_exporter, point -LiteralPath into its --collector.textfile.directory (e.g. /var/lib/node_exporter/textfile_collector) and run it from a timer.</para>
    /// </example>
    [Cmdlet(VerbsData.Export, "DeepSeekMetric", SupportsShouldProcess = true, DefaultParameterSetName = "Path")]
    [OutputType(typeof(System.IO.FileInfo))]
    public sealed class ExportDeepSeekMetricCommand : DeepSeekExportCommand
    {
        protected override string Action => "Write Prometheus metrics";

        internal override string Render(ResultSet results)
        {
            var metrics = new PrometheusText();
            results.Summaries.ForEach(metrics.AddSummary);
            results.Checks.ForEach(metrics.AddCheck);
            results.Inventories.ForEach(metrics.AddInventory);
            return metrics.Write(DateTimeOffset.UtcNow);
        }
    }
}
