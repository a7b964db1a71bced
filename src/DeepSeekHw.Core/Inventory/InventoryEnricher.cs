using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using DeepSeekHw.Catalog;

namespace DeepSeekHw.Inventory
{
    /// <summary>
    /// The step after parsing, and the only one that consults the catalog: each GPU is matched to its catalog entry
    /// (<see cref="GpuDevice.Spec"/>) by the name its tool reported, and facts the tool did not report (compute
    /// capability, gfx target, architecture) are filled from it. Measured facts are never overwritten. Used for
    /// inventories parsed here, replayed from bundles, and deserialized from remoting alike.
    /// </summary>
    public static class InventoryEnricher
    {
        private static readonly Regex Bracketed = new Regex(@"\[(?<name>[^\]]+)\]", RegexOptions.CultureInvariant);

        public static HardwareInventory Enrich(HardwareInventory inventory, DeepSeekCatalog catalog)
        {
            if (inventory is null)
            {
                throw new ArgumentNullException(nameof(inventory));
            }

            if (catalog is null)
            {
                throw new ArgumentNullException(nameof(catalog));
            }

            var warnings = new List<InventoryWarning>(inventory.Warnings.Where(w => w.Kind != WarningKind.GpuNotInCatalog));
            foreach (var gpu in inventory.Gpus)
            {
                gpu.Spec = Match(gpu.Name, catalog);
                if (gpu.Spec is null)
                {
                    warnings.Add(new InventoryWarning(gpu.Source, WarningKind.GpuNotInCatalog, string.Format(
                        CultureInfo.InvariantCulture,
                        "GPU {0} '{1}' is not in the catalog; sizing needs its figures (add it with Import-DeepSeekCatalog).",
                        gpu.Index,
                        gpu.Name)));
                    continue;
                }

                gpu.ComputeCapability ??= gpu.Spec.ComputeCapability;
                gpu.GfxTarget ??= gpu.Spec.GfxTarget;
                gpu.Architecture ??= gpu.Spec.Architecture;
            }

            inventory.Warnings = warnings.ToArray();
            return inventory;
        }

        // The name as reported ("NVIDIA H100 80GB HBM3"), else a catalog name in brackets ("Navi 31 [Radeon RX 7900 XTX]").
        private static GpuSpec? Match(string name, DeepSeekCatalog catalog)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                return null;
            }

            var spec = catalog.FindGpu(name);
            if (spec is null && Bracketed.Match(name) is { Success: true } bracketed)
            {
                spec = catalog.FindGpu(bracketed.Groups["name"].Value);
            }

            return spec;
        }
    }
}
