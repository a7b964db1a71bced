using System.Collections.Generic;

namespace DeepSeekHw.Readiness
{
    /// <summary>One machine's checks and the sizing behind them, kept so a summary over any subset of checks sizes nothing again.</summary>
    public sealed class ReadinessAssessment
    {
        private readonly ReadinessContext _context;

        internal ReadinessAssessment(ReadinessContext context, IReadOnlyList<ReadinessCheck> checks)
        {
            _context = context;
            Checks = checks;
        }

        public IReadOnlyList<ReadinessCheck> Checks { get; }

        /// <summary>The verdict over the checks kept (all of them, or what -IncludeCheck/-ExcludeCheck left).</summary>
        public ReadinessSummary Summarize(IReadOnlyCollection<ReadinessCheck> kept) => ReadinessEngine.Summarize(_context, kept);

        public ReadinessSummary Summarize() => Summarize(Checks as IReadOnlyCollection<ReadinessCheck> ?? new List<ReadinessCheck>(Checks));
    }
}
