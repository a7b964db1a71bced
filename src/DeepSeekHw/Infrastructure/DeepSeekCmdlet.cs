using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using DeepSeekHw.Catalog;
using DeepSeekHw.Sizing;

namespace DeepSeekHw.Commands.Infrastructure
{
    /// <summary>What every DeepSeekHw cmdlet shares: the session's catalog and name lookups with uniform errors.</summary>
    public abstract class DeepSeekCmdlet : PSCmdlet
    {
        internal DeepSeekCatalog Catalog => SessionCatalog.Current;

        /// <summary>
        /// Resolves names (wildcards allowed) against catalog entries. Names without wildcards that match nothing get a
        /// non-terminating error with suggestions; wildcards that match nothing are silent, as in Get-Command.
        /// </summary>
        internal IEnumerable<T> ResolveNames<T>(
            IEnumerable<string> names,
            IReadOnlyList<T> entries,
            Func<T, IEnumerable<string>> namesOf,
            Func<string, T?> findExact,
            Func<string, ErrorRecord> notFound)
            where T : class
        {
            var seen = new HashSet<T>();
            foreach (var name in names)
            {
                if (WildcardPattern.ContainsWildcardCharacters(name))
                {
                    var pattern = WildcardPattern.Get(name, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant);
                    List<T> matches;
                    try
                    {
                        matches = entries.Where(e => namesOf(e).Any(pattern.IsMatch)).ToList();
                    }
                    catch (WildcardPatternException ex)
                    {
                        WriteError(InvalidPattern(ex, name));
                        continue;
                    }

                    foreach (var entry in matches.Where(seen.Add))
                    {
                        yield return entry;
                    }

                    continue;
                }

                var match = findExact(name);
                if (match is null)
                {
                    WriteError(notFound(name));
                }
                else if (seen.Add(match))
                {
                    yield return match;
                }
            }
        }

        /// <summary>
        /// The files a -Path pattern (wildcards allowed) or a -LiteralPath names. A path or pattern that names no file, or
        /// names something other than a file-system item, is one error with this id; the other paths still go on.
        /// </summary>
        /// <summary>
        /// The GPU and count to size on: a GPU piped from Get-DeepSeekGpuSpec (the smallest count that fits unless
        /// -GpuCount), an inventory's largest group of identical GPUs (its count unless -GpuCount), or -Gpu by name.
        /// False, with the error written, when none can be found; an inventory without GPUs is CPU inference when allowed.
        /// </summary>
        internal bool ResolveGpus(HardwareInventory? input, string? gpuName, int? gpuCount, bool allowNone, out GpuSpec? gpu, out int? count)
        {
            gpu = null;
            count = gpuCount;
            if (input != null && HardwareInventoryConverter.BareGpuOf(input) is { } bareGpu)
            {
                gpu = bareGpu;
                return true;
            }

            if (input != null)
            {
                var installed = InstalledGpus.From(input, Catalog);
                if (installed is null)
                {
                    if (allowNone && input.Gpus.Length == 0)
                    {
                        return true;
                    }

                    var ex = new InvalidOperationException("The inventory of '" + input.ComputerName + "' has no GPU the catalog knows or whose memory it reports, so there is nothing to size on.");
                    WriteError(ErrorRecords.Create(ex, ErrorIds.NoKnownGpu, ErrorCategory.ObjectNotFound, input.ComputerName,
                        "Size on a named GPU with -Gpu, add the GPU with Import-DeepSeekCatalog, or choose a GGUF precision for CPU inference."));
                    return false;
                }

                gpu = installed.Spec;
                count ??= installed.Count;
                if (installed.Ignored > 0)
                {
                    WriteWarning(string.Format(System.Globalization.CultureInfo.InvariantCulture, "Sizing on {0} x {1}; {2} other GPU(s) in the inventory are a different model or report no memory.", installed.Count, installed.Spec.Name, installed.Ignored));
                }

                return true;
            }

            if (!string.IsNullOrWhiteSpace(gpuName))
            {
                gpu = Catalog.FindGpu(gpuName!);
                if (gpu is null)
                {
                    WriteError(GpuNotFound(gpuName!));
                    return false;
                }
            }

            return true;
        }

