using static DeepSeekHw.InvariantText;

namespace DeepSeekHw
{
    /// <summary>
    /// The one way sizes are written for people, in messages and views alike: binary units (as free, nvidia-smi and
    /// df -h report them) with one decimal, so "79.0 GiB free" means the same wherever it appears.
    /// </summary>
    public static class ByteSize
    {
        private const double KiB = 1024.0;
        private const double MiB = KiB * 1024;
        private const double GiB = MiB * 1024;
        private const double TiB = GiB * 1024;

        public static string Format(long bytes)
        {
            double value = bytes;
            var magnitude = value < 0 ? -value : value;
            return magnitude >= TiB ? Invariant($"{value / TiB:0.0} TiB")
                : magnitude >= GiB ? Invariant($"{value / GiB:0.0} GiB")
                : magnitude >= MiB ? Invariant($"{value / MiB:0.0} MiB")
                : magnitude >= KiB ? Invariant($"{value / KiB:0.0} KiB")
                : Invariant($"{bytes} B");
        }
    }
}
