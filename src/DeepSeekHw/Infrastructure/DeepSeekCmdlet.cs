using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using DeepSeekHw.Catalog;

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
                    foreach (var entry in entries.Where(e => namesOf(e).Any(pattern.IsMatch)).Where(seen.Add))
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

        /// <summary>Provider paths a -Path pattern names (wildcards allowed); a pattern that names nothing is an error with this id.</summary>
        internal IEnumerable<string> ResolveFiles(string pattern, string notFoundErrorId)
        {
            try
            {
                return GetResolvedProviderPathFromPSPath(pattern, out _);
            }
            catch (ItemNotFoundException ex)
            {
                WriteError(ErrorRecords.Create(ex, notFoundErrorId, ErrorCategory.ObjectNotFound, pattern));
                return Enumerable.Empty<string>();
            }
        }

        internal ErrorRecord ModelNotFound(string name) =>
            ErrorRecords.NotFound(ErrorIds.ModelNotFound, "model", name, Catalog.SuggestModels(name), "Get-DeepSeekModel");

        internal static ErrorRecord ProfileNotFound(string name) =>
            ErrorRecords.NotFound(ErrorIds.ProfileNotFound, "profile", name, ProfileCatalog.Builtin.Select(p => p.Name).ToList(), "Get-DeepSeekProfile");

        internal ErrorRecord GpuNotFound(string name) =>
            ErrorRecords.NotFound(ErrorIds.GpuNotFound, "GPU", name, Catalog.SuggestGpus(name), "Get-DeepSeekGpuSpec");
    }
}
