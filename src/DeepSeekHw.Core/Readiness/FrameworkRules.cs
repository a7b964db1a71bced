using System.Collections.Generic;
using System.Linq;
using DeepSeekHw.Sizing;

using static DeepSeekHw.InvariantText;

namespace DeepSeekHw.Readiness
{
    /// <summary>The Python stack: PyTorch (and its build), TensorFlow (reported only), the serving engine, FlashMLA.</summary>
    internal static class FrameworkRules
    {
        public static IEnumerable<ReadinessRule> All => new[]
        {
            new ReadinessRule(CheckIds.FrameworkPyTorch, CheckCategories.Framework, PyTorch),
            new ReadinessRule(CheckIds.FrameworkTensorFlow, CheckCategories.Framework, TensorFlow),
            new ReadinessRule(CheckIds.FrameworkEngine, CheckCategories.Framework, Engine),
            new ReadinessRule(CheckIds.FrameworkFlashMla, CheckCategories.Framework, FlashMla),
        };

        private static bool UsesPyTorch(ReadinessContext c) => c.Engine?.NeedsPyTorch != false;

        private static Verdict? PyTorch(ReadinessContext c)
        {
            if (!UsesPyTorch(c))
            {
                return Verdict.NotApplicable(c.EngineName + " does not use PyTorch.");
            }

            var seed = c.Compat.Seed("PyTorch");
            var minimum = seed.Minimum;
            var reasons = new List<string> { "the guide's " + seed.Minimum };
            var sources = new List<string> { seed.Guide };
            foreach (var row in c.Compat.FrameworkMinimums.Where(r => r.Package == "torch" && Applies(c, r.When)))
            {
                reasons.Add(row.Minimum + ": " + row.Reason);
                sources.Add(row.Source);
                minimum = VersionNumber.Compare(row.Minimum, minimum) > 0 ? row.Minimum : minimum;
            }

            var expected = "PyTorch >= " + minimum + " (" + string.Join("; ", reasons) + ")";
            var source = string.Join("; ", sources);
            var torch = c.Package("torch");
            if (torch is null)
            {
                return c.Inventory.Software?.PythonVersion is null
                    ? Verdict.Unknown(expected, "Python was not found (or not probed), so PyTorch is unknown.", "Install Python 3.10-3.12 and the engine (pip install vllm).", source)
                    : Verdict.Fail(expected, "not installed", "PyTorch is not installed for Python " + c.Inventory.Software.PythonVersion + ".", "pip install vllm (it brings the PyTorch build it needs), or pip install torch>=" + minimum + ".", source);
            }

            var actual = torch.Version + (torch.CudaBuild is { } cuda ? " (CUDA " + cuda + ")" : torch.RocmBuild is { } rocm ? " (ROCm " + rocm + ")" : string.Empty);
            if (c.Amd.Length > 0 && c.Nvidia.Length == 0 && torch.CudaBuild != null)
            {
                return Verdict.Fail(expected, actual, "This is a CUDA build of PyTorch on a machine with AMD GPUs.", "pip install torch --index-url https://download.pytorch.org/whl/rocm6.2 (or use the vLLM/SGLang ROCm images).", source);
            }

            if (c.Nvidia.Length > 0 && torch.RocmBuild != null)
            {
                return Verdict.Fail(expected, actual, "This is a ROCm build of PyTorch on a machine with NVIDIA GPUs.", "pip install torch (the default Linux wheels are CUDA builds).", source);
            }

            return Verdict.Check(VersionNumber.AtLeast(torch.Version, minimum), ReadinessStatus.Fail, expected, actual, "PyTorch is recent enough.", "PyTorch " + torch.Version + " is older than " + minimum + ".", "pip install -U torch>=" + minimum + " (or upgrade the engine, which pins its PyTorch).", source);
        }

        private static bool Applies(ReadinessContext c, string when) => when switch
        {
            "FP8" => c.Precision == "FP8",
            "Blackwell" => c.MinComputeCapability >= 10.0,
            // A model family's reference PyTorch pin applies to engines that do not bring their own (Transformers).
            _ => c.Model != null && c.Model.Family.StartsWith(when, System.StringComparison.Ordinal) && c.Engine is { NeedsPyTorch: true, BringsOwnPyTorch: false },
        };

