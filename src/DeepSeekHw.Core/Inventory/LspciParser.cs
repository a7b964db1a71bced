using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace DeepSeekHw.Inventory
{
    /// <summary>
    /// Finds NVIDIA and AMD display/3D controllers in lspci -nn, so a GPU whose driver is missing (no nvidia-smi, no
    /// rocm-smi) still shows up, with a warning instead of silence.
    /// </summary>
    internal static class LspciParser
    {
        private static readonly Regex Device = new Regex(
            @"^(?<bus>(?:[0-9a-f]{4,8}:)?[0-9a-f]{2}:[0-9a-f]{2}\.[0-9a-f])\s+[^\[]*\[(?<class>03(?:00|02|80))\]:\s*(?<desc>.*?)\s*\[(?<vendor>10de|1002):(?<device>[0-9a-f]{4})\]",
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        private static readonly Regex Bracketed = new Regex(@"\[(?<name>[^\]]+)\]\s*$", RegexOptions.CultureInvariant);

        public static List<GpuDevice> Parse(string text, string sourceId)
        {
            var gpus = new List<GpuDevice>();
            foreach (var line in FactText.Lines(text))
            {
                var match = Device.Match(line.Trim());
                if (!match.Success)
                {
                    continue;
                }

                var description = match.Groups["desc"].Value;
                var marketing = Bracketed.Match(description);
                gpus.Add(new GpuDevice
                {
                    Index = gpus.Count,
                    Vendor = match.Groups["vendor"].Value.ToLowerInvariant() == "10de" ? GpuVendor.NVIDIA : GpuVendor.AMD,
                    Name = marketing.Success ? marketing.Groups["name"].Value : description,
                    PciBusId = match.Groups["bus"].Value,
                    PciId = PciId.Of(match.Groups["vendor"].Value, match.Groups["device"].Value),
                    Source = sourceId,
                });
            }

            return gpus;
        }

        /// <summary>A bus id as "domain:bus:device.function" with the domain as a number, for comparing tools' formats.</summary>
        public static string NormalizeBusId(string? busId)
        {
            if (string.IsNullOrWhiteSpace(busId))
            {
                return string.Empty;
            }

            var parts = busId!.Trim().ToLowerInvariant().Split(':');
            if (parts.Length == 2)
            {
                return "0:" + parts[0] + ":" + parts[1];
            }

            var domain = parts[0].TrimStart('0');
            return (domain.Length == 0 ? "0" : domain) + ":" + parts[parts.Length - 2] + ":" + parts[parts.Length - 1];
        }
    }
}
