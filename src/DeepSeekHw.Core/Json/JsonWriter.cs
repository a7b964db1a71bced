using System.Globalization;
using System.Text;

namespace DeepSeekHw.Json
{
    /// <summary>Writes <see cref="JsonNode"/> trees as JSON text, culture-invariant and with minimal escaping.</summary>
    public static class JsonWriter
    {
        public static string Write(JsonNode node, bool indented = true)
        {
            var builder = new StringBuilder();
            Write(builder, node, indented, 0);
            return builder.ToString();
        }

        private static void Write(StringBuilder builder, JsonNode node, bool indented, int depth)
        {
            switch (node.Kind)
            {
                case JsonKind.Null:
                    builder.Append("null");
                    break;
                case JsonKind.Boolean:
                    builder.Append(node.AsBoolean() == true ? "true" : "false");
                    break;
                case JsonKind.Number:
                    builder.Append(node.NumberText);
                    break;
                case JsonKind.String:
                    WriteString(builder, node.AsString()!);
                    break;
                case JsonKind.Array:
                    WriteContainer(builder, '[', ']', node.Items.Count, indented, depth, (b, i) => Write(b, node.Items[i], indented, depth + 1));
                    break;
                case JsonKind.Object:
                    WriteContainer(builder, '{', '}', node.Properties.Count, indented, depth, (b, i) =>
                    {
                        WriteString(b, node.Properties[i].Key);
                        b.Append(indented ? ": " : ":");
                        Write(b, node.Properties[i].Value, indented, depth + 1);
                    });
                    break;
            }
        }

        private static void WriteContainer(StringBuilder builder, char open, char close, int count, bool indented, int depth, System.Action<StringBuilder, int> writeItem)
        {
            builder.Append(open);
            if (count == 0)
            {
                builder.Append(close);
                return;
            }

            for (var i = 0; i < count; i++)
            {
                if (i > 0)
                {
                    builder.Append(',');
                }

                NewLine(builder, indented, depth + 1);
                writeItem(builder, i);
            }

            NewLine(builder, indented, depth);
            builder.Append(close);
        }

        private static void NewLine(StringBuilder builder, bool indented, int depth)
        {
            if (indented)
            {
                builder.Append('\n').Append(' ', depth * 2);
            }
        }

        private static bool IsLoneSurrogate(string value, int i)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c))
            {
                return i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]);
            }

            return char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(value[i - 1]));
        }

        public static void WriteString(StringBuilder builder, string value)
        {
            builder.Append('"');
            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                switch (c)
                {
                    case '"': builder.Append("\\\""); break;
                    case '\\': builder.Append("\\\\"); break;
                    case '\n': builder.Append("\\n"); break;
                    case '\r': builder.Append("\\r"); break;
                    case '\t': builder.Append("\\t"); break;
                    case '\b': builder.Append("\\b"); break;
                    case '\f': builder.Append("\\f"); break;
                    default:
                        // A lone surrogate has no UTF-8 form (it would be written as U+FFFD): as an escape it round-trips.
                        if (c < ' ' || c == '\u2028' || c == '\u2029' || IsLoneSurrogate(value, i))
                        {
                            builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            builder.Append(c);
                        }

                        break;
                }
            }

            builder.Append('"');
        }
    }
}
