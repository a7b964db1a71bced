using System.Text;

namespace DeepSeekHw
{
    /// <summary>
    /// Text from a tool, a bundle or a catalog made safe for a terminal: C0 and C1 control characters (ESC, BEL, the
    /// 8-bit CSI and OSC that start escape sequences, NUL, DEL) become '?', tabs and line breaks become spaces. Nothing a
    /// machine reports can retitle a window, clear a screen or move the cursor of the person reading the output.
    /// </summary>
    public static class SafeText
    {
        public static string Clean(string text)
        {
            if (text is null)
            {
                return string.Empty;
            }

            StringBuilder? result = null;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                var replacement = c == '\t' || c == '\n' || c == '\r' ? ' ' : IsControl(c) ? '?' : c;
                if (replacement != c)
                {
                    result ??= new StringBuilder(text, 0, i, text.Length);
                }

                result?.Append(replacement);
            }

            return result?.ToString() ?? text;
        }

        /// <summary>Multi-line text (a warning list, a tool's error) with its line breaks kept and every other control character replaced.</summary>
        public static string CleanLines(string text)
        {
            var lines = (text ?? string.Empty).Replace("\r\n", "\n").Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                lines[i] = Clean(lines[i]);
            }

            return string.Join("\n", lines);
        }

        private static bool IsControl(char c) => c < 0x20 || (c >= 0x7F && c <= 0x9F);
    }
}
