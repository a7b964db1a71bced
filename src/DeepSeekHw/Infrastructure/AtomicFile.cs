using System;
using System.IO;
using System.Text;

namespace DeepSeekHw.Commands.Infrastructure
{
    /// <summary>
    /// Writes a file whole or not at all: the text goes to a temporary file beside the target, is flushed to disk, and is
    /// renamed over the target. A reader never sees half a bundle, and a failed write (a full disk) leaves the old file
    /// as it was. A symbolic link at the target is replaced itself; the file it points to is never written.
    /// </summary>
    internal static class AtomicFile
    {
        public static bool IsSymbolicLink(string path)
        {
            try
            {
                return (File.GetAttributes(path) & FileAttributes.ReparsePoint) != 0;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return false;
            }
        }

        public static void WriteAllText(string path, string text)
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
            var temporary = Path.Combine(directory, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp");
            try
            {
                var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text);
                using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    stream.Write(bytes, 0, bytes.Length);
                    stream.Flush(flushToDisk: true);
                }

                if (IsSymbolicLink(path))
                {
                    File.Delete(path); // removes the link, not its target
                    File.Move(temporary, path);
                }
                else if (File.Exists(path))
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
