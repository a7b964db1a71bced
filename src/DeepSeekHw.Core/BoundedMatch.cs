using System.Text.RegularExpressions;

namespace DeepSeekHw
{
    /// <summary>
    /// Matching untrusted text (tool output, catalog names) against a pattern built with a match timeout: text too odd for
    /// the pattern to decide in time is no match, never a hang and never an exception out of a parser.
    /// </summary>
    internal static class BoundedMatch
    {
        public static bool IsMatchWithin(this Regex pattern, string input)
        {
            try
            {
                return pattern.IsMatch(input);
            }
            catch (RegexMatchTimeoutException)
            {
                return false;
            }
        }
    }
}
