using System.Text;
using System.Text.RegularExpressions;

namespace DeepSeekHw.Fuzz;

/// <summary>
/// Deterministic mutations of a text: the same seed and case number always give the same input, so any failure replays
/// with `--case N`. Each mutation models a way real input goes wrong or is made hostile.
/// </summary>
internal static class Mutator
{
    private static readonly string[] Hostile =
    {
        "99999999999999999999", "9223372036854775807", "-9223372036854775808", "-1", "0", "1e308", "NaN", "-0.0", "\u001b]0;x\u0007",
        "\u001b[2J", "\u009b31m", "\0", "\ud800", "\ufeff", "<", ">", "&", "\"", "{", "}", "[", "]", ":", "\n", "\r\n", "\t", "N/A", "%s%n",
    };

    private static readonly Regex Digits = new("[0-9]+", RegexOptions.CultureInvariant);

    public static (string Text, string How) Mutate(string text, Random random)
    {
        if (text.Length == 0)
        {
            return (Hostile[random.Next(Hostile.Length)], "replace-empty");
        }

        switch (random.Next(9))
        {
            case 0: // flip characters to hostile ones
                var chars = new StringBuilder(text);
                for (var i = random.Next(1, 9); i > 0; i--)
                {
                    var at = random.Next(chars.Length);
                    chars.Remove(at, 1).Insert(at, Hostile[random.Next(Hostile.Length)]);
                }

                return (chars.ToString(), "flip");
            case 1: // cut short, as a killed tool leaves it
                return (text[..random.Next(text.Length)], "truncate");
            case 2: // a slice repeated many times
                var start = random.Next(text.Length);
                var slice = text.Substring(start, Math.Min(text.Length - start, random.Next(1, 400)));
                return (text.Insert(start, string.Concat(Enumerable.Repeat(slice, random.Next(2, 200)))), "duplicate");
            case 3: // numbers inflated past every range
                var matches = Digits.Matches(text);
                if (matches.Count == 0)
                {
                    goto case 0;
                }

                var pick = random.Next(matches.Count);
                var replacement = Hostile[random.Next(6)];
                return (Digits.Replace(text, m => random.Next(4) == 0 || m.Index == matches[pick].Index ? replacement : m.Value), "inflate");
            case 4: // deep nesting at a random point
                var depth = random.Next(100, 5000);
                var (open, close) = random.Next(3) switch { 0 => ("<a>", "</a>"), 1 => ("[", "]"), _ => ("{\"a\":", "}") };
                var at4 = random.Next(text.Length);
                return (text.Insert(at4, string.Concat(Enumerable.Repeat(open, depth)) + string.Concat(Enumerable.Repeat(close, depth))), "nest");
            case 5: // a slice removed
                var from = random.Next(text.Length);
                return (text.Remove(from, Math.Min(text.Length - from, random.Next(1, 2000))), "delete");
            case 6: // lines shuffled
                var lines = text.Split('\n');
                for (var i = lines.Length - 1; i > 0; i--)
                {
                    var j = random.Next(i + 1);
                    (lines[i], lines[j]) = (lines[j], lines[i]);
                }

                return (string.Join("\n", lines), "shuffle-lines");
            case 7: // random bytes spliced in, decoded as a tool's output would be
                var bytes = new byte[random.Next(1, 64)];
                random.NextBytes(bytes);
                return (text.Insert(random.Next(text.Length), Encoding.UTF8.GetString(bytes)), "bytes");
            default: // two mutations at once
                var (once, how) = Mutate(text, random);
                var (twice, how2) = Mutate(once, random);
                return (twice, how + "+" + how2);
        }
    }
}
