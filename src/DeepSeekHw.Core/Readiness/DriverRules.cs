using System.Collections.Generic;
using System.Linq;

using static DeepSeekHw.InvariantText;

namespace DeepSeekHw.Readiness
{
    /// <summary>
    /// Driver checks. NVIDIA's CUDA↔driver table decides; the seed guide's lines are reported beside it as the guide's
    /// recommendation (a warning, never a failure the vendor does not document).
    /// </summary>
    internal static class DriverRules
    {
        public static IEnumerable<ReadinessRule> All => new[]
        {
            new ReadinessRule(CheckIds.DriverCudaCompatibility, CheckCategories.Driver, CudaCompatibility, RuleRole.Deciding),
            new ReadinessRule(CheckIds.DriverNvidiaMinimum, CheckCategories.Driver, NvidiaMinimum),
            new ReadinessRule(CheckIds.DriverRocm, CheckCategories.Driver, Rocm, RuleRole.Deciding),
        };

        private static Verdict? NoNvidia(ReadinessContext c, string expected)
        {
            if (c.Nvidia.Length > 0)
            {
                return null;
            }

            return c.Gpus.Length == 0 && !c.IsCpuInference
                ? Verdict.Unknown(expected, "No GPU was found, so there is no NVIDIA driver to check.", GpuRules.CpuPath)
                : Verdict.NotApplicable("No NVIDIA GPU.");
        }

        private static Verdict? CudaCompatibility(ReadinessContext c)
        {
            const string Expected = "NVIDIA driver >= the minimum for the CUDA version PyTorch was built for";
            if (NoNvidia(c, Expected) is { } none)
            {
                return none;
            }

            var torch = c.Package("torch");
            var build = VersionNumber.MajorMinor(torch?.CudaBuild);
            if (torch is null || build is null)
            {
                return Verdict.Unknown(Expected, torch is null ? "PyTorch was not found, so the CUDA version it needs is unknown." : "PyTorch " + torch.Version + " does not say which CUDA it was built for (torch/version.py not read).", "Install the engine (pip install vllm brings a CUDA build of PyTorch), then test again.");
            }

            var driver = c.NvidiaDriver;
            var row = c.Compat.DriverFor(build);
            var minor = c.Compat.MinorCompatibilityFor(build);
            var platform = c.IsWindows ? "Windows" : "Linux";
            var minimum = row?.For(platform);
            var expected = Invariant($"driver >= {minimum ?? "?"} for CUDA {build} ({platform}; PyTorch {torch.Version})");
            if (driver.Length == 0)
            {
                return Verdict.Unknown(expected, "The NVIDIA driver version is unknown.", "nvidia-smi shows it; install or repair the driver.", row?.Source ?? string.Empty);
            }

            var actual = driver + (c.Inventory.Software?.CudaDriverVersion is { } supports ? " (supports CUDA " + supports + ")" : string.Empty);
            if (minimum != null && VersionNumber.AtLeast(driver, minimum))
            {
                return Verdict.Pass(expected, actual, Invariant($"Driver {driver} supports the CUDA {build} that PyTorch {torch.Version} was built for."), row!.Source);
            }

            var floor = minor?.For(platform);
            if (floor != null && VersionNumber.AtLeast(driver, floor))
            {
                return Verdict.Warning(
                    expected,
                    actual,
                    Invariant($"Driver {driver} is older than CUDA {build}'s minimum {minimum ?? "(not in the table)"}; PyTorch's CUDA {build} build runs through CUDA minor-version compatibility (driver >= {floor}), without PTX JIT for newer GPUs."),
                    Invariant($"Upgrade the NVIDIA driver to >= {minimum ?? floor}."),
                    minor!.Source);
            }

            return Verdict.Fail(
                expected,
                actual,
                Invariant($"Driver {driver} is older than the CUDA {build} that PyTorch {torch.Version} was built for (CUDA {build} needs driver >= {minimum ?? floor ?? "a newer release"}); CUDA calls will fail with 'driver too old'."),
                Invariant($"Upgrade the NVIDIA driver to >= {minimum ?? floor}, or install a PyTorch built for the CUDA this driver supports{(c.Inventory.Software?.CudaDriverVersion is { } s ? " (" + s + ")" : string.Empty)}."),
                row?.Source ?? minor?.Source ?? string.Empty);
        }

