namespace DeepSeekHw
{
    /// <summary>A network interface or an InfiniBand port.</summary>
    public sealed class NetworkAdapter
    {
        /// <summary>eth0, ens5f0, or for InfiniBand device/port, e.g. mlx5_0/1.</summary>
        public string Name { get; set; } = string.Empty;

        /// <summary>Ethernet, InfiniBand, Loopback, Virtual or Other.</summary>
        public string Kind { get; set; } = "Other";

        /// <summary>Link speed in bits per second; null when down or unknown.</summary>
        public long? SpeedBitsPerSecond { get; set; }

        public int? Mtu { get; set; }

        /// <summary>up, down, ACTIVE, ... as the OS reports it.</summary>
        public string? State { get; set; }

        public string? Description { get; set; }

        public override string ToString() => Name;
    }
}
