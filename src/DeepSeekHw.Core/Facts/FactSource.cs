namespace DeepSeekHw.Facts
{
    /// <summary>What happened when the collector asked for one source.</summary>
    public enum FactSourceStatus
    {
        /// <summary>The command ran (whatever its exit code) or the file was read.</summary>
        Ok,

        /// <summary>The tool is not installed or the file does not exist.</summary>
        Absent,

        /// <summary>The command ran past its timeout and was killed with its process tree.</summary>
        TimedOut,

        /// <summary>The file or command was refused by the operating system (permissions).</summary>
        Denied,

        /// <summary>Anything else that kept the source from being read; <see cref="FactSource.Error"/> says what.</summary>
        Failed,
    }

    /// <summary>
    /// The raw result of one command or one file read, kept byte for byte as text. Nothing in a source is ever executed;
    /// parsers only read <see cref="Output"/>.
    /// </summary>
    public sealed class FactSource
    {
        public FactSource(string id)
        {
            Id = id;
        }

        /// <summary>The exact command line (no shell), the absolute path of a file, or cim:&lt;namespace&gt;:&lt;class&gt;.</summary>
        public string Id { get; }

        public FactSourceStatus Status { get; set; } = FactSourceStatus.Ok;

        /// <summary>The process exit code; null for files, CIM queries and commands that never started.</summary>
        public int? ExitCode { get; set; }

        /// <summary>Standard output or the file's content; null when nothing was read.</summary>
        public string? Output { get; set; }

        /// <summary>Standard error, or why the source could not be read.</summary>
        public string? Error { get; set; }

        public long? DurationMs { get; set; }

        /// <summary>True when the output reached the collector's size limit and was cut there (what came before is kept).</summary>
        public bool Truncated { get; set; }

        /// <summary>True when there is output a parser can read: the source ran and, for commands, exited with 0.</summary>
        public bool HasUsableOutput => Status == FactSourceStatus.Ok && Output != null && (ExitCode is null || ExitCode == 0);

        public override string ToString() => Id;
    }
}
