using System;
using System.Globalization;
using DeepSeekHw.Json;

namespace DeepSeekHw.Catalog
{
    /// <summary>
    /// Reads the product's own data files strictly: a field that is missing or of the wrong type is an error naming the
    /// file, the entry and the field, found by the tests at build time instead of becoming an empty string at run time.
    /// </summary>
    internal static class StrictData
    {
        public static string Text(JsonNode node, string field, string where) =>
            node[field].AsString() is { } value && value.Length > 0 ? value : throw Missing(where, field, "a non-empty string");

        public static string? OptionalText(JsonNode node, string field, string where)
        {
            Present(node, field, where);
            return node[field].IsNull ? null : node[field].AsString() ?? throw Missing(where, field, "a string or null");
        }

        public static bool Flag(JsonNode node, string field, string where) =>
            node[field].AsBoolean() ?? throw Missing(where, field, "true or false");

        public static double Number(JsonNode node, string field, string where) =>
            node[field].AsDouble() is { } value && !double.IsNaN(value) && !double.IsInfinity(value) ? value : throw Missing(where, field, "a number");

        public static double? OptionalNumber(JsonNode node, string field, string where)
        {
            Present(node, field, where);
            return node[field].IsNull ? null : Number(node, field, where);
        }

        /// <summary>One of an enum's names, spelled in camel case in the file ("inStep" for InStep); numbers are refused.</summary>
        public static TEnum Choice<TEnum>(JsonNode node, string field, string where)
            where TEnum : struct, Enum
        {
            var text = Text(node, field, where);
            return !char.IsDigit(text[0]) && text[0] != '-' && Enum.TryParse<TEnum>(text, true, out var value) && Enum.IsDefined(typeof(TEnum), value)
                ? value
                : throw Missing(where, field, "one of " + string.Join(", ", Enum.GetNames(typeof(TEnum))));
        }

        public static long Whole(JsonNode node, string field, string where) =>
            node[field].AsInt64() ?? throw Missing(where, field, "an integer");

        private static void Present(JsonNode node, string field, string where)
        {
            if (!node.Has(field))
            {
                throw Missing(where, field, "present (null where it does not apply)");
            }
        }

        private static CatalogException Missing(string where, string field, string what) =>
            new CatalogException(string.Format(CultureInfo.InvariantCulture, "{0}: '{1}' must be {2}.", where, field, what));
    }
}
