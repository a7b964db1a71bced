using System;
using System.IO;
using System.Management.Automation;
using System.Text;
using DeepSeekHw.Commands.Infrastructure;
using DeepSeekHw.Facts;

namespace DeepSeekHw.Commands
{
    /// <summary>Collects this machine's raw facts and saves them as a fact bundle to replay anywhere.</summary>
    /// <remarks>
    /// <para>Export-DeepSeekFacts runs the same collection as Get-DeepSeekHardware and writes the raw tool output and file
    /// contents, unparsed, as deepseekhw/facts@1 JSON (docs/facts.md). Replay it on any machine with
    /// Get-DeepSeekHardware -FactsPath: useful for air-gapped servers, support tickets and fleet audits, and as a test fixture.</para>
    /// <para>The bundle holds no environment variables, user names or secrets: only the tools' output and system files
    /// listed in docs/facts.md. An existing file is not overwritten unless -Force is given.</para>
    /// </remarks>
    /// <example>
    /// <code>Export-DeepSeekFacts -Path ./gpu01.facts.json</code>
    /// <para>Saves this machine's facts to gpu01.facts.json.</para>
    /// </example>
    /// <example>
    /// <code>Export-DeepSeekFacts -Path ./gpu01.facts.json -Force -PassThru | Get-DeepSeekHardware</code>
    /// <para>Replaces an older bundle and shows the inventory it holds.</para>
    /// </example>
    [Cmdlet(VerbsData.Export, "DeepSeekFacts", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportDeepSeekFactsCommand : DeepSeekCmdlet
    {
        /// <summary>The file to write.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        /// <summary>Seconds each native tool may run before it and its child processes are killed (1-600, default 15).</summary>
        [Parameter]
        [ValidateRange(1, 600)]
        public int TimeoutSec { get; set; } = 15;

        /// <summary>Overwrites an existing file.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Writes the file's FileInfo to the pipeline.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void EndProcessing()
        {
            var file = GetUnresolvedProviderPathFromPSPath(Path);
            if (File.Exists(file) && !Force)
            {
                var ex = new IOException("The file '" + file + "' already exists. Use -Force to overwrite it.");
                WriteError(ErrorRecords.Create(ex, ErrorIds.FactsFileExists, ErrorCategory.ResourceExists, file, "Add -Force, or choose another -Path."));
                return;
            }

            if (!ShouldProcess(file, "Collect this machine's facts and write them"))
            {
                return;
            }

            var json = FactBundleJson.Write(LocalFacts.Collect(TimeoutSec, WriteVerbose));
            try
            {
                File.WriteAllText(file, json, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                WriteError(ErrorRecords.Create(ex, ErrorIds.FactsFileUnwritable, ErrorCategory.WriteError, file));
                return;
            }

            if (PassThru)
            {
                WriteObject(new FileInfo(file));
            }
        }
    }
}
