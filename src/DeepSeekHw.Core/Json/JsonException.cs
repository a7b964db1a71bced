using System;

namespace DeepSeekHw.Json
{
    /// <summary>Malformed JSON, with the position where reading stopped.</summary>
    public sealed class JsonException : FormatException
    {
        public JsonException(string message, int line, int column)
            : base(string.Format(System.Globalization.CultureInfo.InvariantCulture, "{0} (line {1}, column {2})", message, line, column))
        {
            Line = line;
            Column = column;
        }

        public JsonException()
        {
        }

        public JsonException(string message)
            : base(message)
        {
        }

        public JsonException(string message, Exception innerException)
            : base(message, innerException)
        {
        }

        public int Line { get; }

        public int Column { get; }
    }
}