        private static Verdict? TensorFlow(ReadinessContext c)
        {
            var seed = c.Compat.Seed("TensorFlow");
            var tf = c.Package("tensorflow");
            var expected = "not required (the guide lists >= " + seed.Minimum + ")";
            if (tf is null)
            {
                return Verdict.NotApplicable("TensorFlow is not installed; " + seed.Vendor + ".");
            }

            return Verdict.Check(VersionNumber.AtLeast(tf.Version, seed.Minimum), ReadinessStatus.Warning, expected, tf.Version, "TensorFlow meets the guide's line (" + seed.Vendor + ").", "TensorFlow " + tf.Version + " is below the guide's " + seed.Minimum + "; " + seed.Vendor + ".", "Nothing to do for DeepSeek; upgrade only if other workloads need TensorFlow >= " + seed.Minimum + ".", seed.Guide);
        }

        private static Verdict? Engine(ReadinessContext c)
        {
            if (c.Model is null || c.EngineName is null)
            {
                return null;
            }

            var row = c.Compat.EngineFor(c.EngineName);
            if (row is null)
            {
                return null;
            }

            var needsMinimum = row.Minimum != null && row.Families.Any(f => c.Model.Family.StartsWith(f, System.StringComparison.Ordinal));
            var expected = c.EngineName + (needsMinimum ? " >= " + row.Minimum + " (first release for " + c.Model.Family + ")" : " installed");
            var engine = c.Engine!;
            if (engine.Package is null)
            {
                return Verdict.Unknown(expected, c.EngineName + " ships as a binary the inventory does not look for.", engine.BinaryHint ?? c.EngineName + " --version", row.Source);
            }

            var package = c.Package(engine.Package);
            if (package is null)
            {
                return c.Inventory.Software?.PythonVersion is null
                    ? Verdict.Unknown(expected, "Python was not found (or not probed), so " + c.EngineName + " is unknown.", "Install Python 3.10-3.12, then pip install " + engine.Package + ".", row.Source)
                    : Verdict.Fail(expected, "not installed", c.EngineName + " is not installed for Python " + c.Inventory.Software.PythonVersion + ".", "pip install \"" + engine.Package + (needsMinimum ? ">=" + row.Minimum : string.Empty) + "\" (or run its container image).", row.Source);
            }

            return Verdict.Check(!needsMinimum || VersionNumber.AtLeast(package.Version, row.Minimum!), ReadinessStatus.Fail, expected, package.Version, c.EngineName + " is installed.", c.EngineName + " " + package.Version + " predates " + c.Model.Family + " support.", "pip install -U \"" + engine.Package + ">=" + row.Minimum + "\".", row.Source);
        }

        private static Verdict? FlashMla(ReadinessContext c)
        {
            if (c.Model is null)
            {
                return null;
            }

            var row = c.Compat.FlashMla;
            if (c.Model.Attention != AttentionKind.MultiHeadLatent || c.Engine?.SupportsFlashMla != true || c.Nvidia.Length == 0)
            {
                return Verdict.NotApplicable("FlashMLA serves MLA models (V2/V3) in " + string.Join(" and ", EngineProfile.All.Where(e => e.SupportsFlashMla).Select(e => e.Name)) + " on NVIDIA GPUs.");
            }

            var cc = c.MinComputeCapability;
            if (cc is null)
            {
                return Verdict.Unknown("compute capability 9.0 or 10.0", "The GPUs' compute capability is unknown.", "nvidia-smi --query-gpu=compute_cap --format=csv", row.Source);
            }

            if (!row.ComputeCapabilities.Any(x => ReadinessContext.Parse(x) == cc))
            {
                return Verdict.NotApplicable(Invariant($"FlashMLA runs on SM90/SM100 only; on compute capability {cc:0.0} the engine uses its other MLA kernels."));
            }

            var needed = cc >= 10.0 ? row.MinCudaBlackwell : row.MinCuda;
            var expected = "PyTorch built for CUDA >= " + needed + " (FlashMLA)";
            var build = c.Package("torch")?.CudaBuild;
            if (build is null)
            {
                return Verdict.Unknown(expected, "PyTorch's CUDA build is unknown.", "python3 -c \"import torch; print(torch.version.cuda)\"", row.Source);
            }

            return Verdict.Check(VersionNumber.AtLeast(build, needed), ReadinessStatus.Warning, expected, "CUDA " + build, "FlashMLA's CUDA requirement is met.", "FlashMLA needs CUDA >= " + needed + "; with a CUDA " + build + " build the engine falls back to slower MLA decode kernels.", "Install the engine's CUDA " + needed + "+ build (e.g. PyTorch cu128 wheels).", row.Source);
        }
    }
}
