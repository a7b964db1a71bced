using System.Collections.Generic;

namespace DeepSeekHw.Inventory
{
    /// <summary>Collects the warnings of one parse; each names the source it is about, so a user knows where to look.</summary>
    internal sealed class ParseLog
    {
        // Hostile input can repeat one problem thousands of times: each distinct warning is kept once, in order.
        private const int MaxWarnings = 200;
        private readonly List<string> _warnings = new List<string>();
        private readonly HashSet<string> _seen = new HashSet<string>(System.StringComparer.Ordinal);
        private int _dropped;

        public IReadOnlyList<string> Warnings => _dropped == 0 ? _warnings : new List<string>(_warnings) { _dropped + " more warning(s) were left out." };

        public void Warn(string sourceId, string message)
        {
            var line = SafeText.Clean(sourceId + ": " + message);
            if (!_seen.Add(line))
            {
                return;
            }

            if (_warnings.Count < MaxWarnings)
            {
                _warnings.Add(line);
            }
            else
            {
                _dropped++;
            }
        }
    }
}