        private static Verdict? NvidiaMinimum(ReadinessContext c)
        {
            var seed = c.Compat.Seed("NVIDIA driver");
            var vendorRow = c.Compat.DriverFor(seed.PlatformVersion!); // the checklist reader refuses a seed row without one
            var vendor = vendorRow?.For(c.IsWindows ? "Windows" : "Linux") ?? string.Empty;
            var expected = Invariant($">= {vendor} (NVIDIA's CUDA {seed.PlatformVersion} minimum); the guide recommends >= {seed.Minimum}");
            if (NoNvidia(c, expected) is { } none)
            {
                return none;
            }

            var driver = c.NvidiaDriver;
            var source = (vendorRow?.Source ?? string.Empty) + "; guide: " + seed.Guide;
            if (driver.Length == 0)
            {
                return Verdict.Unknown(expected, "The NVIDIA driver version is unknown.", "nvidia-smi shows it; install or repair the driver.", source);
            }

            if (!VersionNumber.AtLeast(driver, vendor))
            {
                return Verdict.Fail(expected, driver, Invariant($"Driver {driver} is older than NVIDIA's CUDA {seed.PlatformVersion} minimum {vendor}."), Invariant($"Upgrade the NVIDIA driver to >= {vendor} (a current R550+ driver for today's PyTorch and vLLM wheels)."), source);
            }

            if (!c.IsWindows && !VersionNumber.AtLeast(driver, seed.Minimum))
            {
                return Verdict.Warning(expected, driver, Invariant($"Driver {driver} meets NVIDIA's minimum ({vendor}) but not the hardware guide's {seed.Minimum}. {seed.Vendor}."), Invariant($"Optional: upgrade to >= {seed.Minimum} to follow the guide."), source);
            }

            return Verdict.Pass(expected, driver, "The driver meets NVIDIA's minimum and the guide's recommendation.", source);
        }

        private static Verdict? Rocm(ReadinessContext c)
        {
            var seed = c.Compat.Seed("AMD driver");
            var expected = "ROCm >= " + seed.PlatformVersion + " listing the GPU's gfx target";
            if (c.Amd.Length == 0)
            {
                return c.Gpus.Length == 0 && !c.IsCpuInference ? Verdict.Unknown(expected, "No GPU was found, so there is no ROCm stack to check.", GpuRules.CpuPath) : Verdict.NotApplicable("No AMD GPU.");
            }

            var rocm = c.Inventory.Software?.RocmVersion;
            var gfx = c.Amd.Select(g => g.GfxTarget ?? g.Spec?.GfxTarget).FirstOrDefault(t => t != null);
            var guide = " (The guide's AMD driver " + seed.Minimum + " is not used: " + seed.Vendor + ".)";
            if (rocm is null)
            {
                return Verdict.Unknown(expected, "The ROCm version is unknown (/opt/rocm/.info/version not found)." + guide, "Install ROCm >= " + seed.PlatformVersion + " (amdgpu-install --usecase=rocm).");
            }

            var recommended = c.Policy(PolicyNames.RecommendedRocm);
            var install = Invariant($"Install ROCm >= {recommended.Value:0.0#} (vLLM and SGLang ROCm images target it).");
            if (!VersionNumber.AtLeast(rocm, seed.PlatformVersion!))
            {
                return Verdict.Fail(expected, "ROCm " + rocm, "ROCm " + rocm + " is older than " + seed.PlatformVersion + ", the first release for MI300-class GPUs and the guide's minimum." + guide, install, recommended.Source);
            }

            var row = c.Compat.Rocm.Where(r => VersionNumber.Compare(r.Rocm, rocm, 2) <= 0).LastOrDefault();
            if (gfx is null || row is null)
            {
                return Verdict.Unknown(expected, "The GPU's gfx target is unknown, so ROCm support for it cannot be checked." + guide, "rocminfo | grep gfx");
            }

            var actual = "ROCm " + rocm + ", " + gfx;
            if (row.Gfx.Contains(gfx))
            {
                return Verdict.Pass(expected, actual, "ROCm " + rocm + " supports " + gfx + "." + guide, row.Source);
            }

            var first = c.Compat.Rocm.FirstOrDefault(r => r.Gfx.Contains(gfx));
            return Verdict.Fail(expected, actual, "ROCm " + rocm + " does not list " + gfx + "." + guide, first is null ? "Use a GPU ROCm supports (" + string.Join(", ", c.Compat.Rocm.Last().Gfx) + ")." : "Install ROCm >= " + first.Rocm + ".", row.Source);
        }
    }
}
