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
        public ReadinessContext(ReadinessRequest request, DeepSeekCatalog catalog, CompatibilityChecklist compat)
        {
            Request = request;
            Inventory = request.Inventory;
            Catalog = catalog;
            Compat = compat;
            Profile = request.Profile;
            Model = request.Model;
            Gpus = Inventory.Gpus ?? Array.Empty<GpuDevice>();
            Installed = InstalledGpus.From(Gpus.Select(g => g.Spec?.Name ?? g.Name), catalog);
            if (Model != null)
            {
                Baseline = SizingEngine.Estimate(NewRequest(null, null)); // a wrong request (context, concurrency) is the caller's error, not a check
                Precision = Baseline?.Precision ?? request.Precision.ToString();
                Engine = EngineProfile.Find(Baseline?.Engine ?? request.Engine) ?? EngineProfile.DefaultFor(gguf: false, training: false);
                EngineName = Engine.Name;
                if (Installed != null)
                {
                    Estimate = Size(Installed.Spec, Installed.Count, out var error);
                    EstimateError = error;
                    Smallest = Size(Installed.Spec, null, out _);
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

        public GpuDevice[] Gpus { get; }

        /// <summary>The largest group of identical catalog GPUs: what tensor parallelism can use.</summary>
        public InstalledGpus? Installed { get; }

        /// <summary>The deployment sized on no particular GPU: weights, KV per token, checkpoint.</summary>
        public SizingEstimate? Baseline { get; }

        /// <summary>The deployment sized on this machine's GPUs, all of them.</summary>
        public SizingEstimate? Estimate { get; }

        /// <summary>Why <see cref="Estimate"/> could not be made (e.g. FP8 on a GPU and engine that cannot run it).</summary>
        public string? EstimateError { get; }

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

                var context = Baseline?.ContextLength ?? Request.ContextLength ?? 0;
                return Invariant($"{Model.Name} {Precision}, {context} tokens x {Request.Concurrency} ({EngineName})");
            }
        }

        /// <summary>Lowest compute capability among the NVIDIA GPUs (what every tensor-parallel rank must support).</summary>
        public double? MinComputeCapability =>
            Nvidia.Select(g => Parse(g.ComputeCapability ?? g.Spec?.ComputeCapability)).Where(c => c != null).Select(c => c!.Value).DefaultIfEmpty(double.NaN).Min() is var min && !double.IsNaN(min) ? min : (double?)null;

        public SoftwarePackage? Package(string name) =>
            Inventory.Software?.Packages?.FirstOrDefault(p => string.Equals(p.Name.Replace('-', '_'), name.Replace('-', '_'), StringComparison.OrdinalIgnoreCase));

        public static double? Parse(string? value) =>
            double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : (double?)null;

        public SizingEstimate? Size(GpuSpec gpu, int? count, out string? error)
        {
            error = null;
            try
            {
                return SizingEngine.Estimate(NewRequest(gpu, count));
            }
            catch (SizingException ex)
            {
                error = ex.Message;
                return null;
            }
        }

        private SizingRequest NewRequest(GpuSpec? gpu, int? count) =>
            new SizingRequest(Model!)
            {
                Precision = Request.Precision,
                ContextLength = Request.ContextLength,
                Concurrency = Request.Concurrency,
                Workload = Request.Workload,
                Engine = Request.Engine,
                Gpu = gpu,
                GpuCount = gpu is null ? null : count,
            };
    }
}
