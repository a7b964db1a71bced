using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;

namespace DeepSeekHw.Commands.Infrastructure
{
    /// <summary>The one place error records are built: stable id, category, target object and a recommended action.</summary>
    internal static class ErrorRecords
    {
        public static ErrorRecord NotFound(string errorId, string kind, string name, IReadOnlyList<string> suggestions, string listCommand)
        {
            var message = string.Format(CultureInfo.InvariantCulture, "No {0} named '{1}' is in the catalog.", kind, name);
            var action = suggestions.Count > 0
                ? string.Format(CultureInfo.InvariantCulture, "Did you mean: {0}? Run {1} to list every {2}.", string.Join(", ", suggestions), listCommand, kind)
                : string.Format(CultureInfo.InvariantCulture, "Run {0} to list every {1}, or add your own with Import-DeepSeekCatalog.", listCommand, kind);
            var record = new ErrorRecord(new ItemNotFoundException(message + " " + action), errorId, ErrorCategory.ObjectNotFound, name)
            {
                ErrorDetails = new ErrorDetails(message + " " + action) { RecommendedAction = action },
            };
            return record;
        }

        public static ErrorRecord Create(Exception exception, string errorId, ErrorCategory category, object? target, string? recommendedAction = null)
        {
            var record = new ErrorRecord(exception, errorId, category, target);
            if (recommendedAction != null)
            {
                record.ErrorDetails = new ErrorDetails(exception.Message) { RecommendedAction = recommendedAction };
            }

            return record;
        }
    }
}
