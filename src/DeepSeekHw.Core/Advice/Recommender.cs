using System;
using System.Collections.Generic;
using System.Linq;
using DeepSeekHw.Catalog;
using DeepSeekHw.Cost;
using DeepSeekHw.Readiness;
using DeepSeekHw.Sizing;

namespace DeepSeekHw.Advice
{
    /// <summary>
    /// Ranks what to do for one deployment on one machine: the configuration to run (as asked, or what fits, least change
    /// first; on the CPU when no GPU can), the remedies of failing readiness checks, the tuning items with their effect on
    /// that configuration, then the remedies of warnings. Pure: the request, catalogs and price list in, advice out.
    /// </summary>
    public static class Recommender
    {
        /// <summary>Only the remedies of checks, when the hardware itself is not known (checks of another machine).</summary>
        public static IReadOnlyList<Recommendation> Remedies(IReadOnlyList<ReadinessCheck> checks)
        {
            var ranked = RemedyAdvice.For(checks, ReadinessStatus.Fail).Concat(RemedyAdvice.For(checks, ReadinessStatus.Warning)).ToList();
            for (var i = 0; i < ranked.Count; i++)
            {
                ranked[i].Priority = i + 1;
            }

            return ranked;
        }

        // The machine's readiness for what is recommended first (on its own GPUs), or as asked when nothing fits there.
        private static IReadOnlyList<ReadinessCheck> Readiness(RecommendationRequest request, Recommendation? top, DeepSeekCatalog catalog, CompatibilityChecklist compat)
        {
            if (request.Inventory is null)
            {
                return Array.Empty<ReadinessCheck>();
            }

            var inPlace = top?.Request != null && top.Category != "Hardware" && top.Configuration?.Gpu != SystemMemoryDevice.Name ? top.Request : request.Deployment;
            try
            {
                return ReadinessEngine.Evaluate(new ReadinessRequest(request.Inventory, inPlace), catalog, compat);
            }
            catch (SizingException)
            {
                return Array.Empty<ReadinessCheck>();
            }
        }

        public static IReadOnlyList<Recommendation> Recommend(RecommendationRequest request, DeepSeekCatalog catalog, CompatibilityChecklist compat, IReadOnlyList<CloudInstance> cloud)
        {
            if (request is null || catalog is null || compat is null || cloud is null)
            {
                throw new ArgumentNullException(request is null ? nameof(request) : catalog is null ? nameof(catalog) : compat is null ? nameof(compat) : nameof(cloud));
            }

            // A wrong request (context, concurrency, precision) is one SizingException for the caller, not empty advice.
            SizingEngine.Estimate(request.Deployment.With(r =>
            {
                r.Gpu = null;
                r.GpuCount = null;
            }));

            var ranked = new List<Recommendation>();
            var inference = request.Deployment.Workload == SizingWorkload.Inference;
            if (request.Deployment.Gpu is null)
            {
                if (inference)
                {
                    ranked.AddRange(CpuOptions.For(request, catalog, compat));
                }
            }
            else
            {
                var (options, _, nothingFitsHere) = GpuOptions.For(request, catalog, compat, cloud);
                ranked.AddRange(options.Where(o => o.Category != "Hardware"));
                if (nothingFitsHere && inference)
                {
                    ranked.AddRange(CpuOptions.For(request, catalog, compat));
                }

                ranked.AddRange(options.Where(o => o.Category == "Hardware"));
            }

            var top = ranked.FirstOrDefault(r => r.Request != null && r.Configuration?.Fits == true);
            var cpuOnly = request.Deployment.Gpu is null || top?.Configuration?.Gpu == SystemMemoryDevice.Name;
            var checks = request.Checks ?? Readiness(request, top, catalog, compat);
            ranked.AddRange(RemedyAdvice.For(checks, ReadinessStatus.Fail, cpuOnly));
            if (top != null)
            {
                ranked.AddRange(TuningAdvice.For(top.Request!, top.Configuration!, compat));
            }

            ranked.AddRange(RemedyAdvice.For(checks, ReadinessStatus.Warning, cpuOnly));
            for (var i = 0; i < ranked.Count; i++)
            {
                ranked[i].Priority = i + 1;
                ranked[i].Model = ranked[i].Configuration?.Model ?? (ranked[i].Model.Length > 0 ? ranked[i].Model : request.Deployment.Model.Name);
                ranked[i].ComputerName = ranked[i].ComputerName.Length > 0 ? ranked[i].ComputerName : request.ComputerName;
                ranked[i].Title = SafeText.Clean(ranked[i].Title);
            }

            return ranked;
        }
    }
}
