using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using DeepSeekHw.Facts;

namespace DeepSeekHw.Collection
{
    /// <summary>
    /// What a bundle must not carry off a machine, removed as each source is collected (before anything is kept, shown or
    /// written): process lists (their command lines hold tokens and paths), serial numbers, MAC addresses and the user and
    /// owner names CIM reports; UUIDs become a short hash, so GPUs stay distinguishable; user names in home paths and
    /// anything shaped like a credential become placeholders. Sizing and readiness need none of it. docs/facts.md lists
    /// what a bundle holds; -IncludeIdentifier keeps all of it.
    /// </summary>
    public static class FactRedaction
    {
        public const string Placeholder = "redacted";

        private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;
        private static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);

        // nvidia-smi -q -x: <processes> and <accounted_processes> list every process on the GPU with its command line.
        private const string XmlProcessesPattern = @"<(?<tag>processes|accounted_processes)>.*?</\k<tag>>";
        private static readonly Regex XmlProcesses = new Regex(XmlProcessesPattern, Options | RegexOptions.Singleline, Budget);
        private const string XmlSerialPattern = @"<(?<tag>serial|gpu_serial)>[^<]*</\k<tag>>";
        private static readonly Regex XmlSerial = new Regex(XmlSerialPattern, Options, Budget);
        private const string XmlUuidPattern = @"<uuid>(?<value>[^<]*)</uuid>";
        private static readonly Regex XmlUuid = new Regex(XmlUuidPattern, Options, Budget);

