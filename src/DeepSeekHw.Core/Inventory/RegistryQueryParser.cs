using System;
using System.Collections.Generic;
using System.Globalization;

namespace DeepSeekHw.Inventory
{
    /// <summary>
    /// Reads "reg query ... /s /v NAME" output: key lines followed by "    NAME    REG_TYPE    VALUE". Joins the display
    /// adapters' DriverDesc with their HardwareInformation.qwMemorySize (REG_QWORD, or REG_BINARY little-endian).
    /// </summary>
    internal static class RegistryQueryParser
    {
        /// <summary>Key path → value text for every key that holds the value.</summary>
        public static Dictionary<string, string> Values(string text)
        {
            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            string? key = null;
            foreach (var line in FactText.Lines(text))
            {
                if (line.StartsWith("HKEY_", StringComparison.OrdinalIgnoreCase))
                {
                    key = line.Trim();
                    continue;
                }

                var fields = line.Trim().Split(new[] { "    " }, StringSplitOptions.RemoveEmptyEntries);
                if (key != null && fields.Length >= 3 && fields[1].StartsWith("REG_", StringComparison.Ordinal))
                {
                    values[key] = fields[1] + " " + fields[2].Trim();
                }
            }

            return values;
        }

        /// <summary>Adapter name → memory bytes, from the two queries.</summary>
        public static Dictionary<string, long> AdapterMemory(string memoryQuery, string nameQuery)
        {
            var names = Values(nameQuery);
            var result = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in Values(memoryQuery))
            {
                if (names.TryGetValue(entry.Key, out var name) && ParseBytes(entry.Value) is long bytes && bytes > 0)
                {
                    result[name.Substring(name.IndexOf(' ') + 1)] = bytes;
                }
            }

            return result;
        }

        private static long? ParseBytes(string typedValue)
        {
            var space = typedValue.IndexOf(' ');
            var type = typedValue.Substring(0, space);
            var value = typedValue.Substring(space + 1).Trim();
            if (type == "REG_QWORD" || type == "REG_DWORD")
            {
                var hex = value.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? value.Substring(2) : value;
                return long.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var number) ? number : (long?)null;
            }

            if (type == "REG_BINARY" && value.Length % 2 == 0 && value.Length <= 16)
            {
                long number = 0;
                for (var i = value.Length - 2; i >= 0; i -= 2)
                {
                    if (!byte.TryParse(value.Substring(i, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var b))
                    {
                        return null;
                    }

                    number = (number << 8) | b;
                }

                return number;
            }

            return null;
        }
    }
}
