namespace DeepSeekHw
{
    /// <summary>The operating system as the machine reports it.</summary>
    public sealed class OperatingSystemInfo
    {
        /// <summary>Human-readable name, e.g. "Ubuntu 22.04.4 LTS" or "Microsoft Windows Server 2022 Datacenter".</summary>
        public string? Name { get; set; }

        /// <summary>Distribution id (ubuntu, rhel, debian) or "windows".</summary>
        public string? Id { get; set; }

        public string? Version { get; set; }

        public string? KernelVersion { get; set; }

        /// <summary>x86_64, aarch64, ...</summary>
        public string? Architecture { get; set; }

        /// <summary>True inside a container (Docker, Kubernetes); null when it could not be told.</summary>
        public bool? IsContainer { get; set; }

        /// <summary>True under Windows Subsystem for Linux.</summary>
        public bool IsWsl { get; set; }

        public override string ToString() => Name ?? string.Empty;
    }
}
