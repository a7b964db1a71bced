using System;
using System.Text.RegularExpressions;
using DeepSeekHw.Json;

using static DeepSeekHw.InvariantText;

namespace DeepSeekHw.Catalog
{
    /// <summary>
    /// A CPU platform's memory as its vendor specifies it: channels per socket and their top transfer rate (64-bit
    /// channels, so 8 bytes a transfer). The peak a fully populated socket can stream; CPU decode reads weights at a
    /// share of it.
    /// </summary>
    public sealed class MemoryPlatformRow
    {
        private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

        private readonly Regex match;

        private MemoryPlatformRow(string platform, Regex match, int channels, int megaTransfersPerSecond, string source)
        {
            Platform = platform;
            this.match = match;
            Channels = channels;
            MegaTransfersPerSecond = megaTransfersPerSecond;
            Source = source;
        }

        public string Platform { get; }

        /// <summary>The pattern on the CPU's model name, e.g. \bEPYC 9\d{2}4 for EPYC 9004.</summary>
        public string Match => match.ToString();

        /// <summary>Memory channels per socket.</summary>
        public int Channels { get; }

        public int MegaTransfersPerSecond { get; }

        public string Source { get; }

        /// <summary>Peak bandwidth of <paramref name="filledChannels"/> channels of this platform: channels × 8 bytes × transfers a second.</summary>
        public long BytesPerSecond(int filledChannels) => filledChannels * 8L * MegaTransfersPerSecond * 1_000_000L;

        /// <summary>Whether a CPU model name is this platform's; a name too odd to decide in time is not.</summary>
        public bool Matches(string cpuModel) => match.IsMatchWithin(cpuModel);

        internal static MemoryPlatformRow Read(JsonNode row, string where)
        {
            var pattern = StrictData.Text(row, "match", where);
            Regex regex;
            try
            {
                regex = new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeout);
            }
            catch (ArgumentException ex)
            {
                throw new CatalogException(Invariant($"{where}: 'match' is not a valid regular expression ({ex.Message})."));
            }

            var channels = StrictData.Whole(row, "channels", where);
            var rate = StrictData.Whole(row, "megaTransfersPerSecond", where);
            if (channels < 1 || channels > 32 || rate < 400 || rate > 20_000)
            {
                throw new CatalogException(Invariant($"{where}: 'channels' must be from 1 to 32 and 'megaTransfersPerSecond' from 400 to 20000."));
            }

            return new MemoryPlatformRow(StrictData.Text(row, "platform", where), regex, (int)channels, (int)rate, StrictData.Text(row, "source", where));
        }
    }
}
