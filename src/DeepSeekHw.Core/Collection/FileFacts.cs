using System;
using System.Diagnostics;
using System.IO;
using System.Security;
using System.Text;
using DeepSeekHw.Facts;

namespace DeepSeekHw.Collection
{
    /// <summary>Reads one file into a source; missing and unreadable files become statuses, never exceptions.</summary>
    internal static class FileFacts
    {
        private const int MaxBytes = 4 * 1024 * 1024; // a version file or /proc entry is small; never slurp a huge file

        public static FactSource Read(string path)
        {
            var source = new FactSource(path);
            var watch = Stopwatch.StartNew();
            try
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                using var reader = new StreamReader(stream);
                source.Output = ReadAtMost(reader, MaxBytes, out var truncated);
                source.Truncated = truncated;
            }
            catch (Exception ex) when (ex is FileNotFoundException || ex is DirectoryNotFoundException)
            {
                source.Status = FactSourceStatus.Absent;
            }
            catch (Exception ex) when (ex is UnauthorizedAccessException || ex is SecurityException)
            {
                source.Status = FactSourceStatus.Denied;
                source.Error = ex.Message;
            }
            catch (IOException ex)
            {
                source.Status = FactSourceStatus.Failed; // e.g. EINVAL from a sysfs attribute the driver cannot answer
                source.Error = ex.Message;
            }

            source.DurationMs = watch.ElapsedMilliseconds;
            return source;
        }

        // Reads in small chunks: most sources are a line of sysfs, and a buffer of the limit per file would put megabytes
        // on the large-object heap for every one of the ~100 files an inventory reads.
        private static string ReadAtMost(TextReader reader, int limit, out bool truncated)
        {
            var text = new StringBuilder();
            var chunk = new char[4096];
            int read;
            while ((read = reader.ReadBlock(chunk, 0, chunk.Length)) > 0)
            {
                var room = Math.Min(read, limit - text.Length);
                text.Append(chunk, 0, room);
                if (room < read)
                {
                    truncated = true;
                    return text.ToString();
                }
            }

            truncated = false;
            return text.ToString();
        }

        /// <summary>Subdirectory names of a directory, or none when it is missing or unreadable.</summary>
        public static string[] Children(string directory)
        {
            try
            {
                var entries = Directory.GetDirectories(directory);
                for (var i = 0; i < entries.Length; i++)
                {
                    entries[i] = Path.GetFileName(entries[i]);
                }

                Array.Sort(entries, StringComparer.Ordinal);
                return entries;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is SecurityException)
            {
                return Array.Empty<string>();
            }
        }
    }
}
