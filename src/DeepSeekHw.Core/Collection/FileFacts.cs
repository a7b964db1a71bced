using System;
using System.Diagnostics;
using System.IO;
using System.Security;
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
                var buffer = new char[MaxBytes + 1];
                var read = reader.ReadBlock(buffer, 0, buffer.Length);
                source.Truncated = read > MaxBytes;
                source.Output = new string(buffer, 0, Math.Min(read, MaxBytes));
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
