using System.Collections.Generic;

namespace DeepSeekHw.Inventory
{
    /// <summary>Collects the warnings of one parse; each names its source and kind, so a user knows where to look and a rule what it means.</summary>
    internal sealed class ParseLog
    {
        // Hostile input can repeat one problem thousands of times: each distinct warning is kept once, in order.
        private const int MaxWarnings = 200;
        private readonly List<InventoryWarning> _warnings = new List<InventoryWarning>();
        private readonly HashSet<string> _seen = new HashSet<string>(System.StringComparer.Ordinal);
        private int _dropped;

        public IReadOnlyList<InventoryWarning> Warnings => _dropped == 0
            ? _warnings
            : new List<InventoryWarning>(_warnings) { new InventoryWarning("inventory", WarningKind.Incomplete, _dropped + " more warning(s) were left out.") };

        public void Warn(string sourceId, WarningKind kind, string message)
        {
            var warning = new InventoryWarning(SafeText.Clean(sourceId), kind, SafeText.Clean(message));
            if (!_seen.Add(warning.ToString()))
            {
                return;
            }

            if (_warnings.Count < MaxWarnings)
            {
                _warnings.Add(warning);
            }
            else
            {
                _dropped++;
            }
        }
    }
}
