using System.Collections.Generic;

namespace DeepSeekHw.Inventory
{
    /// <summary>Collects the warnings of one parse; each names the source it is about, so a user knows where to look.</summary>
    internal sealed class ParseLog
    {
        private readonly List<string> _warnings = new List<string>();

        public IReadOnlyList<string> Warnings => _warnings;

        public void Warn(string sourceId, string message)
        {
            var line = sourceId + ": " + message;
            if (!_warnings.Contains(line))
            {
                _warnings.Add(line);
            }
        }
    }
}
