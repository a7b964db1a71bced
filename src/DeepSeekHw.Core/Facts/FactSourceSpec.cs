using System;
using System.Collections.Generic;
using System.Linq;

namespace DeepSeekHw.Facts
{
    /// <summary>How a source is obtained.</summary>
    public enum FactSourceKind
    {
        /// <summary>A program run without a shell; its id is its command line and the arguments are the id's words.</summary>
        Command,

        /// <summary>A Python script (an embedded, versioned file) run as <c>&lt;interpreter&gt; -S -c &lt;script&gt;</c>.</summary>
        PythonProbe,

        /// <summary>One file, read as it is; its id is its absolute path.</summary>
        File,

        /// <summary>The same files under every directory matching a pattern (sysfs): one source per file found.</summary>
        FileTree,

        /// <summary>A CIM class (Windows); its id is cim:&lt;namespace&gt;:&lt;class&gt;.</summary>
        Cim,
    }

    /// <summary>
    /// One row of a platform's sources table: everything needed to produce the source, written once. A command's
    /// arguments are its id's words, so the id recorded and the invocation run cannot drift apart; the table is plain
    /// data so that other collectors (a PowerShell script for nodes with nothing installed) can be generated from it.
    /// </summary>
    public sealed class FactSourceSpec
    {
        private FactSourceSpec(FactSourceKind kind, string id, string reader)
        {
            Kind = kind;
            Id = id;
            Reader = reader;
        }

        public FactSourceKind Kind { get; }

        /// <summary>The pinned id recorded in bundles; for a file tree, the directory pattern (a '*' segment matches names).</summary>
        public string Id { get; }

        /// <summary>The program a command or probe runs (its id's first word); null for files and CIM.</summary>
        public string? Executable { get; private set; }

        /// <summary>The arguments, exactly as passed (no shell); for a probe, the script text is appended by the collector.</summary>
        public IReadOnlyList<string> Arguments { get; private set; } = Array.Empty<string>();

        /// <summary>Absolute paths tried, in order, when the program is not on PATH (installers that do not add themselves to it).</summary>
        public IReadOnlyList<string> Fallbacks { get; private set; } = Array.Empty<string>();

        /// <summary>An upper bound below the collector's -TimeoutSec for tools that answer at once unless something is wrong (a hung mount).</summary>
        public TimeSpan? Timeout { get; private set; }

        /// <summary>The parser that reads this source (a type in DeepSeekHw.Inventory; a test holds the name to it), so a reader knows where its facts go.</summary>
        public string Reader { get; }

        /// <summary>True for a vendor GPU tool: its state (absent, failed, ok) decides whether "no GPU" is known or unknown.</summary>
        public bool IsGpuTool { get; private set; }

        /// <summary>The name people know the program by (nvidia-smi, not nvidia-smi.exe).</summary>
        public string? ToolName => Executable is null ? null : Executable.EndsWith(".exe", StringComparison.OrdinalIgnoreCase) ? Executable.Substring(0, Executable.Length - 4) : Executable;

        /// <summary>Run only when the source with this id was not read cleanly (uname -m where the kernel has no arch file).</summary>
        public string? OnlyWhenMissing { get; private set; }

        /// <summary>A probe's script: the embedded file name, versioned (python-packages.v1.py).</summary>
        public string? Script { get; private set; }

        /// <summary>For a file tree, the files read under each matching directory.</summary>
        public IReadOnlyList<string> Files { get; private set; } = Array.Empty<string>();

        /// <summary>For a file tree, directory names skipped (prefixes: loop, ram, dm-).</summary>
        public IReadOnlyList<string> ExcludedNames { get; private set; } = Array.Empty<string>();

        /// <summary>A command whose id is its command line: the words after the first are its arguments.</summary>
        public static FactSourceSpec Command(string id, string reader, TimeSpan? timeout = null, string? onlyWhenMissing = null, params string[] fallbacks)
        {
            var words = id.Split(' ');
            return new FactSourceSpec(FactSourceKind.Command, id, reader)
            {
                Executable = words[0],
                Arguments = Array.AsReadOnly(words.Skip(1).ToArray()),
                Fallbacks = Array.AsReadOnly(fallbacks),
                Timeout = timeout,
                OnlyWhenMissing = onlyWhenMissing,
            };
        }

        /// <summary>A vendor GPU tool's query: a command whose state says whether the GPUs could be asked at all.</summary>
        public static FactSourceSpec GpuTool(string id, string reader, params string[] fallbacks)
        {
            var row = Command(id, reader, null, null, fallbacks);
            row.IsGpuTool = true;
            return row;
        }

        /// <summary>A Python probe, id "&lt;interpreter&gt; -S -c &lt;file.vN.py&gt;": the script file, in angle brackets, stands for its text.</summary>
        public static FactSourceSpec PythonProbe(string id, string reader)
        {
            var words = id.Split(' ');
            var last = words[words.Length - 1];
            if (words.Length < 3 || !last.StartsWith("<", StringComparison.Ordinal) || !last.EndsWith(">", StringComparison.Ordinal))
            {
                throw new ArgumentException("A probe's id ends with its script file in angle brackets: " + id, nameof(id));
            }

            return new FactSourceSpec(FactSourceKind.PythonProbe, id, reader)
            {
                Executable = words[0],
                Arguments = Array.AsReadOnly(words.Skip(1).Take(words.Length - 2).ToArray()),
                Script = last.Substring(1, last.Length - 2),
            };
        }

        public static FactSourceSpec File(string path, string reader) => new FactSourceSpec(FactSourceKind.File, path, reader);

        /// <summary>Files under each directory matching the pattern, e.g. /sys/class/net/*/ with type and mtu.</summary>
        public static FactSourceSpec FileTree(string pattern, string reader, string[] files, params string[] excludedNames) =>
            new FactSourceSpec(FactSourceKind.FileTree, pattern, reader)
            {
                Files = Array.AsReadOnly(files),
                ExcludedNames = Array.AsReadOnly(excludedNames),
            };

        public static FactSourceSpec Cim(string id, string reader) => new FactSourceSpec(FactSourceKind.Cim, id, reader);

        /// <summary>True when a recorded source id was produced by this row (the id itself, or a file of the tree).</summary>
        public bool Produces(string sourceId)
        {
            if (Kind != FactSourceKind.FileTree)
            {
                return string.Equals(sourceId, Id, StringComparison.Ordinal);
            }

            var file = Files.FirstOrDefault(f => sourceId.EndsWith("/" + f, StringComparison.Ordinal));
            return file != null && MatchesDirectory(sourceId.Substring(0, sourceId.Length - file.Length));
        }

        /// <summary>Does a directory path ("/sys/class/net/eth0/") match the pattern's segments?</summary>
        internal bool MatchesDirectory(string directory)
        {
            var pattern = Id.Split('/');
            var actual = directory.Split('/');
            if (pattern.Length != actual.Length)
            {
                return false;
            }

            for (var i = 0; i < pattern.Length; i++)
            {
                if (!SegmentMatches(pattern[i], actual[i]))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>A segment is literal, or a prefix followed by '*' (mc* matches mc0); excluded names never match.</summary>
        internal bool SegmentMatches(string pattern, string name)
        {
            if (!pattern.EndsWith("*", StringComparison.Ordinal))
            {
                return string.Equals(pattern, name, StringComparison.Ordinal);
            }

            return name.Length > 0
                && name.StartsWith(pattern.Substring(0, pattern.Length - 1), StringComparison.Ordinal)
                && !ExcludedNames.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal));
        }

        public override string ToString() => Id;
    }
}
