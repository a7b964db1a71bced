using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using DeepSeekHw.Facts;

namespace DeepSeekHw.Collection
{
    /// <summary>
    /// The self-contained PowerShell collector sent to nodes through Invoke-Command (nothing installed there). Its runner is
    /// the embedded Collector.ps1; everything it collects and how it redacts are generated into it from the same
    /// FactSourceTable, probe files and FactRedaction patterns the module's own collector uses, so the two cannot drift.
    /// </summary>
    public static class RemoteCollector
    {
        private const string DataMarker = "#<data>";

        private static readonly Lazy<string> Generated = new Lazy<string>(Generate);

        /// <summary>The script; parameters: TimeoutSec, MaxOutputBytes, IncludeIdentifier, CollectorVersion. It writes the bundle as JSON.</summary>
        public static string Script => Generated.Value;

        private static string Generate()
        {
            var template = ReadTemplate();
            var data = new StringBuilder();
            data.AppendLine("$Table = @{");
            data.Append("    Linux = ").AppendLine(Rows(FactSourceTable.Linux));
            data.Append("    Windows = ").AppendLine(Rows(FactSourceTable.Windows));
            data.AppendLine("}");
            data.AppendLine("$Probes = @{");
            foreach (var script in FactSourceTable.Linux.Concat(FactSourceTable.Windows).Select(r => r.Script).Where(s => s != null).Distinct(StringComparer.Ordinal))
            {
                data.Append("    ").Append(Literal(script!)).Append(" = ").AppendLine(Literal(FactSourceTable.ReadScript(script!)));
            }

            data.AppendLine("}");
            data.AppendLine("$Redaction = @{");
            foreach (var rule in FactRedaction.Rules)
            {
                data.Append("    ").Append(rule.Key).Append(" = [Text.RegularExpressions.Regex]::new(").Append(Literal(rule.Value.ToString()))
                    .Append(", [Text.RegularExpressions.RegexOptions]").Append(((int)rule.Value.Options).ToString(CultureInfo.InvariantCulture))
                    .AppendLine(", [TimeSpan]::FromSeconds(2))");
            }

            data.Append('}');
            var at = template.IndexOf(DataMarker, StringComparison.Ordinal);
            return template.Substring(0, at) + data + template.Substring(at + DataMarker.Length);
        }

        private static string Rows(IEnumerable<FactSourceSpec> rows)
        {
            var text = new StringBuilder("@(").AppendLine();
            foreach (var row in rows)
            {
                text.Append("        @{ Id = ").Append(Literal(row.Id))
                    .Append("; Kind = ").Append(Literal(row.Kind.ToString()))
                    .Append("; Executable = ").Append(row.Executable is null ? "$null" : Literal(row.Executable))
                    .Append("; Arguments = ").Append(Array(row.Arguments))
                    .Append("; Fallbacks = ").Append(Array(row.Fallbacks))
                    .Append("; TimeoutSec = ").Append(((int)(row.Timeout?.TotalSeconds ?? 0)).ToString(CultureInfo.InvariantCulture))
                    .Append("; OnlyWhenMissing = ").Append(row.OnlyWhenMissing is null ? "$null" : Literal(row.OnlyWhenMissing))
                    .Append("; Script = ").Append(row.Script is null ? "$null" : Literal(row.Script))
                    .Append("; Files = ").Append(Array(row.Files))
                    .Append("; Excluded = ").Append(Array(row.ExcludedNames))
                    .AppendLine(" }");
            }

            return text.Append("    )").ToString();
        }

        private static string Array(IEnumerable<string> values) => "@(" + string.Join(", ", values.Select(Literal)) + ")";

        /// <summary>A single-quoted PowerShell literal: quote characters (including the typographic ones PowerShell also honours) doubled.</summary>
        internal static string Literal(string value)
        {
            var text = new StringBuilder("'");
            foreach (var c in value)
            {
                if (c == '\'' || c == '\u2018' || c == '\u2019' || c == '\u201A' || c == '\u201B')
                {
                    text.Append(c);
                }

                text.Append(c);
            }

            return text.Append('\'').ToString();
        }

        private static string ReadTemplate()
        {
            using var stream = typeof(RemoteCollector).Assembly.GetManifestResourceStream("DeepSeekHw.Collection.Remote.Collector.ps1")
                ?? throw new InvalidOperationException("Embedded remote collector missing.");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd().Replace("\r\n", "\n");
        }
    }
}
