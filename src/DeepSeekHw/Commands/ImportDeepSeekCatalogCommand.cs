using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using DeepSeekHw.Catalog;
using DeepSeekHw.Commands.Infrastructure;

namespace DeepSeekHw.Commands
{
    /// <summary>Adds models and GPUs from your own catalog file to the current session.</summary>
    /// <remarks>
    /// <para>Import-DeepSeekCatalog reads a JSON file in the catalog schema (deepseekhw/catalog@1, described in
    /// about_DeepSeekHw and docs/catalog.md) and overlays its entries on the built-in catalog for the current session:
    /// an entry whose name, id or alias the catalog already knows replaces that entry; any other entry is added. A model
    /// entry carries the model's Hugging Face config.json verbatim under "config", so a new DeepSeek release can be sized
    /// the day it ships.</para>
    /// <para>The file is checked as strictly as the built-in catalog. A file that is not valid JSON or breaks the schema
    /// writes a CatalogInvalid error naming the entry and field, and nothing from that file is imported. The import lasts
    /// for the session (the runspace); import again in each remote session.</para>
    /// </remarks>
    /// <example>
    /// <code>Import-DeepSeekCatalog -Path ./my-models.json -PassThru</code>
    /// <para>Imports the file and shows the models and GPUs it added or replaced.</para>
    /// </example>
    /// <example>
    /// <code>Import-DeepSeekCatalog -Path ./lab-gpus.json; Get-DeepSeekGpuSpec -Name MyLab-*</code>
    /// <para>Adds a lab's own accelerators, then lists them.</para>
    /// </example>
    /// <example>
    /// <code>Import-DeepSeekCatalog -Path ./my-models.json -WhatIf</code>
    /// <para>Validates the file and says what would be imported, without changing the session.</para>
    /// </example>
    [Cmdlet(VerbsData.Import, "DeepSeekCatalog", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = PathSet)]
    [OutputType(typeof(ModelSpec), typeof(GpuSpec))]
    public sealed class ImportDeepSeekCatalogCommand : DeepSeekCmdlet
    {
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";

        /// <summary>Path of a catalog JSON file; wildcards are allowed, and a pattern that matches no file is an error.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = PathSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = Array.Empty<string>();

        /// <summary>Path of a catalog JSON file exactly as written: no character is a wildcard. Files piped from Get-ChildItem bind here.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = LiteralPathSet)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath { get; set; } = Array.Empty<string>();

        /// <summary>Writes the imported model and GPU entries to the pipeline.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var literal = ParameterSetName == LiteralPathSet;
            foreach (var path in literal ? LiteralPath : Path)
            {
                foreach (var file in ResolveFiles(path, literal, ErrorIds.CatalogFileUnreadable))
                {
                    Import(file);
                }
            }
        }


        private void Import(string file)
        {
            CatalogDocument document;
            try
            {
                if (new FileInfo(file).Length > CatalogReader.MaxFileBytes)
                {
                    throw new CatalogException(file + ": the file is larger than " + CatalogReader.MaxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) + " bytes; a catalog of every DeepSeek model and GPU is under 200 KiB.");
                }

                document = CatalogReader.Read(File.ReadAllText(file), file);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                WriteError(ErrorRecords.Create(ex, ErrorIds.CatalogFileUnreadable, ErrorCategory.ReadError, file));
                return;
            }
            catch (CatalogException ex)
            {
                WriteError(ErrorRecords.Create(ex, ErrorIds.CatalogInvalid, ErrorCategory.InvalidData, file,
                    "Fix the entry named in the message; docs/catalog.md describes the schema."));
                return;
            }

            var summary = string.Format(System.Globalization.CultureInfo.InvariantCulture, "{0} model(s) and {1} GPU(s)", document.Models.Count, document.Gpus.Count);
            if (!ShouldProcess(file, "Import " + summary + " into the session catalog"))
            {
                return;
            }

            SessionCatalog.Set(Catalog.Merge(document, file));
            WriteVerbose("Imported " + summary + " from " + file);
            if (PassThru)
            {
                WriteObject(document.Models, enumerateCollection: true);
                WriteObject(document.Gpus, enumerateCollection: true);
            }
        }
    }
}
