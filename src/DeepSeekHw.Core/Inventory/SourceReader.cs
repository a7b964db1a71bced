using System.Globalization;
using System.Linq;
using DeepSeekHw.Facts;

namespace DeepSeekHw.Inventory
{
    /// <summary>Gets a source's text for a parser and turns every way it can be missing into one clear warning.</summary>
    internal sealed class SourceReader
    {
        private readonly FactBundle _bundle;
        private readonly ParseLog _log;

        public SourceReader(FactBundle bundle, ParseLog log)
        {
            _bundle = bundle;
            _log = log;
        }

        /// <summary>A source every machine of the platform has: its absence is worth a warning.</summary>
        public string? Required(string id, string consequence) => Read(id, consequence, warnIfAbsent: true);

        /// <summary>A source many machines lack (nvcc, cgroup files, ROCm): silent when absent, warned when broken.</summary>
        public string? Optional(string id) => Read(id, "its facts are unknown", warnIfAbsent: false);

        /// <summary>A GPU tool: absent is normal (the "no GPU tool" warning covers it), failure names the cause.</summary>
        public string? Gpu(string id) => Read(id, "no GPU could be read from it", warnIfAbsent: false);

        /// <summary>True when none of these tools produced a usable answer because none is installed or recorded.</summary>
        public bool NoGpuToolRan(string[] ids) =>
            ids.All(id => _bundle.Get(id) is not FactSource source || source.Status == FactSourceStatus.Absent);

        private string? Read(string id, string consequence, bool warnIfAbsent)
        {
            var source = _bundle.Get(id);
            if (source is null || source.Status == FactSourceStatus.Absent)
            {
                if (warnIfAbsent)
                {
                    _log.Warn(id, source is null ? WarningKind.NotInBundle : WarningKind.NotFound, (source is null ? "not in the bundle" : "not found on this machine") + "; " + consequence + ".");
                }

                return null;
            }

            switch (source.Status)
            {
                case FactSourceStatus.TimedOut:
                    _log.Warn(id, WarningKind.TimedOut, "did not answer in time and was stopped (a hung driver or a GPU that fell off the bus?); " + consequence + ".");
                    return null;
                case FactSourceStatus.Denied:
                    _log.Warn(id, WarningKind.Denied, "permission denied; " + consequence + ".");
                    return null;
                case FactSourceStatus.Failed:
                    _log.Warn(id, WarningKind.Failed, "could not be read (" + FirstLine(source.Error) + "); " + consequence + ".");
                    return null;
            }

            if (source.ExitCode is int code && code != 0)
            {
                var cause = FirstLine(source.Output) ?? FirstLine(source.Error) ?? "no message";
                _log.Warn(id, WarningKind.ExitCode, string.Format(CultureInfo.InvariantCulture, "exited with code {0}: {1}; {2}.", code, cause, consequence));
                return null;
            }

            if (source.Truncated)
            {
                _log.Warn(id, WarningKind.Truncated, "the output reached the collector's size limit and was cut there; facts after the cut are unknown.");
            }

            return source.Output;
        }

        private static string? FirstLine(string? text) =>
            text is null ? null : FactText.Lines(text).Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);
    }
}
