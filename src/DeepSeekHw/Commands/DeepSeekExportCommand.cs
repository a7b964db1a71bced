using System;
using System.IO;
using System.Management.Automation;
using DeepSeekHw.Commands.Infrastructure;

namespace DeepSeekHw.Commands
{
    /// <summary>
    /// The shape of the export cmdlets that write what they were piped (readiness results, inventories) to one file:
    /// -Path or -LiteralPath, written atomically once the pipeline ends, overwritten unless -NoClobber (as Export-Csv),
    /// -WhatIf, -PassThru. An object of another kind costs one error and is left out.
    /// </summary>
    public abstract class DeepSeekExportCommand : DeepSeekCmdlet
    {
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";

        private readonly ResultSet _results = new ResultSet();

        /// <summary>Readiness summaries or checks (Test-DeepSeekReadiness) and inventories (Get-DeepSeekHardware), live or deserialized.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [ValidateNotNull]
        public PSObject? InputObject { get; set; }

        /// <summary>The file to write. A wildcard names an existing file (exactly one); otherwise the path is taken as written.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        /// <summary>The file to write, exactly as written: no character is a wildcard.</summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string LiteralPath { get; set; } = string.Empty;

        /// <summary>Refuses to overwrite an existing file.</summary>
        [Parameter]
        [Alias("NoOverwrite")]
        public SwitchParameter NoClobber { get; set; }

        /// <summary>Replaces a symbolic link at the path (the link, never the file it points to).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Writes the file's FileInfo to the pipeline.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>What is written, for -WhatIf ("Write Prometheus metrics").</summary>
        protected abstract string Action { get; }

        /// <summary>The file path as given, for choosing a format by extension.</summary>
        protected string GivenPath => ParameterSetName == LiteralPathSet ? LiteralPath : Path;

        protected override void ProcessRecord()
        {
            if (InputObject != null && !_results.Add(InputObject))
            {
                WriteError(ErrorRecords.Create(
                    new PSArgumentException("Only readiness summaries and checks (Test-DeepSeekReadiness) and inventories (Get-DeepSeekHardware) can be exported; got " + InputObject.TypeNames[0] + "."),
                    ErrorIds.InputObjectNotSupported,
                    ErrorCategory.InvalidType,
                    InputObject));
            }
        }

        protected override void EndProcessing()
        {
            var file = ParameterSetName == LiteralPathSet ? ResolveOutputFile(LiteralPath, literal: true) : ResolveOutputFile(Path, literal: false);
            if (file is null)
            {
                return;
            }

            var link = AtomicFile.IsSymbolicLink(file);
            if ((File.Exists(file) && NoClobber) || (link && !Force))
            {
                var ex = new IOException(link
                    ? "'" + file + "' is a symbolic link. Use -Force to replace the link itself (the file it points to is never written)."
                    : "The file '" + file + "' already exists and -NoClobber was given.");
                WriteError(ErrorRecords.Create(ex, ErrorIds.ReportFileExists, ErrorCategory.ResourceExists, file));
                return;
            }

            if (Directory.Exists(file))
            {
                WriteError(ErrorRecords.Create(new IOException("'" + file + "' is a directory; give the path of the file to write."), ErrorIds.ReportFileUnwritable, ErrorCategory.InvalidArgument, file));
                return;
            }

            if (!ShouldProcess(file, Action))
            {
                return;
            }

            try
            {
                AtomicFile.WriteAllText(file, Render(_results));
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                WriteError(ErrorRecords.Create(ex, ErrorIds.ReportFileUnwritable, ErrorCategory.WriteError, file));
                return;
            }

            if (PassThru)
            {
                WriteObject(new FileInfo(file));
            }
        }

        /// <summary>The file's whole text.</summary>
        internal abstract string Render(ResultSet results);
    }
}
