using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace DeepSeekHw.Inventory
{
    /// <summary>Culture-invariant reading of the values tools print: numbers with units, placeholders, key: value lines.</summary>
    internal static class FactText
    {
        private static readonly Regex SizeWithUnit = new Regex(
            @"^\s*(?<n>[0-9]+(?:\.[0-9]+)?)\s*(?<u>[KMGTPE]?i?B?|bytes)?\s*$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        /// <summary>The trimmed value, or null for the placeholders tools print instead of one.</summary>
        public static string? Clean(string? value)
        {
            if (value is null)
            {
                return null;
            }

            var text = value.Trim();
            if (text.Length == 0)
            {
                return null;
            }

            var bare = text.Trim('[', ']').Trim();
            switch (bare.ToUpperInvariant())
            {
                case "N/A":
                case "NA":
                case "NONE":
                case "NOT SUPPORTED":
                case "NOT AVAILABLE":
                case "UNKNOWN":
                case "UNKNOWN ERROR":
                case "INSUFFICIENT PERMISSIONS":
                case "REQUESTED FUNCTIONALITY HAS BEEN DEPRECATED":
                case "GPU REQUIRES RESET":
                case "(NULL)":
                case "NULL":
                    return null;
                default:
                    return text;
            }
        }

        public static int? ParseInt(string? value)
        {
            var text = Clean(value);
            return text != null && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : (int?)null;
        }

        public static long? ParseLong(string? value)
        {
            var text = Clean(value);
            return text != null && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : (long?)null;
        }

        public static double? ParseDouble(string? value)
        {
            var text = Clean(value);
            return text != null && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : (double?)null;
        }

        /// <summary>
        /// Bytes from "81559 MiB", "16 GB", "931.5G", "4096" (bytes). K/M/G/T are read as binary multiples, as nvidia-smi,
        /// lsblk and /proc/meminfo mean them.
        /// </summary>
        public static long? ParseBytes(string? value)
        {
            var text = Clean(value);
            if (text is null)
            {
                return null;
            }

            var match = SizeWithUnit.Match(text);
            if (!match.Success || !double.TryParse(match.Groups["n"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                return null;
            }

            var unit = match.Groups["u"].Value.ToUpperInvariant();
            var power = unit.Length == 0 || unit == "B" || unit == "BYTES" ? 0 : "KMGTPE".IndexOf(unit[0]) + 1;
            var bytes = number * Math.Pow(1024, power);
            return bytes < 9.2e18 ? (long)Math.Round(bytes) : (long?)null;
        }

        /// <summary>Splits text into lines, whatever the line endings.</summary>
        public static string[] Lines(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');

        /// <summary>Splits "key : value" at the first separator; false when the line has none.</summary>
        public static bool TrySplit(string line, char separator, out string key, out string value)
        {
            var index = line.IndexOf(separator);
            if (index <= 0)
            {
                key = value = string.Empty;
                return false;
            }

            key = line.Substring(0, index).Trim();
            value = line.Substring(index + 1).Trim();
            return key.Length > 0;
        }

        /// <summary>"key: value" lines into a map (first occurrence wins), keys compared case-insensitively.</summary>
        public static Dictionary<string, string> KeyValues(string text, char separator = ':')
        {
            var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var line in Lines(text))
            {
                if (TrySplit(line, separator, out var key, out var value) && !map.ContainsKey(key))
                {
                    map[key] = value;
                }
            }

            return map;
        }
    }
}
