using System.Collections.Generic;
using System.Linq;
using DeepSeekHw.Catalog;

namespace DeepSeekHw.Sizing
{
    /// <summary>The GPUs a machine has, as sizing sees them: one catalog entry and how many of it.</summary>
    public sealed class InstalledGpus
    {
        private InstalledGpus(GpuSpec spec, int count, int ignored)
        {
            Spec = spec;
            Count = count;
            Ignored = ignored;
        }

        public GpuSpec Spec { get; }

        public int Count { get; }

        /// <summary>GPUs left out: another model than the most common one, or not in the catalog.</summary>
        public int Ignored { get; }

        /// <summary>
        /// Picks the most common catalog GPU among an inventory's GPUs (named by their matched spec, or by the name the tool
        /// reported). Tensor parallelism needs identical GPUs, so a mixed machine is sized on its largest identical group.
        /// Null when no GPU is in the catalog.
        /// </summary>
        public static InstalledGpus? From(IEnumerable<string?> gpuNames, DeepSeekCatalog catalog)
        {
            var names = gpuNames.ToList();
            var group = names
                .Select(name => string.IsNullOrWhiteSpace(name) ? null : catalog.FindGpu(name!))
                .Where(spec => spec != null)
                .GroupBy(spec => spec!.Name)
                .OrderByDescending(g => g.Count())
                .ThenByDescending(g => g.First()!.MemoryBytes)
                .FirstOrDefault();
            return group is null ? null : new InstalledGpus(group.First()!, group.Count(), names.Count - group.Count());
        }
    }
}
