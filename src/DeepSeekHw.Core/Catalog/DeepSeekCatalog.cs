using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace DeepSeekHw.Catalog
{
    /// <summary>
    /// The models and GPUs the product knows: the embedded catalogs, optionally overlaid with users' own files.
    /// Immutable; <see cref="Merge"/> returns a new catalog, so concurrent runspaces never see half an import.
    /// </summary>
    public sealed class DeepSeekCatalog
    {
        private static readonly Lazy<DeepSeekCatalog> BuiltinCatalog = new Lazy<DeepSeekCatalog>(LoadBuiltin);

        private readonly Dictionary<string, ModelSpec> _modelsByKey;
        private readonly Dictionary<string, GpuSpec> _gpusByKey;
        private readonly Dictionary<string, GpuSpec> _gpusByPciId;

        // Reported names already matched against the patterns: a fleet repeats a handful of names thousands of times.
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, GpuSpec?> _matchedReportedNames =
            new System.Collections.Concurrent.ConcurrentDictionary<string, GpuSpec?>(StringComparer.Ordinal);

        private DeepSeekCatalog(IReadOnlyList<ModelSpec> models, IReadOnlyList<GpuSpec> gpus, IReadOnlyList<string> origins)
        {
            Models = models;
            Gpus = gpus;
            Origins = origins;
            _modelsByKey = Index(models, ModelNames);
            _gpusByKey = Index(gpus, GpuNames);
            _gpusByPciId = new Dictionary<string, GpuSpec>(StringComparer.Ordinal);
            foreach (var gpu in gpus)
            {
                foreach (var id in gpu.PciDeviceIds)
                {
                    _gpusByPciId[id] = gpu; // a later file's entry wins, as for names
                }
            }
        }

        /// <summary>The entry listing this PCI id ("10DE:2204"), or null. Several products can share an id; the catalog lists it once.</summary>
        public GpuSpec? FindGpuByPciId(string? pciId) =>
            pciId != null && _gpusByPciId.TryGetValue(pciId.ToUpperInvariant(), out var gpu) ? gpu : null;

        /// <summary>The catalog shipped inside the module.</summary>
        public static DeepSeekCatalog Builtin => BuiltinCatalog.Value;

        public IReadOnlyList<ModelSpec> Models { get; }

        public IReadOnlyList<GpuSpec> Gpus { get; }

        /// <summary>Where the entries came from: "builtin" and then each merged file, in order.</summary>
        public IReadOnlyList<string> Origins { get; }

        /// <summary>Every name a model answers to: its name, repository id (with and without owner) and aliases.</summary>
        public static IEnumerable<string> ModelNames(ModelSpec model)
        {
            yield return model.Name;
            yield return model.Id;
            var slash = model.Id.LastIndexOf('/');
            if (slash >= 0)
            {
                yield return model.Id.Substring(slash + 1);
            }

            foreach (var alias in model.Aliases)
            {
                yield return alias;
            }
        }

        /// <summary>Every name a GPU answers to: its short name, display name and aliases.</summary>
        public static IEnumerable<string> GpuNames(GpuSpec gpu)
        {
            yield return gpu.Name;
            yield return gpu.DisplayName;
            foreach (var alias in gpu.Aliases)
            {
                yield return alias;
            }
        }

        /// <summary>The model with this name, id or alias (case, spaces and punctuation ignored), or null.</summary>
        public ModelSpec? FindModel(string name) =>
            _modelsByKey.TryGetValue(NameKey.Of(name), out var model) ? model : null;

        /// <summary>
        /// The GPU with this short name, display name or alias, or else the one whose patterns match a name as a tool
        /// reports it (nvidia-smi, rocm-smi, CIM); null when nothing matches.
        /// </summary>
        public GpuSpec? FindGpu(string name)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                return null;
            }

            if (_gpusByKey.TryGetValue(NameKey.Of(name), out var gpu))
            {
                return gpu;
            }

            var reported = GpuNameMatcher.NormalizeReported(name);
            if (_matchedReportedNames.TryGetValue(reported, out var known))
            {
                return known;
            }

            var match = Gpus.FirstOrDefault(g => GpuNameMatcher.Matches(g, reported));
            if (_matchedReportedNames.Count < 4096)
            {
                _matchedReportedNames[reported] = match;
            }

            return match;
        }

        public IReadOnlyList<string> SuggestModels(string name) =>
            NameSuggester.Suggest(name, Models.Select(m => (m.Name, ModelNames(m))));

        public IReadOnlyList<string> SuggestGpus(string name) =>
            NameSuggester.Suggest(name, Gpus.Select(g => (g.Name, GpuNames(g))));

        /// <summary>
        /// A new catalog with the document's entries added; an entry whose name (or any other name it answers to) is
        /// already taken replaces the entry that holds it.
        /// </summary>
        public DeepSeekCatalog Merge(CatalogDocument document, string origin)
        {
            var models = Replace(Models, document.Models, ModelNames);
            var gpus = Replace(Gpus, document.Gpus, GpuNames);
            return new DeepSeekCatalog(models, gpus, Origins.Concat(new[] { origin }).ToList());
        }

        private static List<T> Replace<T>(IReadOnlyList<T> existing, IReadOnlyList<T> incoming, Func<T, IEnumerable<string>> names)
            where T : class
        {
            var result = existing.ToList();
            foreach (var entry in incoming)
            {
                var keys = new HashSet<string>(names(entry).Select(NameKey.Of).Where(k => k.Length > 0));
                var index = result.FindIndex(e => names(e).Select(NameKey.Of).Any(keys.Contains));
                if (index >= 0)
                {
                    result[index] = entry;
                }
                else
                {
                    result.Add(entry);
                }
            }

            return result;
        }

        private static Dictionary<string, T> Index<T>(IEnumerable<T> entries, Func<T, IEnumerable<string>> names)
        {
            var index = new Dictionary<string, T>(StringComparer.Ordinal);
            foreach (var entry in entries)
            {
                foreach (var key in names(entry).Select(NameKey.Of).Where(k => k.Length > 0))
                {
                    if (!index.ContainsKey(key))
                    {
                        index.Add(key, entry); // the first entry to claim a name keeps it
                    }
                }
            }

            return index;
        }

        private static DeepSeekCatalog LoadBuiltin()
        {
            var models = CatalogReader.Read(ReadResource("models.json"), "builtin models.json");
            var gpus = CatalogReader.Read(ReadResource("gpus.json"), "builtin gpus.json");

            // Datasheet entries first, so they keep every name they share with the generated reference entries.
            var reference = CatalogReader.Read(ReadResource("gpus-reference.json"), "builtin gpus-reference.json");
            return new DeepSeekCatalog(models.Models.Concat(gpus.Models).ToList(), models.Gpus.Concat(gpus.Gpus).Concat(reference.Gpus).ToList(), new[] { "builtin" });
        }

        internal static string ReadResource(string fileName)
        {
            var assembly = typeof(DeepSeekCatalog).Assembly;
            using var stream = assembly.GetManifestResourceStream("DeepSeekHw.Catalog.Data." + fileName)
                ?? throw new InvalidOperationException("Embedded catalog resource missing: " + fileName);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }
}
