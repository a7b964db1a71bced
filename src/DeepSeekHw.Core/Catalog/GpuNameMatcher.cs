using System;
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

        public static string NormalizeReported(string reported) =>
            Regex.Replace(reported.Trim(), @"\s+", " ").ToUpperInvariant();

        public static bool Matches(GpuSpec gpu, string normalizedReported)
        {
            foreach (var pattern in gpu.MatchPatterns)
            {
                try
                {
                    if (Regex.IsMatch(normalizedReported, pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout))
                    {
                        return true;
                    }
                }
                catch (RegexMatchTimeoutException)
                {
                    // A pathological user pattern must not hang inventory; treat it as no match.
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
