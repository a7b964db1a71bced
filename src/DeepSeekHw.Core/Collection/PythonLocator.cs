using System;
using System.IO;
using System.Linq;

namespace DeepSeekHw.Collection
{
    /// <summary>
    /// The interpreter "python3" on PATH runs. A pyenv shim is a shell script that spends longer choosing a version than
    /// the probe takes; it is resolved here the way pyenv does (PYENV_VERSION, .python-version up from the working
    /// directory, the global version file) so the probe runs the same interpreter directly.
    /// </summary>
    internal static class PythonLocator
    {
        public static string? Find(string name)
        {
            var path = CommandLocator.Find(name);
            var shims = path is null ? null : Path.GetDirectoryName(path);
            if (shims is null || !string.Equals(Path.GetFileName(shims), "shims", StringComparison.Ordinal))
            {
                return path;
            }

            var root = Path.GetDirectoryName(shims)!;
            var version = Environment.GetEnvironmentVariable("PYENV_VERSION")?.Split(':')[0] ?? LocalVersion() ?? FirstLine(Path.Combine(root, "version"));
            if (string.IsNullOrWhiteSpace(version) || version == "system")
            {
                return path;
            }

            var interpreter = Path.Combine(root, "versions", version!.Trim(), "bin", name);
            return File.Exists(interpreter) ? interpreter : path;
        }

        private static string? LocalVersion()
        {
            for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory != null; directory = directory.Parent)
            {
                var file = Path.Combine(directory.FullName, ".python-version");
                if (File.Exists(file))
                {
                    return FirstLine(file);
                }
            }

            return null;
        }

        private static string? FirstLine(string file)
        {
            try
            {
                return File.Exists(file) ? File.ReadAllLines(file).Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0 && !l.StartsWith("#", StringComparison.Ordinal)) : null;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return null;
            }
        }
    }
}
