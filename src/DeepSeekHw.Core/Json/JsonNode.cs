using System;
using System.Collections.Generic;
using System.Globalization;

namespace DeepSeekHw.Json
{
    /// <summary>The kinds of JSON value.</summary>
    public enum JsonKind
    {
        Null,
        Boolean,
        Number,
        String,
        Array,
        Object,
    }

    /// <summary>
    /// An immutable JSON value. The core reads catalogs, fact bundles and tool output (rocm-smi, lsblk -J) through this
    /// one type; numbers keep their source text so 64-bit integers never pass through a double.
    /// </summary>
    public sealed class JsonNode
    {
        private static readonly IReadOnlyList<JsonNode> NoItems = Array.Empty<JsonNode>();
        private static readonly IReadOnlyList<KeyValuePair<string, JsonNode>> NoProperties = Array.Empty<KeyValuePair<string, JsonNode>>();

        private readonly string? _text;
        private readonly IReadOnlyList<JsonNode> _items;
        private readonly IReadOnlyList<KeyValuePair<string, JsonNode>> _properties;
        private readonly Dictionary<string, JsonNode>? _index;

        public static readonly JsonNode Null = new JsonNode(JsonKind.Null, null, NoItems, NoProperties);
        public static readonly JsonNode True = new JsonNode(JsonKind.Boolean, "true", NoItems, NoProperties);
        public static readonly JsonNode False = new JsonNode(JsonKind.Boolean, "false", NoItems, NoProperties);

        private JsonNode(JsonKind kind, string? text, IReadOnlyList<JsonNode> items, IReadOnlyList<KeyValuePair<string, JsonNode>> properties)
        {
            Kind = kind;
            _text = text;
            _items = items;
            _properties = properties;
            if (kind == JsonKind.Object)
            {
                _index = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
                foreach (var property in properties)
                {
                    _index[property.Key] = property.Value; // last duplicate wins, as in most parsers
                }
            }
        }

        public JsonKind Kind { get; }

        public bool IsNull => Kind == JsonKind.Null;

        public static JsonNode FromString(string? value) =>
            value is null ? Null : new JsonNode(JsonKind.String, value, NoItems, NoProperties);

        public static JsonNode FromBoolean(bool value) => value ? True : False;

        public static JsonNode FromNumber(long value) =>
            new JsonNode(JsonKind.Number, value.ToString(CultureInfo.InvariantCulture), NoItems, NoProperties);

        public static JsonNode FromNumber(double value)
        {
            if (double.IsNaN(value) || double.IsInfinity(value))
            {
                return Null; // JSON has no NaN or infinity
            }

            return new JsonNode(JsonKind.Number, value.ToString("R", CultureInfo.InvariantCulture), NoItems, NoProperties);
        }

        /// <summary>Creates a number from text that is already valid JSON number syntax.</summary>
        internal static JsonNode FromNumberText(string text) => new JsonNode(JsonKind.Number, text, NoItems, NoProperties);

        public static JsonNode FromArray(IEnumerable<JsonNode> items) =>
            new JsonNode(JsonKind.Array, null, new List<JsonNode>(items), NoProperties);

        public static JsonNode FromObject(IEnumerable<KeyValuePair<string, JsonNode>> properties) =>
            new JsonNode(JsonKind.Object, null, NoItems, new List<KeyValuePair<string, JsonNode>>(properties));

        /// <summary>Array items; empty for anything that is not an array.</summary>
        public IReadOnlyList<JsonNode> Items => _items;

        /// <summary>Object properties in document order; empty for anything that is not an object.</summary>
        public IReadOnlyList<KeyValuePair<string, JsonNode>> Properties => _properties;

        /// <summary>The property with this exact name, or <see cref="Null"/> when absent or when this is not an object.</summary>
        public JsonNode this[string name] => _index != null && _index.TryGetValue(name, out var value) ? value : Null;

        public bool Has(string name) => _index != null && _index.ContainsKey(name);

        /// <summary>The string value, or null when this is not a string.</summary>
        public string? AsString() => Kind == JsonKind.String ? _text : null;

        /// <summary>The number's source text, or null when this is not a number.</summary>
        public string? NumberText => Kind == JsonKind.Number ? _text : null;

        public bool? AsBoolean() => Kind == JsonKind.Boolean ? _text == "true" : (bool?)null;

        public long? AsInt64()
        {
            if (Kind != JsonKind.Number || _text is null)
            {
                return null;
            }

            if (long.TryParse(_text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
            {
                return whole;
            }

            // 1e9 or 4096.0 are integers written another way.
            if (double.TryParse(_text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real)
                && Math.Abs(real) < 9.2e18 && Math.Floor(real) == real)
            {
                return (long)real;
            }

            return null;
        }

        public int? AsInt32()
        {
            var value = AsInt64();
            return value is >= int.MinValue and <= int.MaxValue ? (int)value.Value : (int?)null;
        }

        public double? AsDouble() =>
            Kind == JsonKind.Number && _text != null
            && double.TryParse(_text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                ? value
                : (double?)null;

        public override string ToString() => JsonWriter.Write(this, indented: false);
    }
}
