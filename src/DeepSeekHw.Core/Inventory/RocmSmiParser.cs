using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using DeepSeekHw.Json;

namespace DeepSeekHw.Inventory
{
    /// <summary>
    /// Reads rocm-smi --json. The keys moved between releases (ROCm 4.x "Card series" with PCI ids for names, 5.x
    /// marketing names, 6.x "Card Series", "Device Name", "GFX Version"), so every field is looked up by a list of
    /// candidate keys, case-insensitively.
    /// </summary>
    internal static class RocmSmiParser
    {
        private static readonly Regex CardKey = new Regex(@"^card(?<n>[0-9]+)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
        private static readonly Regex HexOnly = new Regex(@"^0x[0-9a-f]+$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        public static List<GpuDevice> Parse(string json, string sourceId, ParseLog log, out string? driverVersion)
        {
            driverVersion = null;
            var gpus = new List<GpuDevice>();
            if (!JsonParser.TryParse(json, out var root, out var error))
            {
                // Cut short (a timeout, the size cap, a partial paste): keep every card member before the cut.
                if (JsonTruncation.Close(json) is { } closed && JsonParser.TryParse(closed, out var recovered, out _))
                {
                    root = recovered;
                    log.Warn(sourceId, WarningKind.Truncated, "the JSON ends early (" + error + "); what came before the cut is read, later facts are unknown.");
                }
            }

            if (root is null || root.Kind != JsonKind.Object)
            {
                log.Warn(sourceId, WarningKind.Malformed, "the output is not JSON (" + (error ?? "not an object") + "); no AMD GPU could be read from it.");
                return gpus;
            }

            driverVersion = FactText.Clean(Find(root["system"], "Driver version"));
            foreach (var property in root.Properties)
            {
                var card = CardKey.Match(property.Key);
                if (!card.Success || property.Value.Kind != JsonKind.Object)
                {
                    continue;
                }

                var values = property.Value;
                if (FactNumber.Count(card.Groups["n"].Value, log, sourceId, "card index") is not int index)
                {
                    continue;
                }

                var gpu = new GpuDevice
                {
                    Index = index,
                    Vendor = GpuVendor.AMD,
                    Name = NameOf(values) ?? "AMD GPU " + (FactText.Clean(Find(values, "GPU ID", "Device ID")) ?? property.Key),
                    MemoryTotalBytes = FactNumber.InRange(FactText.ParseLong(Find(values, "VRAM Total Memory (B)")), FactNumber.MaxGpuMemoryBytes, log, sourceId, property.Key + " VRAM total"),
                    MemoryUsedBytes = FactNumber.InRange(FactText.ParseLong(Find(values, "VRAM Total Used Memory (B)")), FactNumber.MaxGpuMemoryBytes, log, sourceId, property.Key + " VRAM used"),
                    PciBusId = FactText.Clean(Find(values, "PCI Bus")),
                    PciId = PciId.Of("1002", Find(values, "Device ID", "GPU ID")),
                    Uuid = FactText.Clean(Find(values, "Unique ID")),
                    GfxTarget = FactText.Clean(Find(values, "GFX Version", "Target Graphics Version")),
                    DriverVersion = driverVersion,
                    PowerLimitWatts = FactNumber.Watts(Find(values, "Max Graphics Package Power (W)"), log, sourceId, property.Key + " power cap"), // --showmaxpower: the current cap
                    Source = sourceId,
                };
                if (gpu.MemoryTotalBytes is null)
                {
                    log.Warn(sourceId, WarningKind.Incomplete, property.Key + " (" + gpu.Name + ") reports no VRAM total.");
                }

                gpus.Add(gpu);
            }

            return gpus.OrderBy(g => g.Index).ToList();
        }

        private static string? NameOf(JsonNode card)
        {
            foreach (var key in new[] { "Card Series", "Marketing Name", "Device Name", "Card Model" })
            {
                var value = FactText.Clean(Find(card, key));
                if (value != null && !HexOnly.IsMatch(value))
                {
                    return value;
                }
            }

            return null;
        }

        private static string? Find(JsonNode node, params string[] keys)
        {
            foreach (var key in keys)
            {
                foreach (var property in node.Properties)
                {
                    if (string.Equals(property.Key, key, StringComparison.OrdinalIgnoreCase))
                    {
                        return property.Value.AsString() ?? property.Value.NumberText;
                    }
                }
            }

            return null;
        }
    }
}
