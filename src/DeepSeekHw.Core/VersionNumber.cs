using System;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace DeepSeekHw
{
    /// <summary>
    /// Compares dotted versions numerically ("535.154.02" > "535.54.03", "2.10" > "2.9"), ignoring local tags
    /// ("2.4.0+cu121", "0.6.3.post1", "6.9.0-rc5+").
    /// </summary>
    internal static class VersionNumber
    {
        private static readonly Regex Leading = new Regex(@"^\s*v?(?<v>[0-9]+(\.[0-9]+)*)", RegexOptions.CultureInvariant);

        public static bool TryParse(string? text, out int[] parts)
        {
            var match = text is null ? Match.Empty : Leading.Match(text);
            parts = match.Success
                ? match.Groups["v"].Value.Split('.').Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue).ToArray()
                : Array.Empty<int>();
            return match.Success;
        }

        /// <summary>Compares the first <paramref name="depth"/> parts (all when 0); missing parts count as 0.</summary>
        public static int Compare(string? left, string? right, int depth = 0)
        {
            TryParse(left, out var a);
            TryParse(right, out var b);
            var length = depth > 0 ? depth : Math.Max(a.Length, b.Length);
            for (var i = 0; i < length; i++)
            {
                var x = i < a.Length ? a[i] : 0;
                var y = i < b.Length ? b[i] : 0;
                if (x != y)
                {
                    return x.CompareTo(y);
                }
            }

            return 0;
        }

        public static bool AtLeast(string? version, string minimum) => TryParse(version, out _) && Compare(version, minimum) >= 0;

        public static string Major(string version) => TryParse(version, out var parts) ? parts[0].ToString(CultureInfo.InvariantCulture) : string.Empty;

        /// <summary>"12.1" from "12.1.105".</summary>
        public static string? MajorMinor(string? version) =>
            TryParse(version, out var parts) ? string.Join(".", parts.Take(2).Select(p => p.ToString(CultureInfo.InvariantCulture))) : null;
    }
}
