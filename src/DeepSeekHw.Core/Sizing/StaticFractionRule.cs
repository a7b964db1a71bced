using System;
using System.Collections.Generic;
using System.Linq;
using DeepSeekHw.Catalog;
using DeepSeekHw.Json;
using static DeepSeekHw.Catalog.StrictData;

namespace DeepSeekHw.Sizing
{
    /// <summary>
    /// An engine's default share of each GPU for weights and KV cache, worked out as the engine does it: the GPU's memory less
    /// a reserve for activations, CUDA graphs and the parallel group, all in MiB (SGLang's server_args.py,
    /// _handle_gpu_memory_settings). Every figure comes from engines.json.
    /// </summary>
    internal sealed class StaticFractionRule
    {
        private StaticFractionRule(JsonNode node, string where)
        {
            BaseMiB = Number(node, "baseMiB", where);
            MiBPerPrefillToken = Number(node, "mibPerPrefillToken", where);
            MinPrefillTokens = Number(node, "minPrefillTokens", where);
            MiBPerGraphBatch = Number(node, "mibPerGraphBatch", where);
            MiBPerGpuInGroup = Number(node, "mibPerGpuInGroup", where);
            DpAttentionMiBPerGraphBatchPerRank = Number(node, "dpAttentionMibPerGraphBatchPerRank", where);
            DpAttentionLargeGraphBatch = Number(node, "dpAttentionLargeGraphBatch", where);
            DpAttentionLargeMiBPerGraphBatchPerRank = Number(node, "dpAttentionLargeMibPerGraphBatchPerRank", where);
            LargeGpuAboveMiB = Number(node, "largeGpuAboveMiB", where);
            LargeGpuMinReserveMiB = Number(node, "largeGpuMinReserveMiB", where);
            DraftMiB = Number(node, "draftMiB", where);
            Tiers = node["tiers"].Items.Select((t, i) => new Tier(t, where + " tiers[" + i + "]")).ToList();
            if (Tiers.Count == 0 || Tiers[Tiers.Count - 1].BelowMiB != null)
            {
                throw new CatalogException(where + ": 'tiers' must end with a tier whose 'belowMiB' is null.");
            }
        }

        private double BaseMiB { get; }

        private double MiBPerPrefillToken { get; }

        private double MinPrefillTokens { get; }

        private double MiBPerGraphBatch { get; }

        private double MiBPerGpuInGroup { get; }

        private double DpAttentionMiBPerGraphBatchPerRank { get; }

        private double DpAttentionLargeGraphBatch { get; }

        private double DpAttentionLargeMiBPerGraphBatchPerRank { get; }

        private double LargeGpuAboveMiB { get; }

        private double LargeGpuMinReserveMiB { get; }

        private double DraftMiB { get; }

        private IReadOnlyList<Tier> Tiers { get; }

        public static StaticFractionRule? Read(JsonNode node, string where) => node.IsNull ? null : new StaticFractionRule(node, where);

        /// <summary>
        /// The share for a GPU of <paramref name="gpuBytes"/> in a group of <paramref name="tp"/> × <paramref name="pp"/> (the
        /// engine's own tensor-parallel size, which with DP attention counts every rank).
        /// </summary>
        public double FractionFor(long gpuBytes, int tp, int pp, int dp, bool dpAttention, bool draft)
        {
            var gpuMiB = gpuBytes / (double)(1 << 20);
            var tier = TierFor(gpuMiB);
            var graphBatch = tp < 4 ? tier.GraphBatch : tier.GraphBatchFromTp4;
            var reserve = BaseMiB + (Math.Max(tier.PrefillTokens, MinPrefillTokens) * MiBPerPrefillToken) + (graphBatch * MiBPerGraphBatch) + ((double)tp * pp * MiBPerGpuInGroup);
            if (dpAttention)
            {
                reserve += graphBatch * dp * DpAttentionMiBPerGraphBatchPerRank;
                reserve += graphBatch > DpAttentionLargeGraphBatch ? graphBatch * dp * DpAttentionLargeMiBPerGraphBatchPerRank : 0;
            }

            reserve = gpuMiB > LargeGpuAboveMiB ? Math.Max(reserve, LargeGpuMinReserveMiB) : reserve;
            reserve += draft ? DraftMiB : 0;
            return gpuMiB > reserve ? Math.Round((gpuMiB - reserve) / gpuMiB, 3) : 0;
        }

        /// <summary>The engine's default prefill chunk on a GPU of <paramref name="gpuBytes"/> (SGLang's chunked_prefill_size).</summary>
        public int PrefillTokensFor(long gpuBytes) => (int)TierFor(gpuBytes / (double)(1 << 20)).PrefillTokens;

        private Tier TierFor(double gpuMiB) => Tiers.First(t => t.BelowMiB is null || gpuMiB < t.BelowMiB);

        private sealed class Tier
        {
            public Tier(JsonNode node, string where)
            {
                BelowMiB = OptionalNumber(node, "belowMiB", where);
                PrefillTokens = Number(node, "prefillTokens", where);
                GraphBatch = Number(node, "graphBatch", where);
                GraphBatchFromTp4 = Number(node, "graphBatchFromTp4", where);
            }

            public double? BelowMiB { get; }

            public double PrefillTokens { get; }

            public double GraphBatch { get; }

            public double GraphBatchFromTp4 { get; }
        }
    }
}
