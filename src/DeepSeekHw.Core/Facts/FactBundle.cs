using System;
using System.Collections.Generic;

namespace DeepSeekHw.Facts
{
    /// <summary>
    /// Everything the collector saw on one machine, raw: the replayable input of every parser. Its JSON form
    /// (schema deepseekhw/facts@1) is described in docs/facts.md.
    /// </summary>
    public sealed class FactBundle
    {
        public const string SchemaId = "deepseekhw/facts@1";

        // Position of each id in the ordered list: adding or replacing is O(1), however many sources a bundle holds.
        private readonly Dictionary<string, int> _index = new Dictionary<string, int>(StringComparer.Ordinal);
        private readonly List<FactSource> _ordered = new List<FactSource>();

        public string ComputerName { get; set; } = string.Empty;

        public DateTimeOffset CollectedAt { get; set; }

        /// <summary>Linux, Windows or MacOS: which parsers apply.</summary>
        public string Platform { get; set; } = string.Empty;

        public string CollectorName { get; set; } = "DeepSeekHw";

        public string CollectorVersion { get; set; } = string.Empty;

        /// <summary>Sources in the order they were added.</summary>
        public IReadOnlyList<FactSource> Sources => _ordered;

        /// <summary>Adds a source; one with the same id is replaced where it stood.</summary>
        public void Add(FactSource source)
        {
            if (source is null)
            {
                throw new ArgumentNullException(nameof(source));
            }

            if (_index.TryGetValue(source.Id, out var position))
            {
                _ordered[position] = source;
            }
            else
            {
                _index[source.Id] = _ordered.Count;
                _ordered.Add(source);
            }
        }

        /// <summary>When set, every id and prefix a parser asks for is noted here (tests prove each table row is read).</summary>
        internal ICollection<string>? Reads { get; set; }

        /// <summary>The source with this exact id, or null when the collector did not record it.</summary>
        public FactSource? Get(string id)
        {
            Reads?.Add(id);
            return _index.TryGetValue(id, out var position) ? _ordered[position] : null;
        }

        /// <summary>The output of a source that ran cleanly, or null.</summary>
        public string? OutputOf(string id)
        {
            var source = Get(id);
            return source != null && source.HasUsableOutput ? source.Output : null;
        }

        /// <summary>Sources whose id starts with the prefix (sysfs trees: one source per file).</summary>
        public IEnumerable<FactSource> WithPrefix(string prefix)
        {
            Reads?.Add(prefix);
            foreach (var source in _ordered)
            {
                if (source.Id.StartsWith(prefix, StringComparison.Ordinal))
                {
                    yield return source;
                }
            }
        }
    }
}
