using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using DeepSeekHw.Catalog;

namespace DeepSeekHw.Inventory
{
    /// <summary>
    /// The step after parsing, and the only one that consults reference data: each GPU is identified by its PCI device id
    /// (or, without one, its reported name or architecture) in the PCI ID database, matched to its catalog entry
    /// (<see cref="GpuDevice.Spec"/>) by device id, then name, and the facts its tool did not report (compute capability,
    /// gfx target, architecture) are filled with their basis. Measured facts are never overwritten. Used for inventories
    /// parsed here, replayed from bundles, and deserialized from remoting alike.
    /// </summary>
    public static class InventoryEnricher
    {
        private static readonly Regex Bracketed = new Regex(@"\[(?<name>[^\]]+)\]", RegexOptions.CultureInvariant);

        // Names tools (or our parsers) give a GPU they cannot name: the PCI ID database names it better.
        private static readonly Regex Placeholder = new Regex(@"^(Graphics Device|Unknown NVIDIA GPU|(AMD|NVIDIA|Intel) GPU( .*)?)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        public static HardwareInventory Enrich(HardwareInventory inventory, DeepSeekCatalog catalog) => Enrich(inventory, catalog, GpuIdDatabase.Builtin);

        public static HardwareInventory Enrich(HardwareInventory inventory, DeepSeekCatalog catalog, GpuIdDatabase ids)
        {
            if (inventory is null)
            {
                throw new ArgumentNullException(nameof(inventory));
            }

            if (catalog is null)
            {
                throw new ArgumentNullException(nameof(catalog));
            }

            if (ids is null)
            {
                throw new ArgumentNullException(nameof(ids));
            }

            var warnings = new List<InventoryWarning>(inventory.Warnings.Where(w => w.Kind != WarningKind.GpuNotInCatalog));
            foreach (var gpu in inventory.Gpus)
            {
                var identity = ids.FromPciId(gpu.PciId) ?? ids.FromName(gpu.Name, gpu.Vendor);
                if (identity?.ProductName is { } product && Placeholder.IsMatch(gpu.Name ?? string.Empty))
                {
                    gpu.Name = product;
                }

                gpu.Spec = Match(gpu.Name, catalog) ?? catalog.FindGpuByPciId(gpu.PciId) ?? Match(identity, catalog);
                FillComputeCapability(gpu, identity, ids);
                FillGfxTarget(gpu, identity);
                gpu.Architecture ??= identity?.Architecture ?? NullIfEmpty(gpu.Spec?.Architecture);
                gpu.Chip ??= identity?.Chip;
                if (gpu.Spec is null)
                {
                    warnings.Add(new InventoryWarning(gpu.Source, WarningKind.GpuNotInCatalog, string.Format(
                        CultureInfo.InvariantCulture,
                        "GPU {0} '{1}' is not in the catalog: its fit is decided from the memory its driver reports{2}; bandwidth and throughput are estimated from a GPU like it (add its figures with Import-DeepSeekCatalog for exact speed).",
                        gpu.Index,
                        gpu.Name,
                        gpu.MemoryTotalBytes is null ? " (none reported)" : string.Empty)));
                }
            }

            inventory.Warnings = warnings.ToArray();
            return inventory;
        }

        // Measured first: the driver's own answer, then the device id, then the catalog entry, then the reported architecture.
        private static void FillComputeCapability(GpuDevice gpu, GpuIdentity? identity, GpuIdDatabase ids)
        {
            if (gpu.Vendor != GpuVendor.NVIDIA)
            {
                return;
            }

            if (gpu.ComputeCapability != null)
            {
                gpu.ComputeCapabilityBasis ??= "reported by nvidia-smi";
                return;
            }

            if (identity?.ComputeCapability is { } fromId)
            {
                gpu.ComputeCapability = fromId;
                gpu.ComputeCapabilityBasis = identity.Basis;
            }
            else if (gpu.Spec?.ComputeCapability is { } fromCatalog)
            {
                gpu.ComputeCapability = fromCatalog;
                gpu.ComputeCapabilityBasis = "catalog entry " + gpu.Spec.Name + " (" + gpu.Spec.Source + ")";
            }
            else if (ids.FromArchitecture(gpu.Architecture, gpu.Name, gpu.Vendor) is { ComputeCapability: { } fromArchitecture } byArchitecture)
            {
                gpu.ComputeCapability = fromArchitecture;
                gpu.ComputeCapabilityBasis = byArchitecture.Basis;
            }
        }

        private static void FillGfxTarget(GpuDevice gpu, GpuIdentity? identity)
        {
            if (gpu.Vendor != GpuVendor.AMD)
            {
                return;
            }

            if (gpu.GfxTarget != null)
            {
                gpu.GfxTargetBasis ??= "reported by " + gpu.Source.Split(' ')[0];
                return;
            }

            if (identity?.GfxTarget is { } fromId)
            {
                gpu.GfxTarget = fromId;
                gpu.GfxTargetBasis = identity.Basis;
            }
            else if (gpu.Spec?.GfxTarget is { } fromCatalog)
            {
                gpu.GfxTarget = fromCatalog;
                gpu.GfxTargetBasis = "catalog entry " + gpu.Spec.Name;
            }
        }

        // The product the PCI ID database names; for a shortened name, the catalog entries of its candidates when they
        // agree on memory (every RTX PRO 6000 Blackwell edition has 96 GB), the slowest of them, else none.
        private static GpuSpec? Match(GpuIdentity? identity, DeepSeekCatalog catalog)
        {
            if (identity?.ProductName is null)
            {
                return null;
            }

            if (identity.IsExact)
            {
                return Match(identity.ProductName, catalog);
            }

            var specs = identity.Candidates.Select(c => Match(c, catalog)).Where(s => s != null).Select(s => s!).ToList();
            return specs.Count > 0 && specs.Select(s => s.MemoryBytes).Distinct().Count() == 1 ? specs.OrderBy(s => s.MemoryBandwidthBytesPerSecond).First() : null;
        }

        private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

        // The name as reported ("NVIDIA H100 80GB HBM3"), else a catalog name in brackets ("Navi 31 [Radeon RX 7900 XTX]").
        private static GpuSpec? Match(string? name, DeepSeekCatalog catalog)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                return null;
            }

            var spec = catalog.FindGpu(name!);
            if (spec is null && Bracketed.Match(name) is { Success: true } bracketed)
            {
                spec = catalog.FindGpu(bracketed.Groups["name"].Value);
            }

            return spec;
        }
    }
}
