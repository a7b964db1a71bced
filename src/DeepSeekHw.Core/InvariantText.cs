using System;
using System.Globalization;

namespace DeepSeekHw
{
    /// <summary>The one way the core formats numbers into text: culture-invariant, whatever the user's culture.</summary>
    internal static class InvariantText
    {
        public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
    }
}
