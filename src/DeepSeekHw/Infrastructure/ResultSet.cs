using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace DeepSeekHw.Commands.Infrastructure
{
    /// <summary>
    /// What the export cmdlets were piped: readiness summaries and checks and inventories, live or deserialized
    /// (Invoke-Command, Import-Clixml), each rebuilt into its core type by the one PSObject mapping the other cmdlets use.
    /// </summary>
    internal sealed class ResultSet
    {
        public List<ReadinessSummary> Summaries { get; } = new List<ReadinessSummary>();

        public List<ReadinessCheck> Checks { get; } = new List<ReadinessCheck>();

        public List<HardwareInventory> Inventories { get; } = new List<HardwareInventory>();

        public bool IsEmpty => Summaries.Count == 0 && Checks.Count == 0 && Inventories.Count == 0;

        /// <summary>Adds the object under its kind; false when it is none of them.</summary>
        public bool Add(PSObject item)
        {
            var names = item.TypeNames;
            bool Is<T>() => item.BaseObject is T || names.Any(n => n == "Deserialized." + typeof(T).FullName);
            if (Is<ReadinessSummary>() && PSObjectMapper.To<ReadinessSummary>(item) is { } summary)
            {
                Summaries.Add(summary);
                return true;
            }

            if (Is<ReadinessCheck>() && PSObjectMapper.To<ReadinessCheck>(item) is { } check)
            {
                Checks.Add(check);
                return true;
            }

            if (Is<HardwareInventory>() && HardwareInventoryConverter.ToInventory(item) is { } inventory)
            {
                Inventories.Add(inventory);
                return true;
            }

            return false;
        }
    }
}
