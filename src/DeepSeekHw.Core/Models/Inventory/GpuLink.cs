namespace DeepSeekHw
{
    /// <summary>How two GPUs are connected, from nvidia-smi topo -m.</summary>
    public sealed class GpuLink
    {
        public int GpuIndex { get; set; }

        public int PeerIndex { get; set; }

        /// <summary>NVLink or PCIe.</summary>
        public string Kind { get; set; } = string.Empty;

        /// <summary>The matrix cell as printed: NV18, SYS, NODE, PHB, PXB, PIX.</summary>
        public string Detail { get; set; } = string.Empty;

        /// <summary>Bonded NVLinks between the pair (18 in NV18); 0 over PCIe.</summary>
        public int NvLinkCount { get; set; }
    }
}
