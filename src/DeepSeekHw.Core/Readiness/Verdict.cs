namespace DeepSeekHw.Readiness
{
    /// <summary>What a rule decides; the engine adds the computer, target, id and category.</summary>
    internal sealed class Verdict
    {
        private Verdict(ReadinessStatus status, string expected, string actual, string message, string remediation, string source)
        {
            Status = status;
            Expected = expected;
            Actual = actual;
            Message = message;
            Remediation = remediation;
            Source = source;
        }

        public ReadinessStatus Status { get; }

        public string Expected { get; }

        public string Actual { get; }

        public string Message { get; }

        public string Remediation { get; }

        public string Source { get; }

        public static Verdict Pass(string expected, string actual, string message, string source = "") =>
            new Verdict(ReadinessStatus.Pass, expected, actual, message, string.Empty, source);

        public static Verdict Warning(string expected, string actual, string message, string remediation, string source = "") =>
            new Verdict(ReadinessStatus.Warning, expected, actual, message, remediation, source);

        public static Verdict Fail(string expected, string actual, string message, string remediation, string source = "") =>
            new Verdict(ReadinessStatus.Fail, expected, actual, message, remediation, source);

        public static Verdict Unknown(string expected, string message, string remediation, string source = "") =>
            new Verdict(ReadinessStatus.Unknown, expected, "unknown", message, remediation, source);

        public static Verdict NotApplicable(string message) =>
            new Verdict(ReadinessStatus.NotApplicable, string.Empty, string.Empty, message, string.Empty, string.Empty);

        /// <summary>Pass when the condition holds, otherwise the given failure status.</summary>
        public static Verdict Check(bool ok, ReadinessStatus otherwise, string expected, string actual, string passMessage, string failMessage, string remediation, string source = "") =>
            ok ? Pass(expected, actual, passMessage, source) : new Verdict(otherwise, expected, actual, failMessage, remediation, source);
    }
}
