using System.Text;

namespace DeepSeekHw.Catalog
{
    /// <summary>
    /// The form names are compared in: letters and digits only, upper case. "H100 SXM", "h100-sxm" and "H100_SXM"
    /// are one name; "A10" and "A100" stay apart.
    /// </summary>
    public static class NameKey
    {
        public static string Of(string? name)
        {
            if (string.IsNullOrEmpty(name))
            {
                return string.Empty;
            }

            var builder = new StringBuilder(name!.Length);
            foreach (var c in name)
            {
                if (char.IsLetterOrDigit(c))
                {
                    builder.Append(char.ToUpperInvariant(c));
                }
            }

            return builder.ToString();
        }
    }
}
