using System;
using System.Collections.Generic;
using System.Linq;
using DeepSeekHw.Json;

namespace DeepSeekHw.Catalog
{
    /// <summary>
    /// The versioned compatibility data the readiness checks apply (embedded compat.json, schema deepseekhw/compat@1):
    /// NVIDIA's CUDA↔driver table, compute capability per precision, PyTorch builds, ROCm GPU targets, engine minimums and
    /// the seed guide's checklist. Each row keeps its source, which the checks copy into their results.
    /// </summary>
    public sealed class CompatibilityChecklist
    {
        public const string Schema = "deepseekhw/compat@1";

        private static readonly Lazy<CompatibilityChecklist> BuiltinChecklist = new Lazy<CompatibilityChecklist>(() => Read(DeepSeekCatalog.ReadResource("compat.json")));

        private CompatibilityChecklist(JsonNode root)
        {
            Version = root["version"].AsString() ?? string.Empty;
            CudaDrivers = root["cudaDrivers"].Items.Select(r => new CudaDriverRow(Text(r, "cuda"), Text(r, "release"), r["linux"].AsString(), r["windows"].AsString(), Text(r, "source"))).ToList();
            MinorCompatibility = root["cudaMinorCompatibility"].Items.Select(r => new CudaDriverRow(r["major"].NumberText ?? string.Empty, "any " + r["major"].NumberText + ".x", r["linux"].AsString(), r["windows"].AsString(), Text(r, "source"))).ToList();
            Precisions = root["precisions"].Items.Select(r => new PrecisionRow(Text(r, "precision"), Text(r, "minComputeCapability"), r["weightOnlyMinComputeCapability"].AsString(), r["weightOnlyEngines"].Items.Select(e => e.AsString() ?? string.Empty).ToArray(), Text(r, "feature"), r["fallback"].AsString(), Text(r, "source"))).ToList();
            Rocm = root["rocm"].Items.Select(r => new RocmRow(Text(r, "rocm"), r["gfx"].Items.Select(g => g.AsString() ?? string.Empty).ToArray(), Text(r, "source"))).ToList();
            Engines = root["engines"].Items.Select(r => new EngineRow(Text(r, "engine"), r["minimum"].AsString(), r["families"].Items.Select(f => f.AsString() ?? string.Empty).ToArray(), Text(r, "source"))).ToList();
            FrameworkMinimums = root["frameworkMinimums"].Items.Select(r => new FrameworkMinimumRow(Text(r, "package"), Text(r, "minimum"), Text(r, "when"), Text(r, "reason"), Text(r, "source"))).ToList();
            var mla = root["flashMla"];
            FlashMla = new FlashMlaRow(mla["computeCapabilities"].Items.Select(c => c.AsString() ?? string.Empty).ToArray(), Text(mla, "minCuda"), Text(mla, "minCudaBlackwell"), Text(mla, "source"));
            SeedChecklist = root["seedChecklist"].Items.Select(r => new SeedRow(Text(r, "item"), Text(r, "minimum"), r["cuda"].AsString() ?? r["rocm"].AsString(), Text(r, "guide"), Text(r, "vendor"))).ToList();
        }

        public static CompatibilityChecklist Builtin => BuiltinChecklist.Value;

        /// <summary>The data's version (a date), shown by docs/compatibility.md and in check sources.</summary>
        public string Version { get; }

        public IReadOnlyList<CudaDriverRow> CudaDrivers { get; }

        public IReadOnlyList<CudaDriverRow> MinorCompatibility { get; }

        public IReadOnlyList<PrecisionRow> Precisions { get; }

        public IReadOnlyList<RocmRow> Rocm { get; }

        public IReadOnlyList<EngineRow> Engines { get; }

        public IReadOnlyList<FrameworkMinimumRow> FrameworkMinimums { get; }

        public FlashMlaRow FlashMla { get; }

        public IReadOnlyList<SeedRow> SeedChecklist { get; }

        public static CompatibilityChecklist Read(string json)
        {
            var root = JsonParser.Parse(json);
            var schema = root["schema"].AsString();
            if (schema != Schema)
            {
                throw new CatalogException("compat.json: 'schema' must be \"" + Schema + "\" (found " + (schema ?? "none") + ").");
            }

            return new CompatibilityChecklist(root);
        }

        /// <summary>The GA row of a CUDA major.minor ("12.1"): the first listed release of it is the lowest driver.</summary>
        public CudaDriverRow? DriverFor(string cudaMajorMinor) =>
            CudaDrivers.FirstOrDefault(r => VersionNumber.Compare(r.Cuda, cudaMajorMinor, 2) == 0);

