using System;
using System.Collections.Generic;
using System.Linq;

namespace DeepSeekHw.Catalog
{
    /// <summary>Finds the catalog names closest to a name that matched nothing, for "did you mean" messages.</summary>
    public static class NameSuggester
    {
        public static IReadOnlyList<string> Suggest(string wanted, IEnumerable<(string Name, IEnumerable<string> Keys)> candidates, int count = 3)
        {
            var key = NameKey.Of(wanted);
            if (key.Length == 0)
            {
                return Array.Empty<string>();
            }

            return candidates
                .Select(c => (c.Name, Score: c.Keys.Select(k => Score(key, NameKey.Of(k))).Min()))
                .Where(c => c.Score <= Math.Max(2, key.Length / 2))
                .OrderBy(c => c.Score)
                .ThenBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
                .Select(c => c.Name)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .Take(count)
                .ToList();
        }

        // Containment counts as close ("R1" in "DEEPSEEKR1"); otherwise edit distance.
        private static int Score(string wanted, string candidate)
        {
            if (candidate.Length == 0)
            {
                return int.MaxValue;
            }

            if (candidate.IndexOf(wanted, StringComparison.Ordinal) >= 0 || wanted.IndexOf(candidate, StringComparison.Ordinal) >= 0)
            {
                return 1;
            }

            return Distance(wanted, candidate);
        }

        internal static int Distance(string a, string b)
        {
            var previous = new int[b.Length + 1];
            var current = new int[b.Length + 1];
            for (var j = 0; j <= b.Length; j++)
            {
                previous[j] = j;
            }

            for (var i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                for (var j = 1; j <= b.Length; j++)
                {
                    var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                    current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), substitution);
                }

                (previous, current) = (current, previous);
            }

            return previous[b.Length];
        }
    }
}
