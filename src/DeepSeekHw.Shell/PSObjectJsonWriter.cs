using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace DeepSeekHw.Shell
{
    /// <summary>
    /// Writes pipeline output as one JSON array: public properties, nested objects to <see cref="MaxDepth"/>, enums as
    /// names, numbers as raw invariant numbers, dates as ISO 8601.
    /// </summary>
    internal static class PSObjectJsonWriter
    {
        public const int MaxDepth = 8;

        public static string Write(IEnumerable<PSObject?> objects)
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                writer.WriteStartArray();
                foreach (var item in objects)
                {
                    WriteValue(writer, item, 0);
                }

                writer.WriteEndArray();
            }

            return Encoding.UTF8.GetString(stream.ToArray());
        }

        private static void WriteValue(Utf8JsonWriter writer, object? value, int depth)
        {
            var pso = value as PSObject;
            var baseObject = pso?.BaseObject ?? value;
            switch (baseObject)
            {
                case null:
                    writer.WriteNullValue();
                    return;
                case string s:
                    writer.WriteStringValue(s);
                    return;
                case char c:
                    writer.WriteStringValue(c.ToString());
                    return;
                case bool b:
                    writer.WriteBooleanValue(b);
                    return;
                case Enum e:
                    writer.WriteStringValue(e.ToString());
                    return;
                case byte or sbyte or short or ushort or int or uint or long:
                    writer.WriteNumberValue(Convert.ToInt64(baseObject, CultureInfo.InvariantCulture));
                    return;
                case ulong ul:
                    writer.WriteNumberValue(ul);
                    return;
                case float or double:
                    var d = Convert.ToDouble(baseObject, CultureInfo.InvariantCulture);
                    if (double.IsFinite(d))
                    {
                        writer.WriteNumberValue(d);
                    }
                    else
                    {
                        writer.WriteNullValue();
                    }

                    return;
                case decimal m:
                    writer.WriteNumberValue(m);
                    return;
                case DateTime dt:
                    writer.WriteStringValue(dt.ToString("o", CultureInfo.InvariantCulture));
                    return;
                case DateTimeOffset dto:
                    writer.WriteStringValue(dto.ToString("o", CultureInfo.InvariantCulture));
                    return;
                case TimeSpan ts:
                    writer.WriteStringValue(ts.ToString("c", CultureInfo.InvariantCulture));
                    return;
                case Guid or Uri or Version or ScriptBlock:
                    writer.WriteStringValue(baseObject.ToString());
                    return;
            }

            if (depth >= MaxDepth)
            {
                writer.WriteStringValue(baseObject.ToString());
                return;
            }

            if (baseObject is IDictionary dictionary)
            {
                writer.WriteStartObject();
                foreach (DictionaryEntry entry in dictionary)
                {
                    writer.WritePropertyName(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty);
                    WriteValue(writer, entry.Value, depth + 1);
                }

                writer.WriteEndObject();
                return;
            }

            if (baseObject is IEnumerable enumerable)
            {
                writer.WriteStartArray();
                foreach (var item in enumerable)
                {
                    WriteValue(writer, item, depth + 1);
                }

                writer.WriteEndArray();
                return;
            }

            writer.WriteStartObject();
            foreach (var property in (pso ?? PSObject.AsPSObject(baseObject)).Properties.Where(p => p.IsGettable))
            {
                object? propertyValue;
                try
                {
                    propertyValue = property.Value;
                }
                catch (GetValueException)
                {
                    continue; // a getter that throws is left out, as ConvertTo-Json does
                }

                writer.WritePropertyName(property.Name);
                WriteValue(writer, propertyValue, depth + 1);
            }

            writer.WriteEndObject();
        }
    }
}
