using System;

namespace DeepSeekHw.Sizing
{
    /// <summary>
    /// Byte arithmetic on what a request asks for (contexts × sequences × bytes per token) that cannot wrap: a result past
    /// 64 bits stays at <see cref="long.MaxValue"/>, which fits no GPU, so an absurd request reads "does not fit" instead
    /// of a negative size that fits. Sizes here are never negative.
    /// </summary>
    internal static class Saturating
    {
        public static long Multiply(long a, long b)
        {
            if (a <= 0 || b <= 0)
            {
                return 0;
            }

            return a > long.MaxValue / b ? long.MaxValue : a * b;
        }

        public static long Add(params long[] values)
        {
            long sum = 0;
            foreach (var value in values)
            {
                sum = value > long.MaxValue - sum ? long.MaxValue : sum + Math.Max(0, value);
            }

            return sum;
        }

        /// <summary>A size computed in floating point, rounded up; NaN and anything past 64 bits saturate.</summary>
        public static long FromDouble(double value) =>
            double.IsNaN(value) || value >= long.MaxValue ? long.MaxValue : value <= 0 ? 0 : (long)Math.Ceiling(value);
    }
}
