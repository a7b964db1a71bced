using System.Globalization;
using System.Text.RegularExpressions;

namespace DeepSeekHw.Inventory
{
    /// <summary>
    /// A PCI vendor:device id in one form ("10DE:2204") from each way tools write it: nvidia-smi's "220410DE", rocm-smi's
    /// and amd-smi's "0x73df", lspci's "[10de:2204]", Windows' "PCI\VEN_10DE&amp;DEV_2204&amp;...". Anything else is null.
    /// </summary>
    internal static class PciId
    {
        private static readonly Regex Hex4 = new Regex("^[0-9A-F]{4}$", RegexOptions.CultureInvariant);
        private static readonly Regex Pnp = new Regex(@"VEN_(?<v>[0-9A-F]{4})&DEV_(?<d>[0-9A-F]{4})", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        public static string? Of(string? vendor, string? device)
        {
            var v = Normalize(vendor);
            var d = Normalize(device);
            return v is null || d is null || d == "0000" || d == "FFFF" || v == "0000" || v == "FFFF" ? null : v + ":" + d;
        }

        /// <summary>nvidia-smi's pci_device_id: device then vendor, eight hex digits ("220410DE").</summary>
        public static string? FromNvidiaSmi(string? combined)
        {
            var text = Normalize8(combined);
            return text is null ? null : Of(text.Substring(4, 4), text.Substring(0, 4));
        }

        /// <summary>A Windows PnP device id ("PCI\VEN_10DE&amp;DEV_2204&amp;SUBSYS_...").</summary>
        public static string? FromPnp(string? pnp)
        {
            var match = Pnp.Match(pnp ?? string.Empty);
            return match.Success ? Of(match.Groups["v"].Value, match.Groups["d"].Value) : null;
        }

        private static string? Normalize(string? hex)
        {
            var text = (hex ?? string.Empty).Trim();
            if (text.StartsWith("0x", System.StringComparison.OrdinalIgnoreCase))
            {
                text = text.Substring(2);
            }

            text = text.ToUpperInvariant();
            if (text.Length < 4 && text.Length > 0 && int.TryParse(text, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out _))
            {
                text = text.PadLeft(4, '0');
            }

            return Hex4.IsMatch(text) ? text : null;
        }

        private static string? Normalize8(string? hex)
        {
            var text = (hex ?? string.Empty).Trim();
            if (text.StartsWith("0x", System.StringComparison.OrdinalIgnoreCase))
            {
                text = text.Substring(2);
            }

            return text.Length == 8 && uint.TryParse(text, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out _) ? text.ToUpperInvariant() : null;
        }
    }
}
