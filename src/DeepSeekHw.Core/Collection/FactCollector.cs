using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using DeepSeekHw.Facts;

namespace DeepSeekHw.Collection
{
    /// <summary>
    /// Collects the raw facts of this machine into a bundle: native tools run in parallel (each with its own timeout),
    /// files are read as they are. Nothing is interpreted here; that is the parsers' job.
    /// </summary>
    public static class FactCollector
    {
        public static FactBundle Collect(CollectorOptions options)
        {
            if (options is null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            var windows = RuntimeInformation.IsOSPlatform(OSPlatform.Windows);
            var bundle = new FactBundle
            {
                ComputerName = Environment.MachineName,
                CollectedAt = DateTimeOffset.UtcNow,
                Platform = windows ? "Windows" : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? "MacOS" : "Linux",
                CollectorVersion = options.CollectorVersion,
            };

            foreach (var source in Run(windows ? FactSourceTable.Windows : FactSourceTable.Linux, options))
            {
                bundle.Add(options.IncludeIdentifiers ? source : FactRedaction.Redact(source)); // before anything is kept or written
            }

            return bundle;
        }

        /// <summary>
        /// Runs a sources table: commands, probes and CIM queries start first and run in parallel while files are read;
        /// a row that stands in for a missing source runs once that source is known to be missing. Sources come back in
        /// table order, each row producing its own id (a file tree, one id per file found).
        /// </summary>
        internal static IEnumerable<FactSource> Run(IReadOnlyList<FactSourceSpec> table, CollectorOptions options)
        {
            var started = new Dictionary<FactSourceSpec, Task<FactSource>>();
            foreach (var row in table.Where(r => r.OnlyWhenMissing is null && IsAsync(r)))
            {
                started[row] = Start(row, options);
            }

            var read = new Dictionary<FactSourceSpec, List<FactSource>>();
            foreach (var row in table.Where(r => r.OnlyWhenMissing is null && !IsAsync(r)))
            {
                read[row] = row.Kind == FactSourceKind.File ? new List<FactSource> { FileFacts.Read(row.Id) } : ReadTree(row);
            }

            options.Log?.Invoke("Read " + read.Values.Sum(r => r.Count) + " files while " + started.Count + " commands run.");
            foreach (var row in table.Where(r => r.OnlyWhenMissing != null))
            {
                var prerequisite = read.Values.SelectMany(r => r).FirstOrDefault(s => s.Id == row.OnlyWhenMissing)
                    ?? started.FirstOrDefault(r => r.Key.Id == row.OnlyWhenMissing).Value?.Result;
                if (prerequisite is null || prerequisite.Status != FactSourceStatus.Ok)
                {
                    started[row] = Start(row, options);
                }
            }

            Task.WaitAll(started.Values.ToArray());
            var sources = new List<FactSource>();
            foreach (var row in table)
            {
                if (read.TryGetValue(row, out var files))
                {
                    sources.AddRange(files);
                }
                else if (started.TryGetValue(row, out var task))
                {
                    sources.Add(task.Result);
                }
            }

            return sources;
        }

        private static bool IsAsync(FactSourceSpec row) => row.Kind is FactSourceKind.Command or FactSourceKind.PythonProbe or FactSourceKind.Cim;

        private static Task<FactSource> Start(FactSourceSpec row, CollectorOptions options)
        {
            if (row.Kind == FactSourceKind.Cim)
            {
                return Task.Run(() => CimSource(options, row.Id));
            }

            var fallbacks = row.Fallbacks.Select(Environment.ExpandEnvironmentVariables).ToArray();
            var path = row.Kind == FactSourceKind.PythonProbe ? PythonLocator.Find(row.Executable!) : CommandLocator.Find(row.Executable!, fallbacks);
            if (path is null)
            {
                return Task.FromResult(new FactSource(row.Id) { Status = FactSourceStatus.Absent, Error = row.Executable + " was not found on PATH." });
            }

            var arguments = row.Script is null ? row.Arguments.ToArray() : row.Arguments.Concat(new[] { FactSourceTable.ReadScript(row.Script) }).ToArray();
            var timeout = row.Timeout is TimeSpan cap && cap < options.Timeout ? cap : options.Timeout;
            options.Log?.Invoke("Running " + row.Id);
            return Task.Factory.StartNew(() => ProcessRunner.Run(row.Id, path, arguments, timeout, options.MaxOutputBytes), TaskCreationOptions.LongRunning);
        }

        /// <summary>The files of a tree row under every directory that matches its pattern, in name order.</summary>
        private static List<FactSource> ReadTree(FactSourceSpec row)
        {
            var directories = new List<string> { "/" };
            foreach (var segment in row.Id.Split('/').Where(s => s.Length > 0))
            {
                directories = segment.EndsWith("*", StringComparison.Ordinal)
                    ? directories.SelectMany(d => FileFacts.Children(d).Where(name => row.SegmentMatches(segment, name)).Select(name => d + name + "/")).ToList()
                    : directories.Select(d => d + segment + "/").ToList();
            }

            return directories.SelectMany(d => row.Files.Select(f => FileFacts.Read(d + f))).ToList();
        }

        private static FactSource CimSource(CollectorOptions options, string id)
        {
            // id: cim:<namespace>:<class>
            var source = new FactSource(id);
            if (options.Cim is null)
            {
                source.Status = FactSourceStatus.Absent;
                source.Error = "CIM is not available in this host.";
                return source;
            }

            var parts = id.Split(':');
            var watch = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                source.Output = options.Cim(parts[1], parts[2]);
            }
#pragma warning disable CA1031 // a CIM provider can fail in any way; the inventory must go on without it
            catch (Exception ex)
#pragma warning restore CA1031
            {
                source.Status = ex is UnauthorizedAccessException ? FactSourceStatus.Denied : FactSourceStatus.Failed;
                source.Error = ex.GetType().Name + ": " + ex.Message;
            }

            source.DurationMs = watch.ElapsedMilliseconds;
            return source;
        }
    }
}
