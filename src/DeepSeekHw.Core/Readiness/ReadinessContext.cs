using System;
using System.Globalization;
using System.Linq;
using DeepSeekHw.Catalog;
using DeepSeekHw.Sizing;

using static DeepSeekHw.InvariantText;

namespace DeepSeekHw.Readiness
{
    /// <summary>
    /// The facts every rule reads, derived once per machine: the inventory, the catalog GPUs it has, and the sizing of the
    /// requested deployment on them (and on the smallest layout of the same GPU).
    /// </summary>
    internal sealed class ReadinessContext
    {
        // Widest first: "largest fit" reports the first that fits.
        private static readonly WeightPrecision[] ServingPrecisions = { WeightPrecision.Native, WeightPrecision.BF16, WeightPrecision.FP8, WeightPrecision.INT8, WeightPrecision.AWQ_INT4 };
        private static readonly WeightPrecision[] GgufPrecisions = { WeightPrecision.BF16, WeightPrecision.Q8_0, WeightPrecision.Q6_K, WeightPrecision.Q5_K_M, WeightPrecision.Q4_K_M, WeightPrecision.Q3_K_M, WeightPrecision.Q2_K };

        private readonly Lazy<SizingEstimate?> _largestFit;

        public ReadinessContext(ReadinessRequest request, DeepSeekCatalog catalog, CompatibilityChecklist compat)
        {
            Request = request;
            Inventory = request.Inventory;
            Catalog = catalog;
            Compat = compat;
            Profile = request.Profile;
            Deployment = request.Deployment;
            Model = request.Model;
            Gpus = Inventory.Gpus ?? Array.Empty<GpuDevice>();
            Installed = InstalledGpus.From(Inventory, catalog);
            _largestFit = new Lazy<SizingEstimate?>(FindLargestFit);
            if (Deployment != null)
            {
                // A wrong request (context, concurrency) is the caller's error, not a check: SizingException propagates.
                Baseline = SizingEngine.Estimate(Deployment.With(r => { r.Gpu = null; r.GpuCount = null; }));
                Precision = Baseline.Precision;
                Engine = EngineProfile.Find(Baseline.Engine) ?? EngineProfile.DefaultFor(gguf: false, training: false);
                EngineName = Engine.Name;
                if (Installed != null)
                {
                    Estimate = SizeOn(Installed.Spec, Installed.Count, out var failure);
                    EstimateError = failure?.Message;
                    EstimateErrorId = failure?.ErrorId;
                    Smallest = Size(Installed.Spec, null, out string? _);
                }
            }
            else
            {
                Precision = Profile?.ModelPrecision?.ToString();
                EngineName = null;
            }
        }

        public ReadinessRequest Request { get; }

        public HardwareInventory Inventory { get; }

        public DeepSeekCatalog Catalog { get; }

        public CompatibilityChecklist Compat { get; }

        public HardwareProfile? Profile { get; }

        public ModelSpec? Model { get; }

        /// <summary>The deployment asked for; null for a profile test.</summary>
        public SizingRequest? Deployment { get; }

        /// <summary>Concurrency asked for (1 for a profile test).</summary>
        public int Concurrency => Deployment?.Concurrency ?? 1;

        /// <summary>The widest precision whose weights and the requested concurrency fit this machine's GPUs, and the context it allows; sized on first use, once.</summary>
        public SizingEstimate? LargestFit => _largestFit.Value;

        public GpuDevice[] Gpus { get; }

        /// <summary>The largest group of identical catalog GPUs: what tensor parallelism can use.</summary>
        public InstalledGpus? Installed { get; }

        /// <summary>The deployment sized on no particular GPU: weights, KV per token, checkpoint.</summary>
        public SizingEstimate? Baseline { get; }

        /// <summary>The deployment sized on this machine's GPUs, all of them.</summary>
        public SizingEstimate? Estimate { get; }

        /// <summary>Why <see cref="Estimate"/> could not be made (e.g. FP8 on a GPU and engine that cannot run it).</summary>
        public string? EstimateError { get; }

        /// <summary>The stable id of <see cref="EstimateError"/> (SizingErrorIds), so a check can say the right remedy.</summary>
        public string? EstimateErrorId { get; }

