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
            // Strict: every required field of every row must be there (StrictData names the row and field otherwise).
            Version = StrictData.Text(root, "version", "compat.json");
            Policies = ReadPolicies(root);
            CudaDrivers = Rows(root, "cudaDrivers", (r, w) => new CudaDriverRow(StrictData.Text(r, "cuda", w), StrictData.Text(r, "release", w), r["linux"].AsString(), r["windows"].AsString(), StrictData.Text(r, "source", w)));
            MinorCompatibility = Rows(root, "cudaMinorCompatibility", (r, w) => new CudaDriverRow(r["major"].NumberText ?? throw new CatalogException(w + ": 'major' must be a number."), "any " + r["major"].NumberText + ".x", r["linux"].AsString(), r["windows"].AsString(), StrictData.Text(r, "source", w)));
            Precisions = Rows(root, "precisions", (r, w) => new PrecisionRow(StrictData.Text(r, "precision", w), StrictData.Text(r, "minComputeCapability", w), r["weightOnlyMinComputeCapability"].AsString(), r["weightOnlyEngines"].Items.Select(e => e.AsString() ?? string.Empty).ToArray(), StrictData.Text(r, "feature", w), r["fallback"].AsString(), StrictData.Text(r, "source", w)));
            Rocm = Rows(root, "rocm", (r, w) => new RocmRow(StrictData.Text(r, "rocm", w), r["gfx"].Items.Select(g => g.AsString() ?? string.Empty).ToArray(), StrictData.Text(r, "source", w)));
            Engines = Rows(root, "engines", (r, w) => new EngineRow(StrictData.Text(r, "engine", w), r["minimum"].AsString(), r["families"].Items.Select(f => f.AsString() ?? string.Empty).ToArray(), StrictData.Text(r, "source", w)));
            FrameworkMinimums = Rows(root, "frameworkMinimums", (r, w) => new FrameworkMinimumRow(StrictData.Text(r, "package", w), StrictData.Text(r, "minimum", w), StrictData.Text(r, "when", w), StrictData.Text(r, "reason", w), StrictData.Text(r, "source", w)));
            MemoryPlatforms = Rows(root, "memoryPlatforms", MemoryPlatformRow.Read);
            var mla = root["flashMla"];
            FlashMla = new FlashMlaRow(mla["computeCapabilities"].Items.Select(c => c.AsString() ?? string.Empty).ToArray(), StrictData.Text(mla, "minCuda", "compat.json: flashMla"), StrictData.Text(mla, "minCudaBlackwell", "compat.json: flashMla"), StrictData.Text(mla, "source", "compat.json: flashMla"));
            SeedChecklist = Rows(root, "seedChecklist", (r, w) => new SeedRow(StrictData.Text(r, "item", w), StrictData.Text(r, "minimum", w), r["cuda"].AsString() ?? r["rocm"].AsString(), StrictData.Text(r, "guide", w), StrictData.Text(r, "vendor", w)));
            foreach (var required in new[] { "NVIDIA driver", "AMD driver" })
            {
                if (Seed(required).PlatformVersion is null)
                {
                    throw new CatalogException("compat.json: the seed checklist's '" + required + "' row must name its CUDA or ROCm release.");
                }
            }
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

        /// <summary>CPU platforms' memory channels and top transfer rate, first match on the CPU's model name wins.</summary>
        public IReadOnlyList<MemoryPlatformRow> MemoryPlatforms { get; }

        public IReadOnlyList<SeedRow> SeedChecklist { get; }

        /// <summary>The numbers of policy the rules apply (RAM per GPU memory, cores per GPU, margins, MTUs), each with its source.</summary>
        public IReadOnlyDictionary<string, PolicyRow> Policies { get; }

        /// <summary>A policy's value; a name the data lacks is a bug the tests catch, never a silent default.</summary>
        public PolicyRow Policy(string name) =>
            Policies.TryGetValue(name, out var row) ? row : throw new CatalogException("compat.json has no policy '" + name + "'.");

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

        /// <summary>The memory platform of a CPU model name (lscpu "Model name", Win32_Processor.Name), or null.</summary>
        public MemoryPlatformRow? MemoryPlatformFor(string? cpuModel) =>
            string.IsNullOrWhiteSpace(cpuModel) ? null : MemoryPlatforms.FirstOrDefault(p => p.Matches(cpuModel!));

        // Every policy a rule applies must be there, positive and named once: a missing one fails the load, never a check.
        private static Dictionary<string, PolicyRow> ReadPolicies(JsonNode root)
        {
            var policies = new Dictionary<string, PolicyRow>(StringComparer.Ordinal);
            foreach (var row in Rows(root, "policies", (r, w) => (Row: new PolicyRow(StrictData.Text(r, "name", w), StrictData.Number(r, "value", w), StrictData.Text(r, "source", w)), Where: w)))
            {
                if (row.Row.Value <= 0 || policies.ContainsKey(row.Row.Name))
                {
                    throw new CatalogException(row.Where + ": policy '" + row.Row.Name + "' must be positive and named once.");
                }

                policies.Add(row.Row.Name, row.Row);
            }

            var missing = Readiness.PolicyNames.All.Where(n => !policies.ContainsKey(n)).ToList();
            if (missing.Count > 0)
            {
                throw new CatalogException("compat.json: 'policies' lacks " + string.Join(", ", missing) + ".");
            }

            return policies;
        }

        private static string Where(string section, int index) => "compat.json: " + section + "[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";

        private static List<T> Rows<T>(JsonNode root, string section, Func<JsonNode, string, T> read) =>
            root[section].Items.Select((row, i) => read(row, Where(section, i))).ToList();
    }

    /// <summary>One number of policy and where it comes from.</summary>
    public sealed class PolicyRow
    {
        public PolicyRow(string name, double value, string source)
        {
            Name = name;
            Value = value;
            Source = source;
        }

        public string Name { get; }

        public double Value { get; }

        public string Source { get; }
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