        public CudaDriverRow? MinorCompatibilityFor(string cudaVersion) =>
            MinorCompatibility.FirstOrDefault(r => r.Cuda == VersionNumber.Major(cudaVersion));

        public PrecisionRow? PrecisionFor(string precision) =>
            Precisions.FirstOrDefault(r => string.Equals(r.Precision, precision, StringComparison.OrdinalIgnoreCase));

        public EngineRow? EngineFor(string engine) =>
            Engines.FirstOrDefault(r => string.Equals(r.Engine, engine, StringComparison.OrdinalIgnoreCase));

        public SeedRow Seed(string item) => SeedChecklist.First(r => r.Item == item);

        private static string Text(JsonNode row, string name) => row[name].AsString() ?? string.Empty;
    }

    public sealed class CudaDriverRow
    {
        public CudaDriverRow(string cuda, string release, string? linux, string? windows, string source)
        {
            Cuda = cuda;
            Release = release;
            Linux = linux;
            Windows = windows;
            Source = source;
        }

        public string Cuda { get; }

        public string Release { get; }

        public string? Linux { get; }

        public string? Windows { get; }

        public string Source { get; }

        public string? For(string platform) => string.Equals(platform, "Windows", StringComparison.OrdinalIgnoreCase) ? Windows : Linux;
    }

    public sealed class PrecisionRow
    {
        public PrecisionRow(string precision, string minComputeCapability, string? weightOnlyMinComputeCapability, string[] weightOnlyEngines, string feature, string? fallback, string source)
        {
            Precision = precision;
            MinComputeCapability = minComputeCapability;
            WeightOnlyMinComputeCapability = weightOnlyMinComputeCapability;
            WeightOnlyEngines = weightOnlyEngines;
            Feature = feature;
            Fallback = fallback;
            Source = source;
        }

        public string Precision { get; }

        public string MinComputeCapability { get; }

        /// <summary>Where weights of this precision still run (dequantized in the kernel) without native units.</summary>
        public string? WeightOnlyMinComputeCapability { get; }

        public string[] WeightOnlyEngines { get; }

        public string Feature { get; }

        public string? Fallback { get; }

        public string Source { get; }
    }

    public sealed class RocmRow
    {
        public RocmRow(string rocm, string[] gfx, string source)
        {
            Rocm = rocm;
            Gfx = gfx;
            Source = source;
        }

        public string Rocm { get; }

        public string[] Gfx { get; }

        public string Source { get; }
    }

    public sealed class EngineRow
    {
        public EngineRow(string engine, string? minimum, string[] families, string source)
        {
            Engine = engine;
            Minimum = minimum;
            Families = families;
            Source = source;
        }

        public string Engine { get; }

        /// <summary>The first release that supports the families listed (others: any release).</summary>
        public string? Minimum { get; }

        public string[] Families { get; }

        public string Source { get; }
    }

    public sealed class FrameworkMinimumRow
    {
        public FrameworkMinimumRow(string package, string minimum, string when, string reason, string source)
        {
            Package = package;
            Minimum = minimum;
            When = when;
            Reason = reason;
            Source = source;
        }

        public string Package { get; }

        public string Minimum { get; }

        /// <summary>FP8 (the precision), Blackwell (the GPU generation) or a model family.</summary>
        public string When { get; }

        public string Reason { get; }

        public string Source { get; }
    }

    public sealed class FlashMlaRow
    {
        public FlashMlaRow(string[] computeCapabilities, string minCuda, string minCudaBlackwell, string source)
        {
            ComputeCapabilities = computeCapabilities;
            MinCuda = minCuda;
            MinCudaBlackwell = minCudaBlackwell;
            Source = source;
        }

        public string[] ComputeCapabilities { get; }

        public string MinCuda { get; }

        public string MinCudaBlackwell { get; }

        public string Source { get; }
    }

    public sealed class SeedRow
    {
        public SeedRow(string item, string minimum, string? platformVersion, string guide, string vendor)
        {
            Item = item;
            Minimum = minimum;
            PlatformVersion = platformVersion;
            Guide = guide;
            Vendor = vendor;
        }

        public string Item { get; }

        public string Minimum { get; }

        /// <summary>The CUDA or ROCm release the guide ties the minimum to.</summary>
        public string? PlatformVersion { get; }

        public string Guide { get; }

        /// <summary>What the vendor documents instead, which decides the verdict.</summary>
        public string Vendor { get; }
    }
}
