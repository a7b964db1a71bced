using System.Collections.Generic;

namespace DeepSeekHw.Inventory
{
    /// <summary>
    /// Reads "index, pci.bus_id, compute_cap" CSV rows. The XML has no compute capability; drivers older than about
    /// 510 reject the compute_cap field, in which case the capability comes from the catalog instead.
    /// </summary>
    internal static class NvidiaQueryParser
    {
        public static Dictionary<int, string> ComputeCapabilities(string csv)
        {
            var byIndex = new Dictionary<int, string>();
            foreach (var line in FactText.Lines(csv))
            {
                var fields = line.Split(',');
                if (fields.Length < 3)
                {
                    continue;
                }

                var index = FactText.ParseInt(fields[0]);
                var capability = FactText.Clean(fields[2]);
                if (index is int i && capability != null && FactText.ParseDouble(capability) != null)
                {
                    byIndex[i] = capability;
                }
            }

            return byIndex;
        }
    }
}
