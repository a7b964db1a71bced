using System;
using System.Collections.Generic;
using System.Linq;
using DeepSeekHw.Json;

using static DeepSeekHw.Catalog.StrictData;

namespace DeepSeekHw.Sizing
{
    /// <summary>
    /// The context an engine picks when the user sets none (Ollama's automatic num_ctx): a length by the GPUs' total memory,
    /// capped at the model's trained context, and the shorter lengths it falls back to when the load does not fit.
    /// </summary>
    internal sealed class AutomaticContextRule
    {
        private readonly IReadOnlyList<(long FromBytes, int Tokens)> tiers;

        private AutomaticContextRule(IReadOnlyList<(long FromBytes, int Tokens)> tiers, IReadOnlyList<int> fallbacks)
        {
            this.tiers = tiers;
            Fallbacks = fallbacks;
        }

        /// <summary>Shorter contexts tried in turn when the first does not fit, longest first.</summary>
        public IReadOnlyList<int> Fallbacks { get; }

        public static AutomaticContextRule? Read(JsonNode node, string where)
        {
            if (node.IsNull)
            {
                return null;
            }

            var tiers = node["tiers"].Items
                .Select(t => ((long)Whole(t, "fromGiB", where + " automaticContext tiers") << 30, (int)Whole(t, "tokens", where + " automaticContext tiers")))
                .OrderByDescending(t => t.Item1)
                .ToList();
            var fallbacks = node["lowersTo"].Items.Select(v => (int)(v.AsInt64() ?? 0)).OrderByDescending(v => v).ToList();
            if (tiers.Count == 0 || tiers.Any(t => t.Item1 < 0 || t.Item2 <= 0) || tiers[tiers.Count - 1].Item1 != 0 || fallbacks.Any(v => v <= 0))
            {
                throw new Catalog.CatalogException(where + ": 'automaticContext' needs tiers of positive tokens down to 0 GiB and positive 'lowersTo' lengths.");
            }

            return new AutomaticContextRule(tiers, fallbacks);
        }

        /// <summary>The engine's first choice for GPUs of <paramref name="totalBytes"/> together.</summary>
        public int TokensFor(long totalBytes) => tiers.First(t => totalBytes >= t.FromBytes).Tokens;
    }
}
