using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using DeepSeekHw.Commands.Infrastructure;

namespace DeepSeekHw.Commands.Completers
{
    /// <summary>Completes -Model / -Name with catalog model names.</summary>
    public sealed class ModelNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            CatalogNameCompletion.Complete(wordToComplete, SessionCatalog.Current.Models.Select(m => (m.Name, m.Family + ", " + m.Attention)));
    }

    /// <summary>Completes -Gpu / -Name with catalog GPU short names.</summary>
    public sealed class GpuNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            CatalogNameCompletion.Complete(wordToComplete, SessionCatalog.Current.Gpus.Select(g => (g.Name, g.DisplayName)));
    }

    /// <summary>Completes -Profile / -Name with the seed guides' tiers and editions.</summary>
    public sealed class ProfileNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            CatalogNameCompletion.Complete(wordToComplete, DeepSeekHw.Catalog.ProfileCatalog.Builtin.Select(p => (p.Name, p.Description)));
    }

    /// <summary>Completes -Engine with the serving engines engines.json describes.</summary>
    public sealed class EngineNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            CatalogNameCompletion.Complete(wordToComplete, DeepSeekHw.Sizing.SizingEngine.EngineNames.Select(e => (e, e)));
    }

    /// <summary>Completes -IncludeCheck / -ExcludeCheck with readiness check ids.</summary>
    public sealed class CheckIdCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            CatalogNameCompletion.Complete(wordToComplete, DeepSeekHw.Readiness.CheckIds.All.Select(id => (id, id)));
    }

    /// <summary>Completes -Instance with the cloud instance types in the price list.</summary>
    public sealed class CloudInstanceCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            CatalogNameCompletion.Complete(wordToComplete, DeepSeekHw.Cost.CloudCatalog.Builtin.Select(i => (i.Instance, i.Provider + ": " + i.GpuCount + " x " + i.Gpu)));
    }

    internal static class CatalogNameCompletion
    {
        public static IEnumerable<CompletionResult> Complete(string? wordToComplete, IEnumerable<(string Name, string Tooltip)> names)
        {
            var word = (wordToComplete ?? string.Empty).Trim('\'', '"');
            var pattern = WildcardPattern.Get(WildcardPattern.Escape(word) + "*", WildcardOptions.IgnoreCase);
            return names
                .Where(n => pattern.IsMatch(n.Name))
                .OrderBy(n => n.Name, StringComparer.OrdinalIgnoreCase)
                .Select(n => new CompletionResult(Quote(n.Name), n.Name, CompletionResultType.ParameterValue, n.Tooltip))
                .ToList();
        }

        private static string Quote(string name) =>
            name.IndexOfAny(new[] { ' ', '\'', '$', '(', ')', '{', '}', ';', ',', '&', '@', '#' }) >= 0 ? "'" + name.Replace("'", "''") + "'" : name;
    }
}
