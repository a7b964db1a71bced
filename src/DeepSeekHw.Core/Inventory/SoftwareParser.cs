using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using DeepSeekHw.Json;

namespace DeepSeekHw.Inventory
{
    /// <summary>Driver, toolkit and library versions from version files, headers, nvcc and the Python package probe.</summary>
    internal static class SoftwareParser
    {
        private static readonly Regex KernelModule = new Regex(
            @"Kernel Module(?:\s+for\s+\S+)?\s+(?<v>[0-9]+\.[0-9]+(?:\.[0-9]+)?)",
            RegexOptions.CultureInvariant);

        private static readonly Regex NvccRelease = new Regex(@"release\s+(?<r>[0-9]+\.[0-9]+)(?:,\s*V(?<v>[0-9.]+))?", RegexOptions.CultureInvariant);
        private static readonly Regex TorchVersionPyCuda = new Regex(@"^\s*cuda\s*(?::[^=]*)?=\s*['""](?<v>[^'""]+)['""]", RegexOptions.CultureInvariant | RegexOptions.Multiline);
        private static readonly Regex TorchVersionPyHip = new Regex(@"^\s*hip\s*(?::[^=]*)?=\s*['""](?<v>[^'""]+)['""]", RegexOptions.CultureInvariant | RegexOptions.Multiline);
        private static readonly Regex LocalCudaTag = new Regex(@"\+cu(?<v>[0-9]{3,})", RegexOptions.CultureInvariant);
        private static readonly Regex LocalRocmTag = new Regex(@"\+rocm(?<v>[0-9.]+)", RegexOptions.CultureInvariant);

        /// <summary>/proc/driver/nvidia/version: the kernel module's version, present even when nvidia-smi is not.</summary>
        public static string? NvidiaKernelModuleVersion(string text)
        {
            var match = KernelModule.Match(text);
            return match.Success ? match.Groups["v"].Value : null;
        }

        /// <summary>nvcc --version: "Cuda compilation tools, release 12.5, V12.5.82" → 12.5.82.</summary>
        public static string? NvccVersion(string text)
        {
            var match = NvccRelease.Match(text);
            return !match.Success ? null : match.Groups["v"].Success ? match.Groups["v"].Value.TrimEnd('.') : match.Groups["r"].Value;
        }

        /// <summary>/usr/local/cuda/version.json: {"cuda": {"version": "12.2.2"}}.</summary>
        public static string? CudaVersionJson(string text) =>
            JsonParser.TryParse(text, out var root, out _) ? FactText.Clean(root["cuda"]["version"].AsString()) : null;

        /// <summary>Version from #define PREFIX_MAJOR/_MINOR/_PATCH(LEVEL) lines (cudnn_version.h, nccl.h).</summary>
        public static string? HeaderVersion(string text, string prefix)
        {
            string? Define(string name)
            {
                var match = Regex.Match(text, @"^\s*#\s*define\s+" + prefix + "_" + name + @"\s+(?<v>[0-9]+)\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant);
                return match.Success ? match.Groups["v"].Value : null;
            }

            var major = Define("MAJOR");
            var minor = Define("MINOR");
            var patch = Define("PATCHLEVEL") ?? Define("PATCH");
            return major is null || minor is null ? null : major + "." + minor + (patch is null ? string.Empty : "." + patch);
        }

        /// <summary>The JSON the Python probe prints: interpreter version and the ML packages it found.</summary>
        public static void ApplyPythonProbe(SoftwareStack software, string text, string sourceId, ParseLog log)
        {
            var json = FactText.Lines(text).LastOrDefault(l => l.TrimStart().StartsWith("{", StringComparison.Ordinal));
            if (json is null || !JsonParser.TryParse(json, out var root, out var error))
            {
                log.Warn(sourceId, WarningKind.Malformed, "the Python probe printed no JSON; Python packages are unknown.");
                return;
            }

            software.PythonVersion = FactText.Clean(root["python"].AsString());
            var packages = new List<SoftwarePackage>();
            foreach (var property in root["packages"].Properties)
            {
                var version = FactText.Clean(property.Value["version"].AsString());
                if (version is null || packages.Any(p => SameDistribution(p.Name, property.Key)))
                {
                    continue;
                }

                var versionPy = property.Value["versionPy"].AsString() ?? string.Empty;
                var package = new SoftwarePackage
                {
                    Name = property.Key.Replace('_', '-').ToLowerInvariant(), // dist-info names use '_'; people write flash-attn
                    Version = version,
                    CudaBuild = Group(TorchVersionPyCuda, versionPy) ?? CudaTag(version),
                    RocmBuild = Group(TorchVersionPyHip, versionPy) ?? Group(LocalRocmTag, version),
                };
                packages.Add(package);
            }

            software.Packages = packages.ToArray();
            software.CudnnVersion ??= packages.FirstOrDefault(p => p.Name.StartsWith("nvidia-cudnn-", StringComparison.Ordinal))?.Version;
            software.NcclVersion ??= packages.FirstOrDefault(p => p.Name.StartsWith("nvidia-nccl-", StringComparison.Ordinal))?.Version;
        }

        // flash-attn and flash_attn are one distribution spelled two ways.
        private static bool SameDistribution(string a, string b) =>
            string.Equals(a.Replace('_', '-'), b.Replace('_', '-'), StringComparison.OrdinalIgnoreCase);

        private static string? Group(Regex regex, string text)
        {
            var match = regex.Match(text);
            return match.Success ? match.Groups["v"].Value : null;
        }

        // "+cu121" → "12.1", "+cu118" → "11.8"
        private static string? CudaTag(string version)
        {
            var digits = Group(LocalCudaTag, version);
            return digits is null ? null : digits.Substring(0, digits.Length - 1) + "." + digits.Substring(digits.Length - 1);
        }
    }
}