        /// <summary>The fewest of this machine's GPU model that hold the deployment (may be more than it has).</summary>
        public SizingEstimate? Smallest { get; }

        /// <summary>The weight precision asked for (resolved from Native), or the edition's.</summary>
        public string? Precision { get; }

        public string? EngineName { get; }

        /// <summary>The serving engine and what it can do; null for a profile test.</summary>
        public EngineProfile? Engine { get; }

        public bool IsWindows => string.Equals(Inventory.Platform, "Windows", StringComparison.OrdinalIgnoreCase);

        public GpuDevice[] Nvidia => Gpus.Where(g => g.Vendor == GpuVendor.NVIDIA).ToArray();

        public GpuDevice[] Amd => Gpus.Where(g => g.Vendor == GpuVendor.AMD).ToArray();

        /// <summary>Engines that run from system RAM (llama.cpp, Ollama): without a GPU, their GPU checks do not apply.</summary>
        public bool IsCpuInference => Gpus.Length == 0 && Engine?.RunsOnCpu == true;

        public int GpusNeededOnOneNode => Smallest?.GpuCount ?? 1;

        /// <summary>Tensor parallel degree on this machine (1 when it has one GPU or none).</summary>
        public int TensorParallel => Estimate?.TensorParallel ?? 1;

        public string NvidiaDriver => Inventory.Software?.NvidiaDriverVersion ?? Nvidia.Select(g => g.DriverVersion).FirstOrDefault(v => v != null) ?? string.Empty;

        public string Target
        {
            get
            {
                if (Model is null)
                {
                    return Profile?.Name ?? string.Empty;
                }

                var context = Baseline?.ContextLength ?? Deployment?.ContextLength ?? 0;
                return Invariant($"{Model.Name} {Precision}, {context} tokens x {Concurrency} ({EngineName})");
            }
        }

        /// <summary>Lowest compute capability among the NVIDIA GPUs (what every tensor-parallel rank must support).</summary>
        public double? MinComputeCapability =>
            Nvidia.Select(g => Parse(g.ComputeCapability ?? g.Spec?.ComputeCapability)).Where(c => c != null).Select(c => c!.Value).DefaultIfEmpty(double.NaN).Min() is var min && !double.IsNaN(min) ? min : (double?)null;

        /// <summary>A number of policy from compat.json, with its source.</summary>
        public PolicyRow Policy(string name) => Compat.Policy(name);

        public SoftwarePackage? Package(string name) =>
            Inventory.Software?.Packages?.FirstOrDefault(p => string.Equals(p.Name.Replace('-', '_'), name.Replace('-', '_'), StringComparison.OrdinalIgnoreCase));

        public static double? Parse(string? value) =>
            double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : (double?)null;

        // A layout the user gives decides the GPU count (GPU.Count then compares it with the machine's).
        public SizingEstimate? Size(GpuSpec gpu, int? count, out string? error)
        {
            var estimate = SizeOn(gpu, count, out var failure);
            error = failure?.Message;
            return estimate;
        }

        private SizingEstimate? SizeOn(GpuSpec gpu, int? count, out SizingException? failure) =>
            Size(Deployment!.With(r => { r.Gpu = gpu; r.GpuCount = r.HasExplicitLayout ? null : count; }), out failure);

        private static SizingEstimate? Size(SizingRequest request, out SizingException? failure)
        {
            failure = null;
            try
            {
                return SizingEngine.Estimate(request);
            }
            catch (SizingException ex)
            {
                failure = ex;
                return null;
            }
        }

        private SizingEstimate? FindLargestFit()
        {
            if (Deployment is null || Installed is null)
            {
                return null;
            }

            // The engine asked for (or resolved) decides the family: GGUF types for llama.cpp and Ollama, serving types otherwise.
            foreach (var precision in Engine?.RunsGguf == true ? GgufPrecisions : ServingPrecisions)
            {
                var probe = Deployment.With(r =>
                {
                    r.Precision = precision;
                    r.ContextLength = 1;
                    r.Engine = EngineName;
                    r.Force = false;
                    r.Gpu = Installed.Spec;
                    r.GpuCount = Installed.Count;
                });
                if (Size(probe, out _) is { Fits: true, MaxContextLength: > 0 } estimate)
                {
                    return estimate;
                }
            }

            return null;
        }
    }
}
