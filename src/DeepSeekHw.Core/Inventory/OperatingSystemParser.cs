namespace DeepSeekHw.Inventory
{
    /// <summary>/etc/os-release (KEY="value" lines, shell quoting) and the kernel release.</summary>
    internal static class OperatingSystemParser
    {
        public static void ApplyOsRelease(OperatingSystemInfo os, string text)
        {
            var values = FactText.KeyValues(text, '=');
            os.Name = Unquote(values, "PRETTY_NAME") ?? Unquote(values, "NAME");
            os.Id = Unquote(values, "ID");
            os.Version = Unquote(values, "VERSION_ID") ?? Unquote(values, "VERSION");
        }

        public static void ApplyKernel(OperatingSystemInfo os, string text)
        {
            os.KernelVersion = FactText.Clean(text);
            os.IsWsl = os.KernelVersion != null && os.KernelVersion.IndexOf("microsoft", System.StringComparison.OrdinalIgnoreCase) >= 0;
        }

        private static string? Unquote(System.Collections.Generic.Dictionary<string, string> values, string key)
        {
            if (!values.TryGetValue(key, out var value))
            {
                return null;
            }

            value = value.Trim();
            if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[value.Length - 1] == value[0])
            {
                value = value.Substring(1, value.Length - 2).Replace("\\\"", "\"");
            }

            return FactText.Clean(value);
        }
    }
}
