using System;
using System.Globalization;
using System.Text;

namespace DeepSeekHw.Commands.Formatting
{
    /// <summary>
    /// Helpers the format views (DeepSeekHw.Format.ps1xml) call on property values. PowerShell wraps table cells at the
    /// column width even inside a word; the views hand it lines already broken between words, so no word is cut.
    /// Values come from live or deserialized objects alike, so every input is an object that may be null.
    /// </summary>
    public static class ViewText
    {
        /// <summary>Breaks text into lines of at most <paramref name="width"/> characters between words (a longer word is cut); control characters become spaces.</summary>
        public static string Wrap(object? text, int width)
        {
            var value = Clean(text);
            if (width < 1 || value.Length <= width)
            {
                return value;
            }

            var result = new StringBuilder(value.Length + 16);
            var line = 0;
            foreach (var word in value.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries))
            {
                var rest = word;
                if (line > 0 && line + 1 + rest.Length > width)
                {
                    result.Append('\n');
                    line = 0;
                }
                else if (line > 0)
                {
                    result.Append(' ');
                    line++;
                }

                while (rest.Length > width)
                {
                    result.Append(rest, 0, width).Append('\n');
                    rest = rest.Substring(width);
                }

                result.Append(rest);
                line += rest.Length;
            }

            return result.ToString();
        }

        /// <summary>Joins a list (a string array, live or deserialized) with ", " and wraps it.</summary>
        public static string WrapList(object? items, int width)
        {
            if (items is null)
            {
                return string.Empty;
            }

            var source = items is System.Management.Automation.PSObject ps ? ps.BaseObject : items;
            if (source is string single)
            {
                return Wrap(single, width);
            }

            var parts = new StringBuilder();
            if (source is System.Collections.IEnumerable enumerable)
            {
                foreach (var item in enumerable)
                {
                    parts.Append(parts.Length > 0 ? ", " : string.Empty).Append(Clean(item));
                }
            }

            return Wrap(parts.ToString(), width);
        }

        /// <summary>A size in bytes the way every message and view writes it (79.0 GiB); empty when unknown.</summary>
        public static string Size(object? bytes)
        {
            var value = bytes is System.Management.Automation.PSObject ps ? ps.BaseObject : bytes;
            if (value is null || value is string)
            {
                return string.Empty;
            }

            try
            {
                return ByteSize.Format(Convert.ToInt64(value, CultureInfo.InvariantCulture));
            }
            catch (Exception ex) when (ex is FormatException || ex is InvalidCastException || ex is OverflowException)
            {
                return string.Empty;
            }
        }

        private static string Clean(object? text) =>
            SafeText.Clean(Convert.ToString(text, CultureInfo.InvariantCulture) ?? string.Empty).Trim(); // no ESC or OSC sequence reaches the terminal
    }
}