        internal IEnumerable<string> ResolveFiles(string path, bool literal, string notFoundErrorId)
        {
            IEnumerable<string> files;
            try
            {
                ProviderInfo provider;
                files = literal
                    ? new[] { SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out provider, out _) }
                    : GetResolvedProviderPathFromPSPath(path, out provider);
                if (provider.Name != "FileSystem")
                {
                    throw new ItemNotFoundException("'" + path + "' is not a file-system path.");
                }
            }
            catch (Exception ex) when (ex is SessionStateException || ex is WildcardPatternException || ex is NotSupportedException || ex is ArgumentException)
            {
                WriteError(ErrorRecords.Create(ex, notFoundErrorId, ErrorCategory.ObjectNotFound, path));
                return Enumerable.Empty<string>();
            }

            var existing = files.Where(File.Exists).ToList();
            if (existing.Count == 0 && files.Count(Directory.Exists) is int directories && directories > 0)
            {
                var what = "'" + path + "' is a directory, not a file.";
                WriteError(ErrorRecords.Create(new ItemNotFoundException(what), notFoundErrorId, ErrorCategory.InvalidArgument, path, "Name the files in it, for example '" + path.TrimEnd('/', '\\') + "/*.json'."));
            }
            else if (existing.Count == 0)
            {
                var what = literal || !WildcardPattern.ContainsWildcardCharacters(path) ? "The file '" + path + "' does not exist." : "No file matches '" + path + "'.";
                var hint = literal ? null : "Brackets are wildcards in -Path; use -LiteralPath for a name that contains them.";
                WriteError(ErrorRecords.Create(new ItemNotFoundException(what), notFoundErrorId, ErrorCategory.ObjectNotFound, path, hint));
            }

            return existing;
        }

        /// <summary>
        /// The file a -Path or -LiteralPath names for writing: a -Path wildcard must name exactly one existing file, as in
        /// Out-File; otherwise the path is taken as written. Null (with an error) when it names no single file-system path.
        /// </summary>
        internal string? ResolveOutputFile(string path, bool literal)
        {
            try
            {
                if (!literal && WildcardPattern.ContainsWildcardCharacters(path))
                {
                    var matches = GetResolvedProviderPathFromPSPath(path, out var matchedProvider);
                    if (matches.Count == 1 && matchedProvider.Name == "FileSystem")
                    {
                        return matches[0];
                    }

                    if (matches.Count > 1)
                    {
                        throw new ArgumentException("'" + path + "' matches " + matches.Count + " files; name one file, or use -LiteralPath.");
                    }
                }

                var file = SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out var provider, out _);
                if (provider.Name != "FileSystem")
                {
                    throw new ArgumentException("'" + path + "' is not a file-system path.");
                }

                return file;
            }
            catch (Exception ex) when (ex is SessionStateException || ex is WildcardPatternException || ex is NotSupportedException || ex is ArgumentException)
            {
                WriteError(ErrorRecords.Create(ex, ErrorIds.FactsFileUnwritable, ErrorCategory.InvalidArgument, path));
                return null;
            }
        }

        internal static ErrorRecord InvalidPattern(Exception exception, string pattern) =>
            ErrorRecords.Create(exception, ErrorIds.InvalidWildcardPattern, ErrorCategory.InvalidArgument, pattern,
                "Escape [ and ] with a backtick (`[) to match them literally.");

        internal ErrorRecord ModelNotFound(string name) =>
            ErrorRecords.NotFound(ErrorIds.ModelNotFound, "model", name, Catalog.SuggestModels(name), "Get-DeepSeekModel");

        internal static ErrorRecord ProfileNotFound(string name) =>
            ErrorRecords.NotFound(ErrorIds.ProfileNotFound, "profile", name, ProfileCatalog.Builtin.Select(p => p.Name).ToList(), "Get-DeepSeekProfile");

        internal ErrorRecord GpuNotFound(string name) =>
            ErrorRecords.NotFound(ErrorIds.GpuNotFound, "GPU", name, Catalog.SuggestGpus(name), "Get-DeepSeekGpuSpec");
    }
}
