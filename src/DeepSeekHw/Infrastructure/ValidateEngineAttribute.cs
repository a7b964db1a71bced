using System;
using System.Linq;
using System.Management.Automation;
using DeepSeekHw.Sizing;

namespace DeepSeekHw.Commands.Infrastructure
{
    /// <summary>
    /// -Engine takes the engines engines.json describes, and no other list: ValidateSet would need them written again
    /// here, and Windows PowerShell 5.1 has no dynamic ValidateSet.
    /// </summary>
    internal sealed class ValidateEngineAttribute : ValidateArgumentsAttribute
    {
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            var name = arguments?.ToString();
            if (!SizingEngine.EngineNames.Any(e => string.Equals(e, name, StringComparison.OrdinalIgnoreCase)))
            {
                throw new ValidationMetadataException("'" + name + "' is not a serving engine DeepSeekHw knows. Use one of: " + string.Join(", ", SizingEngine.EngineNames) + ".");
            }
        }
    }
}