        // JSON (rocm-smi, CIM): a value under a key that names an identifier or a person.
        private const string JsonPairPattern = @"""(?<key>(?:[^""\\]|\\.)*)""(?<colon>\s*:\s*)(?<value>""(?:[^""\\]|\\.)*""|\[[^\[\]]*\]|-?[0-9][0-9.eE+-]*)";
        private static readonly Regex JsonPair = new Regex(JsonPairPattern, Options, Budget);

        private const string IdentifierKeyPattern = @"^(?:.*serial.*|.*uuid.*|unique ?id|.*mac ?address.*|permanentaddress|networkaddresses|username|primaryownername|registereduser|organization|domain|workgroup|processorid|identifyingnumber|pid[0-9]+|.*process.*name.*|.*token.*|.*secret.*|.*password.*|.*api.?key.*)$";
        private static readonly Regex IdentifierKey = new Regex(IdentifierKeyPattern, Options | RegexOptions.IgnoreCase, Budget);

        private const string HashedKeyPattern = @"uuid|unique ?id";
        private static readonly Regex HashedKey = new Regex(HashedKeyPattern, Options | RegexOptions.IgnoreCase, Budget);

        // "KEY: value" text (amd-smi static, /proc/cpuinfo on boards that print a serial).
        private const string SerialLinePattern = @"^(?<key>[ \t]*(?:[A-Z_]*SERIAL[A-Z_]*|Serial(?: ?Number)?|UUID)[ \t]*:[ \t]*)(?<value>[^\r\n]*[^\s][^\r\n]*)$";
        private static readonly Regex SerialLine = new Regex(SerialLinePattern, Options | RegexOptions.Multiline, Budget);

        // User names in home paths (df mount points, tool errors, paths a probe prints).
        private const string HomePathPattern = @"(?<home>/home/|/var/home/|/Users/|[A-Za-z]:\\Users\\)(?<user>[^/\\\s""'<>:;,|]+)";
        private static readonly Regex HomePath = new Regex(HomePathPattern, Options, Budget);

        // Credentials, wherever they appear: name=value pairs and the token shapes of common services.
        private const string NamedSecretPattern = @"(?<name>\b[\w.-]*(?:token|secret|password|passwd|api[_-]?key|access[_-]?key|credential)[\w.-]*)(?<sep>\s*[=:]\s*)(?<value>[^\s""'<>,;]+)";
        private static readonly Regex NamedSecret = new Regex(NamedSecretPattern, Options | RegexOptions.IgnoreCase, Budget);

        private const string TokenShapePattern = @"\b(?:hf_[A-Za-z0-9]{16,}|sk-[A-Za-z0-9_-]{16,}|gh[pousr]_[A-Za-z0-9]{20,}|glpat-[A-Za-z0-9_-]{16,}|AKIA[0-9A-Z]{16}|xox[abpr]-[A-Za-z0-9-]{10,})";
        private static readonly Regex TokenShape = new Regex(TokenShapePattern, Options, Budget);

        /// <summary>
        /// Every pattern with its options, by name: the remote collector script (RemoteCollector) runs the same patterns
        /// in PowerShell on the node, so what leaves a machine is redacted by one set of rules wherever it is collected.
        /// </summary>
        internal static IReadOnlyList<KeyValuePair<string, Regex>> Rules { get; } = new[]
        {
            new KeyValuePair<string, Regex>(nameof(XmlProcesses), XmlProcesses),
            new KeyValuePair<string, Regex>(nameof(XmlSerial), XmlSerial),
            new KeyValuePair<string, Regex>(nameof(XmlUuid), XmlUuid),
            new KeyValuePair<string, Regex>(nameof(JsonPair), JsonPair),
            new KeyValuePair<string, Regex>(nameof(IdentifierKey), IdentifierKey),
            new KeyValuePair<string, Regex>(nameof(HashedKey), HashedKey),
            new KeyValuePair<string, Regex>(nameof(SerialLine), SerialLine),
            new KeyValuePair<string, Regex>(nameof(HomePath), HomePath),
            new KeyValuePair<string, Regex>(nameof(NamedSecret), NamedSecret),
            new KeyValuePair<string, Regex>(nameof(TokenShape), TokenShape),
        };

        /// <summary>A copy of the source with its output and error text redacted; the id and status are unchanged.</summary>
        public static FactSource Redact(FactSource source)
        {
            if (source is null)
            {
                throw new ArgumentNullException(nameof(source));
            }

            return new FactSource(source.Id)
            {
                Status = source.Status,
                ExitCode = source.ExitCode,
                Output = Text(source.Output),
                Error = Text(source.Error),
                DurationMs = source.DurationMs,
                Truncated = source.Truncated,
            };
        }

        /// <summary>Text with every identifier and secret this class knows replaced; null stays null.</summary>
        public static string? Text(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return text;
            }

            try
            {
                var result = XmlProcesses.Replace(text, m => "<" + m.Groups["tag"].Value + "></" + m.Groups["tag"].Value + ">");
                result = XmlSerial.Replace(result, m => "<" + m.Groups["tag"].Value + ">" + Placeholder + "</" + m.Groups["tag"].Value + ">");
                result = XmlUuid.Replace(result, m => "<uuid>" + Hash(m.Groups["value"].Value) + "</uuid>");
                result = JsonPair.Replace(result, RedactPair);
                result = SerialLine.Replace(result, m => m.Groups["key"].Value + Placeholder);
                result = HomePath.Replace(result, m => m.Groups["home"].Value + "user");
                result = NamedSecret.Replace(result, m => m.Groups["name"].Value + m.Groups["sep"].Value + Placeholder);
                return TokenShape.Replace(result, Placeholder);
            }
            catch (RegexMatchTimeoutException)
            {
                return "[" + Placeholder + ": output too irregular to redact safely]";
            }
        }

        /// <summary>A stable stand-in for an identifier: the same GPU gets the same value, which says nothing about it.</summary>
        public static string Hash(string value)
        {
            using var sha = SHA256.Create();
            var digest = sha.ComputeHash(Encoding.UTF8.GetBytes(value ?? string.Empty));
            var hex = new StringBuilder("hashed-");
            for (var i = 0; i < 6; i++)
            {
                hex.Append(digest[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            }

            return hex.ToString();
        }

        private static string RedactPair(Match match)
        {
            var key = match.Groups["key"].Value;
            if (!IdentifierKey.IsMatch(key))
            {
                return match.Value;
            }

            var value = match.Groups["value"].Value;
            var replacement = HashedKey.IsMatch(key) && value.StartsWith("\"", StringComparison.Ordinal)
                ? "\"" + Hash(value.Trim('"')) + "\""
                : value.StartsWith("[", StringComparison.Ordinal) ? "[\"" + Placeholder + "\"]" : "\"" + Placeholder + "\"";
            return "\"" + key + "\"" + match.Groups["colon"].Value + replacement;
        }
    }
}
