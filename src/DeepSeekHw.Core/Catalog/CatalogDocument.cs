using System.Collections.Generic;

namespace DeepSeekHw.Catalog
{
    /// <summary>The entries one catalog document holds.</summary>
    public sealed class CatalogDocument
    {
        public CatalogDocument(IReadOnlyList<ModelSpec> models, IReadOnlyList<GpuSpec> gpus)
        {
            Models = models;
            Gpus = gpus;
        }

        public IReadOnlyList<ModelSpec> Models { get; }

        public IReadOnlyList<GpuSpec> Gpus { get; }
    }
}
