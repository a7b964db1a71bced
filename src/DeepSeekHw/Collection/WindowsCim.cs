using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using DeepSeekHw.Collection;
using Microsoft.Management.Infrastructure;

namespace DeepSeekHw.Commands.Collection
{
    /// <summary>
    /// The only code that talks to CIM: one query per class, every property recorded as-is (the collector's redaction,
    /// FactRedaction, then removes serial numbers, user and owner names unless -IncludeIdentifier). Kept in its own class
    /// and never JIT-compiled off Windows, where the CIM client has no native library.
    /// </summary>
    internal static class WindowsCim
    {
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static string Query(string cimNamespace, string className)
        {
            using var session = CimSession.Create(null);
            var instances = session.QueryInstances(cimNamespace, "WQL", "SELECT * FROM " + className).ToList();
            try
            {
                return CimRecording.ToJson(instances.Select(instance =>
                    instance.CimInstanceProperties.Select(p => new KeyValuePair<string, object?>(p.Name, p.Value))));
            }
            finally
            {
                foreach (var instance in instances)
                {
                    instance.Dispose();
                }
            }
        }
    }
}
