using System;
using System.Reflection;
using System.Runtime.InteropServices;
using DeepSeekHw.Collection;
using DeepSeekHw.Commands.Collection;
using DeepSeekHw.Facts;

namespace DeepSeekHw.Commands.Infrastructure
{
    /// <summary>Collects this machine's fact bundle with the CIM reader wired in on Windows.</summary>
    internal static class LocalFacts
    {
        public static FactBundle Collect(int timeoutSeconds, Action<string> verbose, bool includeIdentifiers = false)
        {
            var options = new CollectorOptions
            {
                Timeout = TimeSpan.FromSeconds(timeoutSeconds),
                IncludeIdentifiers = includeIdentifiers,
                CollectorVersion = typeof(LocalFacts).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? string.Empty,
                Log = verbose,
            };
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                options.Cim = WindowsCim.Query;
            }

            return FactCollector.Collect(options);
        }
    }
}
