using System;
using System.IO;
using System.Linq;

namespace DeepSeekHw.Collection
{
    /// <summary>Finds a tool on PATH (with PATHEXT on Windows) or at the places its installer puts it, without starting anything.</summary>
    internal static class CommandLocator
    {
        public static string? Find(string name, params string[] fallbacks)
        {
            var windows = Path.DirectorySeparatorChar == '\\';
            var extensions = windows && Path.GetExtension(name).Length == 0 ? new[] { ".exe", ".cmd", ".bat" } : new[] { string.Empty };
            var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
            foreach (var directory in path.Split(Path.PathSeparator).Where(d => d.Length > 0))
            {
                foreach (var extension in extensions)
                {
                    string candidate;
                    try
                    {
                        candidate = Path.Combine(directory.Trim('"'), name + extension);
                    }
                    catch (ArgumentException)
                    {
                        continue; // a PATH entry with characters a path cannot hold
                    }

                    if (File.Exists(candidate))
                    {
                        return candidate;
                    }
                }
            }

            return fallbacks.FirstOrDefault(File.Exists);
        }
    }
}
