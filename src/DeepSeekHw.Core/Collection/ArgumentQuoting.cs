using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace DeepSeekHw.Collection
{
    /// <summary>
    /// Joins arguments into the single command-line string netstandard2.0's ProcessStartInfo takes, quoted so that the
    /// runtime (and Windows' CommandLineToArgvW) splits them back into exactly the same list. No shell ever sees it.
    /// </summary>
    internal static class ArgumentQuoting
    {
        public static string Join(IEnumerable<string> arguments) => string.Join(" ", arguments.Select(Quote));

        public static string Quote(string argument)
        {
            if (argument.Length > 0 && !argument.Any(c => char.IsWhiteSpace(c) || c == '"'))
            {
                return argument;
            }

            var builder = new StringBuilder("\"");
            var backslashes = 0;
            foreach (var c in argument)
            {
                if (c == '\\')
                {
                    backslashes++;
                    continue;
                }

                if (c == '"')
                {
                    builder.Append('\\', (backslashes * 2) + 1).Append('"');
                }
                else
                {
                    builder.Append('\\', backslashes).Append(c);
                }

                backslashes = 0;
            }

            return builder.Append('\\', backslashes * 2).Append('"').ToString();
        }
    }
}
