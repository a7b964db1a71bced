using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace DeepSeekHw.Json
{
    /// <summary>
    /// Strict RFC 8259 reader. Input comes from files users edit and from tools on broken machines, so every
    /// failure is a <see cref="JsonException"/> with a position, never an index or overflow exception.
    /// </summary>
    public sealed class JsonParser
    {
        private const int MaxDepth = 256;

        private readonly string _text;
        private int _position;
        private int _depth;

        private JsonParser(string text)
        {
            _text = text;
        }

        public static JsonNode Parse(string text)
        {
            var parser = new JsonParser(text ?? string.Empty);
            parser.SkipWhitespace();
            if (parser._position < parser._text.Length && parser._text[parser._position] == '\uFEFF')
            {
                parser._position++; // a byte-order mark that survived decoding
                parser.SkipWhitespace();
            }

            var value = parser.ReadValue();
            parser.SkipWhitespace();
            if (parser._position != parser._text.Length)
            {
                throw parser.Error("Unexpected text after the JSON value");
            }

            return value;
        }

        public static bool TryParse(string text, out JsonNode value, out string? error)
        {
            try
            {
                value = Parse(text);
                error = null;
                return true;
            }
            catch (JsonException ex)
            {
                value = JsonNode.Null;
                error = ex.Message;
                return false;
            }
        }

        private JsonNode ReadValue()
        {
            if (_position >= _text.Length)
            {
                throw Error("Unexpected end of JSON");
            }

            switch (_text[_position])
            {
                case '{':
                    return ReadObject();
                case '[':
                    return ReadArray();
                case '"':
                    return JsonNode.FromString(ReadString());
                case 't':
                    ExpectWord("true");
                    return JsonNode.True;
                case 'f':
                    ExpectWord("false");
                    return JsonNode.False;
                case 'n':
                    ExpectWord("null");
                    return JsonNode.Null;
                default:
                    return ReadNumber();
            }
        }

        private JsonNode ReadObject()
        {
            Enter();
            _position++; // {
            var properties = new List<KeyValuePair<string, JsonNode>>();
            SkipWhitespace();
            if (Peek() == '}')
            {
                _position++;
                _depth--;
                return JsonNode.FromObject(properties);
            }

            while (true)
            {
                SkipWhitespace();
                if (Peek() != '"')
                {
                    throw Error("Expected a property name in double quotes");
                }

                var name = ReadString();
                SkipWhitespace();
                if (Peek() != ':')
                {
                    throw Error("Expected ':' after a property name");
                }

                _position++;
                SkipWhitespace();
                properties.Add(new KeyValuePair<string, JsonNode>(name, ReadValue()));
                SkipWhitespace();
                var next = Peek();
                _position++;
                if (next == '}')
                {
                    _depth--;
                    return JsonNode.FromObject(properties);
                }

                if (next != ',')
                {
                    _position--;
                    throw Error("Expected ',' or '}' in an object");
                }
            }
        }

        private JsonNode ReadArray()
        {
            Enter();
            _position++; // [
            var items = new List<JsonNode>();
            SkipWhitespace();
            if (Peek() == ']')
            {
                _position++;
                _depth--;
                return JsonNode.FromArray(items);
            }

            while (true)
            {
                SkipWhitespace();
                items.Add(ReadValue());
                SkipWhitespace();
                var next = Peek();
                _position++;
                if (next == ']')
                {
                    _depth--;
                    return JsonNode.FromArray(items);
                }

                if (next != ',')
                {
                    _position--;
                    throw Error("Expected ',' or ']' in an array");
                }
            }
        }

        private string ReadString()
        {
            _position++; // opening quote
            var builder = new StringBuilder();
            while (true)
            {
                if (_position >= _text.Length)
                {
                    throw Error("Unterminated string");
                }

                var c = _text[_position++];
                if (c == '"')
                {
                    return builder.ToString();
                }

                if (c < ' ')
                {
                    _position--;
                    throw Error("Control character in a string");
                }

                if (c != '\\')
                {
                    builder.Append(c);
                    continue;
                }

                if (_position >= _text.Length)
                {
                    throw Error("Unterminated escape");
                }

                var escape = _text[_position++];
                switch (escape)
                {
                    case '"': builder.Append('"'); break;
                    case '\\': builder.Append('\\'); break;
                    case '/': builder.Append('/'); break;
                    case 'b': builder.Append('\b'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'n': builder.Append('\n'); break;
                    case 'r': builder.Append('\r'); break;
                    case 't': builder.Append('\t'); break;
                    case 'u':
                        if (_position + 4 > _text.Length
                            || !int.TryParse(_text.Substring(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                        {
                            throw Error("Invalid \\u escape");
                        }

                        builder.Append((char)code); // surrogate pairs arrive as two escapes and recombine here
                        _position += 4;
                        break;
                    default:
                        _position--;
                        throw Error("Invalid escape character");
                }
            }
        }

        private JsonNode ReadNumber()
        {
            var start = _position;
            if (Peek() == '-')
            {
                _position++;
            }

            if (Peek() == '0')
            {
                _position++;
            }
            else if (IsDigit(Peek()))
            {
                SkipDigits();
            }
            else
            {
                throw Error("Unexpected character");
            }

            if (Peek() == '.')
            {
                _position++;
                if (!IsDigit(Peek()))
                {
                    throw Error("Expected a digit after the decimal point");
                }

                SkipDigits();
            }

            if (Peek() is 'e' or 'E')
            {
                _position++;
                if (Peek() is '+' or '-')
                {
                    _position++;
                }

                if (!IsDigit(Peek()))
                {
                    throw Error("Expected a digit in the exponent");
                }

                SkipDigits();
            }

            return JsonNode.FromNumberText(_text.Substring(start, _position - start));
        }

        private void SkipDigits()
        {
            while (IsDigit(Peek()))
            {
                _position++;
            }
        }

        private static bool IsDigit(char c) => c >= '0' && c <= '9';

        private void ExpectWord(string word)
        {
            if (string.CompareOrdinal(_text, _position, word, 0, word.Length) != 0)
            {
                throw Error("Unexpected character");
            }

            _position += word.Length;
        }

        private void Enter()
        {
            if (++_depth > MaxDepth)
            {
                throw Error("JSON nested too deeply");
            }
        }

        private char Peek() => _position < _text.Length ? _text[_position] : '\0';

        private void SkipWhitespace()
        {
            while (_position < _text.Length && _text[_position] is ' ' or '\t' or '\r' or '\n')
            {
                _position++;
            }
        }

        private JsonException Error(string message)
        {
            var line = 1;
            var column = 1;
            for (var i = 0; i < _position && i < _text.Length; i++)
            {
                if (_text[i] == '\n')
                {
                    line++;
                    column = 1;
                }
                else
                {
                    column++;
                }
            }

            return new JsonException(message, line, column);
        }
    }
}
