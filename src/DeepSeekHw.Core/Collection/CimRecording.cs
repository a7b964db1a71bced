using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DeepSeekHw.Json;

namespace DeepSeekHw.Collection
{
    /// <summary>Writes CIM instances (property name → value) as the JSON array a cim: source holds.</summary>
    public static class CimRecording
    {
        public static string ToJson(IEnumerable<IEnumerable<KeyValuePair<string, object?>>> instances) =>
            JsonWriter.Write(JsonNode.FromArray(instances.Select(properties =>
                JsonNode.FromObject(properties.Select(p => new KeyValuePair<string, JsonNode>(p.Key, ToNode(p.Value)))))));

        private static JsonNode ToNode(object? value) => value switch
        {
            null => JsonNode.Null,
            string text => JsonNode.FromString(text),
            bool flag => JsonNode.FromBoolean(flag),
            byte or sbyte or short or ushort or int or uint or long => JsonNode.FromNumber(Convert.ToInt64(value, CultureInfo.InvariantCulture)),
            ulong big => big <= long.MaxValue ? JsonNode.FromNumber((long)big) : JsonNode.FromString(big.ToString(CultureInfo.InvariantCulture)),
            float or double or decimal => JsonNode.FromNumber(Convert.ToDouble(value, CultureInfo.InvariantCulture)),
            DateTime time => JsonNode.FromString(time.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture)),
            IEnumerable items => JsonNode.FromArray(items.Cast<object?>().Select(ToNode)),
            _ => JsonNode.FromString(Convert.ToString(value, CultureInfo.InvariantCulture)),
        };
    }
}
