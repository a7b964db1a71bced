using System.Collections.Generic;
using System.Linq;
using DeepSeekHw.Json;

using static DeepSeekHw.Catalog.StrictData;

namespace DeepSeekHw.Sizing
{
    /// <summary>
    /// The ubatch an engine picks by the context it serves (Ollama passes llama-server -b/-ub: 1,024 past 4,096 tokens and
    /// 2,048 past 32,768 when the model leaves room, fewer on small GPUs without flash attention). The compute buffer and
    /// the prefill chunks follow it.
    /// </summary>
    internal sealed class GenerationBatchRule
    {
        private readonly IReadOnlyList<(int AboveContext, int Tokens, double MaxShare, long HeadroomBytes)> tiers;

        private GenerationBatchRule(IReadOnlyList<(int AboveContext, int Tokens, double MaxShare, long HeadroomBytes)> tiers, double budgetShare, (int Tokens, long UpToBytes, int AboveContext) withoutFlashAttention)
        {
            this.tiers = tiers;
            BudgetShare = budgetShare;
            WithoutFlashAttention = withoutFlashAttention;
        }

        /// <summary>Share of the available memory the predicted load may take before any larger batch is allowed.</summary>
        public double BudgetShare { get; }

        /// <summary>The smaller batch for small GPUs running without flash attention past a context.</summary>
        public (int Tokens, long UpToBytes, int AboveContext) WithoutFlashAttention { get; }

        public static GenerationBatchRule? Read(JsonNode node, string where)
        {
            if (node.IsNull)
            {
                return null;
            }

            where += " generationBatch";
            var tiers = node["tiers"].Items
                .Select(t => (AboveContext: (int)Whole(t, "aboveContext", where), Tokens: (int)Whole(t, "tokens", where), MaxShare: Number(t, "maxShareOfMemory", where), HeadroomBytes: Whole(t, "headroomMiB", where) << 20))
                .OrderByDescending(t => t.AboveContext)
                .ToList();
            var small = node["withoutFlashAttention"];
            var rule = new GenerationBatchRule(tiers, Number(node, "budgetShare", where),
                ((int)Whole(small, "tokens", where), Whole(small, "gpusUpToGiB", where) << 30, (int)Whole(small, "aboveContext", where)));
            if (tiers.Any(t => t.Tokens <= 0 || t.AboveContext < 0 || t.MaxShare <= 0 || t.MaxShare > 1 || t.HeadroomBytes < 0)
                || rule.BudgetShare <= 0 || rule.BudgetShare > 1 || rule.WithoutFlashAttention.Tokens <= 0)
            {
                throw new Catalog.CatalogException(where + ": tiers need positive tokens, shares in (0, 1] and non-negative headroom.");
            }

            return rule;
        }

        /// <summary>
        /// The batch for a served context of <paramref name="contextTokens"/> (every sequence's), a predicted load of
        /// <paramref name="predictedBytes"/> on <paramref name="availableBytes"/>: the largest tier the context reaches whose
        /// share and headroom the load leaves, else <paramref name="defaultTokens"/>.
        /// </summary>
        public int TokensFor(long contextTokens, double predictedBytes, double availableBytes, bool withoutFlashAttention, long gpuBytes, int defaultTokens)
        {
            if (withoutFlashAttention)
            {
                return contextTokens > WithoutFlashAttention.AboveContext && gpuBytes <= WithoutFlashAttention.UpToBytes ? WithoutFlashAttention.Tokens : defaultTokens;
            }

            var budget = availableBytes * BudgetShare;
            var fitting = tiers.Where(t => contextTokens > t.AboveContext && predictedBytes <= budget
                && predictedBytes <= availableBytes * t.MaxShare && t.HeadroomBytes <= budget - predictedBytes).ToList();
            return fitting.Count > 0 ? fitting[0].Tokens : defaultTokens;
        }
    }
}
