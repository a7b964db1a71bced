using System.Management.Automation;
using DeepSeekHw.Catalog;
using DeepSeekHw.Commands.Completers;
using DeepSeekHw.Commands.Infrastructure;

namespace DeepSeekHw.Commands
{
    /// <summary>Gets GPU and accelerator specifications from the catalog.</summary>
    /// <remarks>
    /// <para>Get-DeepSeekGpuSpec returns one DeepSeekHw.GpuSpec per GPU: marketed and driver-reported memory in bytes,
    /// memory bandwidth in bytes per second, dense (not sparse) BF16, FP16, FP8 and INT8 tensor throughput, TDP,
    /// interconnect, compute capability or gfx target, and the source and confidence of the figures.</para>
    /// <para>A name can be the short name people type (H100-SXM, H100-PCIe, H200, A100-80GB, L40S, T4, RTX-4090, MI300X),
    /// an alias, or the product name a tool reports, such as "NVIDIA H100 80GB HBM3" from nvidia-smi, "NVIDIA
    /// A100-SXM4-80GB" or "AMD Instinct MI300X". SXM and PCIe boards are separate entries. Wildcards are allowed; a name
    /// that matches nothing writes a GpuNotFound error that suggests the closest names.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-DeepSeekGpuSpec -Name *H100*</code>
    /// <para>Lists the H100 variants (SXM, PCIe, NVL) separately, with memory, bandwidth and dense BF16 throughput.</para>
    /// </example>
    /// <example>
    /// <code>Get-DeepSeekGpuSpec -Name 'NVIDIA A100-SXM4-80GB'</code>
    /// <para>Resolves the name nvidia-smi reports to the A100-SXM4-80GB entry.</para>
    /// </example>
    /// <example>
    /// <code>Get-DeepSeekGpuSpec | Where-Object DenseFp8Tflops | Sort-Object MemoryBytes</code>
    /// <para>Lists the GPUs that have FP8 tensor units.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "DeepSeekGpuSpec")]
    [OutputType(typeof(GpuSpec))]
    public sealed class GetDeepSeekGpuSpecCommand : DeepSeekCmdlet
    {
        /// <summary>GPU short names, aliases or reported product names; wildcards are allowed. Omit to list every GPU.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(GpuNameCompleter))]
        public string[]? Name { get; set; }

        protected override void ProcessRecord()
        {
            if (Name is null)
            {
                WriteObject(Catalog.Gpus, enumerateCollection: true);
                return;
            }

            foreach (var gpu in ResolveNames(Name, Catalog.Gpus, DeepSeekCatalog.GpuNames, Catalog.FindGpu, GpuNotFound))
            {
                WriteObject(gpu);
            }
        }
    }
}
