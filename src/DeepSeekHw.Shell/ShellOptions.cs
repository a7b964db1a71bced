using System;
using System.Collections.Generic;
using System.Linq;

namespace DeepSeekHw.Shell
{
    internal enum OutputFormat
    {
        Text,
        Json,
    }

    /// <summary>The host's command line, parsed the way pwsh parses its own.</summary>
    internal sealed class ShellOptions
    {
        public string? Command { get; private set; }

        public string? File { get; private set; }

        public IReadOnlyList<string> FileArguments { get; private set; } = Array.Empty<string>();

        public OutputFormat Format { get; private set; } = OutputFormat.Text;

        public bool ShowHelp { get; private set; }

        public const string Usage =
            "usage: deepseekhw [-OutputFormat Text|Json] [-Command] <command line...>\n" +
            "       deepseekhw [-OutputFormat Text|Json] -File <script.ps1> [arguments...]\n" +
            "Runs PowerShell commands with the DeepSeekHw module imported. Bare trailing arguments are joined into one\n" +
            "command line; an argument with spaces is passed as one quoted value. Exit code 0 when no error was written.";

        /// <summary>Parses arguments; throws <see cref="ArgumentException"/> with a user-facing message.</summary>
        public static ShellOptions Parse(IReadOnlyList<string> args)
        {
            var options = new ShellOptions();
            var i = 0;
            while (i < args.Count)
            {
                var arg = args[i];
                if (Is(arg, "-OutputFormat", "-of", "-o"))
                {
                    if (i + 1 >= args.Count || !Enum.TryParse<OutputFormat>(args[i + 1], ignoreCase: true, out var format))
                    {
                        throw new ArgumentException("-OutputFormat takes Text or Json.");
                    }

                    options.Format = format;
                    i += 2;
                }
                else if (Is(arg, "-Command", "-c"))
                {
                    // As in pwsh, everything after -Command is the command.
                    options.Command = string.Join(" ", args.Skip(i + 1));
                    i = args.Count;
                }
                else if (Is(arg, "-File", "-f"))
                {
                    if (i + 1 >= args.Count)
                    {
                        throw new ArgumentException("-File takes the path of a .ps1 script.");
                    }

                    options.File = args[i + 1];
                    options.FileArguments = args.Skip(i + 2).ToList();
                    i = args.Count;
                }
                else if (Is(arg, "-Help", "-h", "-?", "--help"))
                {
                    options.ShowHelp = true;
                    i++;
                }
                else if (Is(arg, "-NoProfile", "-NoLogo", "-NonInteractive"))
                {
                    i++; // accepted for pwsh compatibility; the host never loads profiles and never prompts
                }
                else
                {
                    var rest = args.Skip(i).ToList();
                    options.Command = rest.Count == 1 ? rest[0] : string.Join(" ", rest.Select(QuoteIfNeeded));
                    i = args.Count;
                }
            }

            if (options.Command is null && options.File is null && !options.ShowHelp)
            {
                throw new ArgumentException("No command given.");
            }

            return options;
        }

        private static bool Is(string arg, params string[] names) =>
            names.Any(n => string.Equals(arg, n, StringComparison.OrdinalIgnoreCase));

        // The OS shell already removed the user's quotes; put them back around values that hold spaces.
        private static string QuoteIfNeeded(string arg) =>
            arg.Length > 0 && !arg.Any(char.IsWhiteSpace) ? arg : "'" + arg.Replace("'", "''") + "'";
    }
}
