using System;

namespace DeepSeekHw
{
    /// <summary>Drivers, toolkits and Python packages that decide what can run. Versions are strings exactly as found.</summary>
    public sealed class SoftwareStack
    {
        public string? NvidiaDriverVersion { get; set; }

        /// <summary>The newest CUDA runtime the NVIDIA driver supports (nvidia-smi's "CUDA Version").</summary>
        public string? CudaDriverVersion { get; set; }

        /// <summary>The installed CUDA toolkit (nvcc or version.json), which may be older than the driver's.</summary>
        public string? CudaToolkitVersion { get; set; }

        public string? CudnnVersion { get; set; }

        public string? NcclVersion { get; set; }

        public string? AmdDriverVersion { get; set; }

        public string? RocmVersion { get; set; }

        public string? PythonVersion { get; set; }

        /// <summary>ML packages found in the Python on PATH.</summary>
        public SoftwarePackage[] Packages { get; set; } = Array.Empty<SoftwarePackage>();
    }

    /// <summary>One installed Python package.</summary>
    public sealed class SoftwarePackage
    {
        /// <summary>Distribution name as installed (torch, vllm, flash-attn, ...).</summary>
        public string Name { get; set; } = string.Empty;

        public string Version { get; set; } = string.Empty;

        /// <summary>The CUDA version the package was built for (torch's version.py or a +cu121 tag), e.g. "12.1".</summary>
        public string? CudaBuild { get; set; }

        /// <summary>The ROCm/HIP version the package was built for, e.g. "6.0".</summary>
        public string? RocmBuild { get; set; }

        public override string ToString() => Name + " " + Version;
    }
}
