namespace DeepSeekHw
{
    /// <summary>What kind of problem an inventory warning reports: rules and scripts read the kind, never the wording.</summary>
    public enum WarningKind
    {
        /// <summary>The bundle has no record of the source (an older collector, a hand-made bundle).</summary>
        NotInBundle,

        /// <summary>The tool is not installed or the file does not exist on the machine.</summary>
        NotFound,

        /// <summary>The tool did not answer in time and was killed.</summary>
        TimedOut,

        /// <summary>The operating system refused access.</summary>
        Denied,

        /// <summary>The source could not be read at all.</summary>
        Failed,

        /// <summary>The tool exited with a non-zero code.</summary>
        ExitCode,

        /// <summary>The output reached the collector's size limit and was cut.</summary>
        Truncated,

        /// <summary>The output is not in the form the tool writes (not JSON, broken XML, an unexpected line).</summary>
        Malformed,

        /// <summary>The output is well formed but lacks a fact it normally has (a GPU without memory, fewer GPUs than attached).</summary>
        Incomplete,

        /// <summary>A number is outside what a machine can have; it is treated as unknown.</summary>
        OutOfRange,

        /// <summary>No GPU tool was found at all.</summary>
        NoGpuTool,

        /// <summary>A GPU is seen on the bus but not by its vendor's tool (driver or tool missing).</summary>
        GpuNotListedByVendorTool,

        /// <summary>A GPU is not in the catalog: sizing lacks its figures.</summary>
        GpuNotInCatalog,
    }

    /// <summary>One problem met while interpreting a machine's facts: which source, what kind, and what it means.</summary>
    public sealed class InventoryWarning
    {
        public InventoryWarning()
        {
        }

        public InventoryWarning(string source, WarningKind kind, string message)
        {
            Source = source;
            Kind = kind;
            Message = message;
        }

        /// <summary>The source id the warning is about (a command line, a file path), or a topic such as "cpu" or "gpu".</summary>
        public string Source { get; set; } = string.Empty;

        public WarningKind Kind { get; set; }

        public string Message { get; set; } = string.Empty;

        public override string ToString() => Source + ": " + Message;
    }

    /// <summary>The state of one GPU tool's answer, so a rule can tell "no GPU" from "the GPU tool failed".</summary>
    public enum GpuToolState
    {
        /// <summary>The bundle has no record of the tool.</summary>
        NotRecorded,

        /// <summary>The tool is not installed.</summary>
        Absent,

        /// <summary>The tool ran and failed (an error exit, a timeout, denied, unreadable output).</summary>
        Failed,

        /// <summary>The tool answered.</summary>
        Ok,
    }

    /// <summary>One GPU tool (nvidia-smi, rocm-smi, amd-smi) and what became of it on this machine.</summary>
    public sealed class GpuToolStatus
    {
        public string Tool { get; set; } = string.Empty;

        public string SourceId { get; set; } = string.Empty;

        public GpuToolState State { get; set; }

        public override string ToString() => Tool + ": " + State;
    }
}
