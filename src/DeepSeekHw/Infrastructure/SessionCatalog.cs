using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using DeepSeekHw.Catalog;

namespace DeepSeekHw.Commands.Infrastructure
{
    /// <summary>
    /// The catalog each runspace sees: the built-in one until Import-DeepSeekCatalog overlays a user's file.
    /// Kept per runspace so one session's import never leaks into another in the same process.
    /// </summary>
    internal static class SessionCatalog
    {
        private static readonly ConditionalWeakTable<Runspace, Holder> Catalogs = new ConditionalWeakTable<Runspace, Holder>();

        public static DeepSeekCatalog Current
        {
            get
            {
                var runspace = Runspace.DefaultRunspace;
                return runspace != null && Catalogs.TryGetValue(runspace, out var holder) ? holder.Catalog : DeepSeekCatalog.Builtin;
            }
        }

        public static void Set(DeepSeekCatalog catalog)
        {
            var runspace = Runspace.DefaultRunspace;
            if (runspace is null)
            {
                return;
            }

            Catalogs.GetValue(runspace, _ => new Holder()).Catalog = catalog;
        }

        private sealed class Holder
        {
            public DeepSeekCatalog Catalog { get; set; } = DeepSeekCatalog.Builtin;
        }
    }
}
