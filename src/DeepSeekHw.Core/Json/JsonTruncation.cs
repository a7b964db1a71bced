using System.Collections.Generic;
using System.Text;

namespace DeepSeekHw.Json
{
    /// <summary>
    /// Recovers what a JSON document cut short still says: a tool killed at its timeout, output capped at the collector's
    /// limit, or a capture pasted in part. The text is cut after the last complete member of an object or array and the
    /// containers still open are closed, so every member before the cut is read and nothing after it is invented.
    /// </summary>
    internal static class JsonTruncation
    {
        public static string? Close(string text)
        {
            var open = new Stack<char>();
            var inString = false;
            var escaped = false;
            var cut = -1;
            string? closersAtCut = null;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (inString)
                {
                    if (escaped)
                    {
                        escaped = false;
                    }
                    else if (c == '\\')
                    {
                        escaped = true;
                    }
                    else if (c == '"')
                    {
                        inString = false;
                    }

                    continue;
                }

                switch (c)
                {
                    case '"':
                        inString = true;
                        break;
                    case '{':
                    case '[':
                        open.Push(c == '{' ? '}' : ']');
                        break;
                    case '}':
                    case ']':
                        if (open.Count == 0 || open.Pop() != c)
                        {
                            return null; // not JSON that was cut, but JSON that is wrong
                        }

                        break;
                    case ',':
                        if (open.Count > 0)
                        {
                            cut = i;
                            closersAtCut = new string(open.ToArray());
                        }

                        break;
                }
            }

            if (cut < 0 || open.Count == 0)
            {
                return null;
            }

            return new StringBuilder(text, 0, cut, cut + closersAtCut!.Length).Append(closersAtCut).ToString();
        }
    }
}
