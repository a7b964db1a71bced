using System;
using System.IO;
using System.Management.Automation;
using DeepSeekHw.Commands.Infrastructure;
using DeepSeekHw.Facts;

namespace DeepSeekHw.Commands
{
    /// <summary>Collects this machine's raw facts and saves them as a fact bundle to replay anywhere.</summary>
    /// <remarks>
    /// <para>Export-DeepSeekFactBundle runs the same collection as Get-DeepSeekHardware and writes the raw tool output and file
    /// contents, unparsed, as deepseekhw/facts@1 JSON (docs/facts.md). Replay it on any machine with
    /// Get-DeepSeekHardware -FactsPath: useful for air-gapped servers, support tickets and fleet audits, and as a test fixture.</para>
    /// <para>The bundle holds the tools' output and the system files listed in docs/facts.md, and nothing that identifies
    /// people or holds secrets: process lists, serial numbers, MAC addresses and user names are removed as they are
    /// collected, GPU UUIDs are replaced by a short hash, and anything shaped like a token or password is masked.
    /// -IncludeIdentifier keeps them, for a support case that needs them. An existing file is not overwritten unless -Force is given, and the file is written whole
    /// or not at all (a temporary file beside it is renamed into place). -LiteralPath takes names with brackets as they
    /// are. The old name Export-DeepSeekFacts is an alias.</para>
    /// </remarks>
    /// <example>
    /// <code>Export-DeepSeekFactBundle -Path ./gpu01.facts.json</code>
    /// <para>Saves this machine's facts to gpu01.facts.json.</para>
    /// </example>
    /// <example>
    /// <code>Export-DeepSeekFactBundle -LiteralPath "./facts [$(hostname)].json" -WhatIf</code>
    /// <para>Shows which file would be written, with brackets in its name taken literally, without collecting anything.</para>
    /// </example>
    /// <example>
    /// <code>Export-DeepSeekFactBundle -Path ./gpu01.facts.json -Force -PassThru | Get-DeepSeekHardware</code>
    /// <para>Replaces an older bundle and shows the inventory it holds.</para>
    /// </example>
    [Cmdlet(VerbsData.Export, "DeepSeekFactBundle", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = PathSet)]
    [Alias("Export-DeepSeekFacts")]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportDeepSeekFactBundleCommand : DeepSeekCmdlet
    {
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";

        /// <summary>The file to write. A wildcard names an existing file (exactly one); otherwise the path is taken as written.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        /// <summary>The file to write, exactly as written: no character is a wildcard.</summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string LiteralPath { get; set; } = string.Empty;

        /// <summary>Seconds each native tool may run before it and its child processes are killed (1-600, default 15).</summary>
        [Parameter]
        [ValidateRange(1, 600)]
        public int TimeoutSec { get; set; } = 15;

        /// <summary>Keeps what is otherwise redacted as it is collected: GPU serial numbers and UUIDs, process lists, MAC addresses, user and owner names.</summary>
        [Parameter]
        public SwitchParameter IncludeIdentifier { get; set; }

        /// <summary>Overwrites an existing file, or replaces a symbolic link there (the link, never its target).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Writes the file's FileInfo to the pipeline.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void EndProcessing()
        {
            var file = ParameterSetName == LiteralPathSet ? ResolveOutputFile(LiteralPath, literal: true) : ResolveOutputFile(Path, literal: false);
            if (file is null)
            {
                return;
            }

            var link = AtomicFile.IsSymbolicLink(file);
            if ((File.Exists(file) || link) && !Force)
            {
                var ex = new IOException(link
                    ? "'" + file + "' is a symbolic link. Use -Force to replace the link itself (the file it points to is never written)."
                    : "The file '" + file + "' already exists. Use -Force to overwrite it.");
                WriteError(ErrorRecords.Create(ex, ErrorIds.FactsFileExists, ErrorCategory.ResourceExists, file, "Add -Force, or choose another -Path."));
                return;
            }

            if (Directory.Exists(file))
            {
                var ex = new IOException("'" + file + "' is a directory; give the path of the bundle file to write.");
                WriteError(ErrorRecords.Create(ex, ErrorIds.FactsFileUnwritable, ErrorCategory.InvalidArgument, file));
                return;
            }

            if (!ShouldProcess(file, "Collect this machine's facts and write them"))
            {
                return;
            }

            var json = FactBundleJson.Write(LocalFacts.Collect(TimeoutSec, WriteVerbose, IncludeIdentifier));
            try
            {
                AtomicFile.WriteAllText(file, json);
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
