using System;

namespace DeepSeekHw.Collection
{
    /// <summary>Reads CIM instances of one class as a JSON array of property maps; supplied by the Windows-only layer.</summary>
    public delegate string CimQuery(string cimNamespace, string className);

    /// <summary>How to collect facts on this machine.</summary>
    public sealed class CollectorOptions
    {
        /// <summary>Limit for each native command; the command and its children are killed after it.</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

        /// <summary>The most each command may write to stdout or stderr; the rest is dropped and the source marked truncated.</summary>
        public int MaxOutputBytes { get; set; } = ProcessRunner.DefaultMaxOutputBytes;

        /// <summary>Keep serial numbers, UUIDs, MAC addresses, process lists and user names in home paths (off: they are redacted as collected).</summary>
        public bool IncludeIdentifiers { get; set; }

        /// <summary>Recorded as the bundle's collector version.</summary>
        public string CollectorVersion { get; set; } = string.Empty;

        /// <summary>The CIM reader on Windows; null elsewhere (no libmi) or where CIM is not wanted.</summary>
        public CimQuery? Cim { get; set; }

        /// <summary>Each step the collector takes, for -Verbose.</summary>
        public Action<string>? Log { get; set; }
    }
}
