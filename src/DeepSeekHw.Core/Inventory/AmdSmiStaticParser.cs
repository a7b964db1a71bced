using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace DeepSeekHw.Inventory
{
    /// <summary>
    /// Reads the text of `amd-smi static` (ROCm 6+, where rocm-smi is deprecated): one "GPU: n" block per device, with
    /// sections (ASIC, BUS, DRIVER, VRAM, BOARD …) indented under it and "KEY: value" lines under those. CPU blocks of APU
    /// nodes are skipped. A block cut short keeps what it had.
    /// </summary>
    internal static class AmdSmiStaticParser
    {
        private static readonly Regex GpuHeader = new Regex(@"^GPU:\s*(?<n>[0-9]+)\s*$", RegexOptions.CultureInvariant);
        private static readonly Regex OtherHeader = new Regex(@"^[A-Z]+:\s*[0-9]*\s*$", RegexOptions.CultureInvariant);

        public static List<GpuDevice> Parse(string text, string sourceId, ParseLog log)
        {
            var gpus = new List<GpuDevice>();
            Dictionary<string, string>? fields = null;
            var index = 0;
            var section = string.Empty;
            foreach (var raw in FactText.Lines(text))
            {
                var line = raw.TrimEnd();
                if (line.Length == 0)
                {
                    continue;
                }

                var indent = line.Length - line.TrimStart().Length;
                if (indent == 0)
                {
                    Flush(gpus, fields, index, sourceId, log);
                    var header = GpuHeader.Match(line);
                    fields = header.Success ? new Dictionary<string, string>(StringComparer.Ordinal) : null;
                    index = header.Success ? FactNumber.Count(header.Groups["n"].Value, log, sourceId, "GPU index") ?? -1 : 0;
                    if (index < 0)
                    {
                        fields = null; // an index no machine has: the block is skipped, the rest still reads
                    }

                    if (!header.Success && !OtherHeader.IsMatch(line))
                    {
                        log.Warn(sourceId, WarningKind.Malformed, "unexpected line '" + line + "'; is this `amd-smi static` text?");
                    }

                    continue;
                }

                if (fields is null || !FactText.TrySplit(line.Trim(), ':', out var key, out var value))
                {
                    continue;
                }

                if (indent <= 4)
                {
                    section = key;
                    if (value.Length > 0)
                    {
                        fields[section] = value;
                    }
                }
                else if (!fields.ContainsKey(section + "." + key))
                {
                    fields[section + "." + key] = value;
                }
            }

            Flush(gpus, fields, index, sourceId, log);
            return gpus;
        }

        private static void Flush(List<GpuDevice> gpus, Dictionary<string, string>? fields, int index, string sourceId, ParseLog log)
        {
            if (fields is null)
            {
                return;
            }

            string? Get(string key) => fields.TryGetValue(key, out var value) ? FactText.Clean(value) : null;
            var gpu = new GpuDevice
            {
                Index = index,
                Vendor = GpuVendor.AMD,
                Name = Get("ASIC.MARKET_NAME") ?? Get("BOARD.PRODUCT_NAME") ?? "AMD GPU " + index.ToString(CultureInfo.InvariantCulture),
                MemoryTotalBytes = FactNumber.InRange(FactText.ParseBytes(Get("VRAM.SIZE")), FactNumber.MaxGpuMemoryBytes, log, sourceId, "GPU " + index.ToString(CultureInfo.InvariantCulture) + " VRAM size"),
                PciBusId = Get("BUS.BDF"),
                PciId = PciId.Of(Get("ASIC.VENDOR_ID") ?? "1002", Get("ASIC.DEVICE_ID")),
                GfxTarget = Get("ASIC.TARGET_GRAPHICS_VERSION"),
                DriverVersion = Get("DRIVER.VERSION"),
                PcieLinkWidth = FactNumber.Count(Get("BUS.MAX_PCIE_WIDTH"), log, sourceId, "PCIe width"),
                PowerLimitWatts = FactNumber.Watts(Get("LIMIT.SOCKET_POWER"), log, sourceId, "GPU " + index.ToString(CultureInfo.InvariantCulture) + " power cap"), // amdsmi_get_power_cap_info's power_cap
                Source = sourceId,
            };
            if (gpu.MemoryTotalBytes is null)
            {
                log.Warn(sourceId, WarningKind.Incomplete, "GPU " + index.ToString(CultureInfo.InvariantCulture) + " (" + gpu.Name + ") reports no VRAM size (output cut short, or an amd-smi without the VRAM section).");
            }

            gpus.Add(gpu);
        }
    }
}
