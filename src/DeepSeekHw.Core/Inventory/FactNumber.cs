using System;
using System.Globalization;

namespace DeepSeekHw.Inventory
{
    /// <summary>
    /// The one way a number read from a fact becomes a size, a rate or a count: parsed culture-invariantly, scaled in
    /// checked arithmetic and held to what a real machine can have. A value outside that range is a warning naming the
    /// source and then unknown (null), never a wrapped negative or an exception.
    /// </summary>
    internal static class FactNumber
    {
        /// <summary>System memory: 64 TiB (the largest shared-memory servers hold 32 TB).</summary>
        public const long MaxMemoryBytes = 1L << 46;

        /// <summary>One GPU's memory: 4 TiB (today's largest hold under 300 GB).</summary>
        public const long MaxGpuMemoryBytes = 1L << 42;

        /// <summary>One disk or filesystem: 1 EiB.</summary>
        public const long MaxStorageBytes = 1L << 60;

        /// <summary>One network link: 10 Tb/s (today's fastest ports carry 800 Gb/s).</summary>
        public const long MaxLinkBitsPerSecond = 10_000_000_000_000;

        /// <summary>One accelerator board's power: 10 kW (today's largest draw about 1.4 kW).</summary>
        public const long MaxBoardWatts = 10_000;

        /// <summary>Cores, threads, GPU indexes and link counts.</summary>
        public const int MaxCount = 1 << 20;

        /// <summary>A value scaled by a unit (kB → bytes, sectors → bytes, Mb/s → b/s); null when absent, negative, overflowing or past the bound.</summary>
        public static long? Scaled(long? value, long unit, long max, ParseLog log, string sourceId, string what)
        {
            if (value is not long number)
            {
                return null;
            }

            try
            {
                return InRange(checked(number * unit), max, log, sourceId, what);
            }
            catch (OverflowException)
            {
                return OutOfRange(number.ToString(CultureInfo.InvariantCulture) + " × " + unit.ToString(CultureInfo.InvariantCulture), max, log, sourceId, what);
            }
        }

        /// <summary>A floating-point quantity (CIM sizes, rates in Gb/s) as whole units; null when absent, not finite, negative or past the bound.</summary>
        public static long? FromDouble(double? value, double scale, long max, ParseLog log, string sourceId, string what)
        {
            if (value is not double number)
            {
                return null;
            }

            var scaled = number * scale;
            if (double.IsNaN(scaled) || double.IsInfinity(scaled) || scaled < 0 || scaled > max)
            {
                return OutOfRange(number.ToString("R", CultureInfo.InvariantCulture), max, log, sourceId, what);
            }

            return (long)Math.Round(scaled);
        }

        /// <summary>A board power in watts from "450.00 W", "550 W" or "290.0"; null when absent ("N/A"), not positive or past <see cref="MaxBoardWatts"/>.</summary>
        public static int? Watts(string? text, ParseLog log, string sourceId, string what)
        {
            var clean = FactText.Clean(text);
            var number = clean?.EndsWith("W", StringComparison.Ordinal) == true ? clean.Substring(0, clean.Length - 1) : clean;
            var watts = FromDouble(FactText.ParseDouble(number), 1, MaxBoardWatts, log, sourceId, what);
            return watts > 0 ? (int)watts.Value : (int?)null;
        }

        /// <summary>A count or index; null when absent, negative or past <see cref="MaxCount"/>.</summary>
        public static int? Count(string? text, ParseLog log, string sourceId, string what)
        {
            var clean = FactText.Clean(text);
            if (clean is null)
            {
                return null;
            }

            if (long.TryParse(clean, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= 0 && number <= MaxCount)
            {
                return (int)number;
            }

            log.Warn(sourceId, WarningKind.OutOfRange, what + " '" + Excerpt(clean) + "' is not a count between 0 and " + MaxCount.ToString(CultureInfo.InvariantCulture) + "; ignored.");
            return null;
        }

        /// <summary>A byte count already in bytes; null when negative or past the bound.</summary>
        public static long? InRange(long? value, long max, ParseLog log, string sourceId, string what)
        {
            if (value is not long number)
            {
                return null;
            }

            return number >= 0 && number <= max ? number : OutOfRange(number.ToString(CultureInfo.InvariantCulture), max, log, sourceId, what);
        }

        private static long? OutOfRange(string shown, long max, ParseLog log, string sourceId, string what)
        {
            log.Warn(sourceId, WarningKind.OutOfRange, what + " of " + Excerpt(shown) + " is outside 0 to " + max.ToString(CultureInfo.InvariantCulture) + "; it is treated as unknown.");
            return null;
        }

        private static string Excerpt(string text) => text.Length <= 40 ? text : text.Substring(0, 40) + "…";
    }
}
