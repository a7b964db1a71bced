using System;
using System.IO;
using System.Text;

namespace DeepSeekHw.Commands.Infrastructure
{
    /// <summary>Writes a file whole or not at all: a reader never sees half a bundle, and a failed write leaves the old file.</summary>
    internal static class AtomicFile
    {
        public static void WriteAllText(string path, string text)
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
            var temporary = Path.Combine(directory, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp");
            try
            {
                File.WriteAllText(temporary, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                if (File.Exists(path))
                {
                    File.Replace(temporary, path, destinationBackupFileName: null);
                }
                else
                {
                    File.Move(temporary, path);
                }
            }
            finally
            {
                if (File.Exists(temporary))
                {
                    File.Delete(temporary);
                }
            }
        }
    }
}
