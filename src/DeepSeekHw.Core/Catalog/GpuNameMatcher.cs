using System;
using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace DeepSeekHw.Catalog
{
    /// <summary>
    /// Matches the product names tools report ("NVIDIA H100 80GB HBM3", "Tesla T4", "AMD Instinct MI300X") against a
    /// GPU entry's patterns. Patterns see the reported name upper-cased with runs of white space folded to one space.
    /// </summary>
    public static class GpuNameMatcher
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(200);
        private static readonly Regex WhiteSpace = new Regex(@"\s+", RegexOptions.CultureInvariant);

        // Each pattern is compiled once: the engine's own cache holds 15, and a catalog has a hundred.
        private static readonly ConcurrentDictionary<string, Regex> Compiled = new ConcurrentDictionary<string, Regex>(StringComparer.Ordinal);

        public static string NormalizeReported(string reported) =>
            WhiteSpace.Replace(reported.Trim(), " ").ToUpperInvariant();

        public static bool Matches(GpuSpec gpu, string normalizedReported)
        {
            foreach (var pattern in gpu.MatchPatterns)
            {
                // A pathological user pattern must not hang inventory: no match in time is no match.
                var regex = Compiled.GetOrAdd(pattern, p => new Regex(p, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout));
                if (regex.IsMatchWithin(normalizedReported))
                {
                    return true;
                }
            }

            return false;
        }

        public static bool IsValidPattern(string pattern, out string? error)
        {
            try
            {
                _ = new Regex(pattern, RegexOptions.None, Timeout);
                error = null;
                return true;
            }
            catch (ArgumentException ex)
            {
                error = ex.Message;
                return false;
            }
        }
    }
}
