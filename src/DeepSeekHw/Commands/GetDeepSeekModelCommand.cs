using System.Management.Automation;
using DeepSeekHw.Catalog;
using DeepSeekHw.Commands.Completers;
using DeepSeekHw.Commands.Infrastructure;

namespace DeepSeekHw.Commands
{
    /// <summary>Gets DeepSeek models from the catalog, with the architecture fields that sizing uses.</summary>
    /// <remarks>
    /// <para>Get-DeepSeekModel returns one DeepSeekHw.ModelSpec per model: published total and active parameter counts,
    /// attention kind (multi-head latent attention for DeepSeek-V2/V3, grouped-query for the R1 distills, multi-head for
    /// the early LLM and Coder models), layer and expert counts, MLA ranks, vocabulary, context length, native dtype and
    /// checkpoint size, each published figure with its source.</para>
    /// <para>Names match the catalog name, the Hugging Face repository id (with or without the deepseek-ai/ owner) and
    /// aliases such as R1 or Ollama tags like deepseek-r1:7b; case, spaces and punctuation are ignored. Wildcards are
    /// allowed. A name that matches nothing writes a ModelNotFound error that suggests the closest names.</para>
    /// <para>Models added with Import-DeepSeekCatalog appear alongside the built-in ones.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-DeepSeekModel</code>
    /// <para>Lists every model in the catalog.</para>
    /// </example>
    /// <example>
    /// <code>Get-DeepSeekModel -Name DeepSeek-V3 | Format-List *</code>
    /// <para>Shows every field of DeepSeek-V3, including KvLoraRank 512 and QkRopeHeadDim 64, the latent size that makes its KV cache small.</para>
    /// </example>
    /// <example>
    /// <code>Get-DeepSeekModel -Name *Distill* | Where-Object TotalParameters -lt 10e9</code>
    /// <para>Lists the R1 distills with fewer than ten billion parameters.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "DeepSeekModel")]
    [OutputType(typeof(ModelSpec))]
    public sealed class GetDeepSeekModelCommand : DeepSeekCmdlet
    {
        /// <summary>Model names, repository ids or aliases; wildcards are allowed. Omit to list every model.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ModelNameCompleter))]
        public string[]? Name { get; set; }

        protected override void ProcessRecord()
        {
            if (Name is null)
            {
                WriteObject(Catalog.Models, enumerateCollection: true);
                return;
            }

            foreach (var model in ResolveNames(Name, Catalog.Models, DeepSeekCatalog.ModelNames, Catalog.FindModel, ModelNotFound))
            {
                WriteObject(model);
            }
        }
    }
}
