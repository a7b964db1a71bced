using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using DeepSeekHw.Catalog;
using DeepSeekHw.Sizing;

namespace DeepSeekHw.Launch
{
    /// <summary>
    /// Turns a sizing into the engine's own settings: the parallel layout, context, concurrency, memory fraction, KV-cache
    /// type and quantization the estimate was computed for, so what is launched is what was sized. One method per engine;
    /// the flags are the engines' documented ones (docs/advice.md names each).
    /// </summary>
    public static class LaunchPlanner
    {
        /// <summary>The engines a launch can be planned for; Transformers is a library, not a server.</summary>
        public static IReadOnlyList<string> Engines { get; } = new[] { "vLLM", "SGLang", "llama.cpp", "Ollama" };

        public static LaunchConfig Plan(ModelSpec model, SizingEstimate estimate, GpuSpec? gpu, string? modelPath = null) =>
            Plan(model, estimate, gpu, modelPath, null);

        /// <summary>
        /// A llama.cpp launch that splits the model between a GPU and system RAM: the first gpuLayers layers on the GPU
        /// (-ngl), or every layer on the GPU but the routed experts of cpuMoeLayers layers (--n-cpu-moe).
        /// </summary>
        public static LaunchConfig PlanPartialOffload(ModelSpec model, SizingEstimate estimate, GpuSpec gpu, int gpuLayers, int cpuMoeLayers) =>
            Plan(model, estimate, gpu, null, (gpuLayers, cpuMoeLayers));

        private static LaunchConfig Plan(ModelSpec model, SizingEstimate estimate, GpuSpec? gpu, string? modelPath, (int GpuLayers, int CpuMoeLayers)? offload)
        {
            if (model is null || estimate is null)
            {
                throw new ArgumentNullException(model is null ? nameof(model) : nameof(estimate));
            }

            var config = Base(model, estimate, gpu);
            switch (estimate.Engine)
            {
                case "vLLM":
                    Vllm(config, model, estimate, gpu, modelPath);
                    break;
                case "SGLang":
                    Sglang(config, model, estimate, gpu, modelPath);
                    break;
                case "llama.cpp":
                    LlamaCpp(config, model, estimate, gpu, modelPath, offload);
                    break;
                case "Ollama":
                    Ollama(config, model, estimate, modelPath);
                    break;
                default:
                    throw new SizingException(SizingErrorIds.UnknownEngine, estimate.Engine + " is a library, not a server: there is no command to launch. Choose one of " + string.Join(", ", Engines) + ".");
            }

            return config;
        }

        /// <summary>A Kubernetes Deployment running the config's command in the engine's image, with the seed's quota rule.</summary>
        public static LaunchConfig Kubernetes(LaunchConfig engine, GpuSpec? gpu, CompatibilityChecklist compat)
        {
            if (engine is null || compat is null)
            {
                throw new ArgumentNullException(engine is null ? nameof(engine) : nameof(compat));
            }

            if (engine.Kind != "CommandLine")
            {
                throw new SizingException(SizingErrorIds.UnknownEngine, "A Kubernetes manifest is made for vLLM, SGLang or llama.cpp; Ollama has its own images and Modelfile.");
            }

            var gpusPerPod = Math.Max(1, engine.GpuCount / Math.Max(1, engine.Nodes));
            var resource = gpu?.Vendor == GpuVendor.AMD ? "amd.com/gpu" : "nvidia.com/gpu";
            var cores = (int)Math.Ceiling(compat.Policy("cpuCoresPerGpu").Value * gpusPerPod);
            var memoryGiB = gpu is null ? 32 : (long)Math.Ceiling(compat.Policy("ramPerGpuMemory").Value * (gpu.UsableMemoryBytes ?? gpu.MemoryBytes) * gpusPerPod / (1024.0 * 1024 * 1024));
            var image = engine.Engine switch
            {
                "vLLM" => gpu?.Vendor == GpuVendor.AMD ? "rocm/vllm:latest" : "vllm/vllm-openai:latest",
                "SGLang" => gpu?.Vendor == GpuVendor.AMD ? "lmsysorg/sglang:latest-rocm" : "lmsysorg/sglang:latest",
                _ => "ghcr.io/ggml-org/llama.cpp:server-cuda",
            };
            var name = Regex.Replace(engine.Model.ToLowerInvariant(), "[^a-z0-9-]+", "-").Trim('-');
            var port = engine.Engine == "llama.cpp" ? 8080 : engine.Engine == "SGLang" ? 30000 : 8000;
            var health = engine.Engine == "SGLang" ? "/health" : "/health";
            var yaml = new StringBuilder();
            yaml.Append("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ").Append(Y(name)).Append("\n  labels:\n    app: ").Append(Y(name))
                .Append("\nspec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: ").Append(Y(name))
                .Append("\n  template:\n    metadata:\n      labels:\n        app: ").Append(Y(name))
                .Append("\n    spec:\n      containers:\n        - name: server\n          image: ").Append(Y(image))
                .Append("\n          command:\n            - ").Append(Y(engine.Arguments[0]));
            var arguments = engine.Arguments.Skip(1).ToList();
            if (engine.Engine == "vLLM")
            {
                yaml.Append("\n            - ").Append(Y(arguments[0])); // "serve"
                arguments = arguments.Skip(1).ToList();
            }

            yaml.Append("\n          args:");
            foreach (var argument in arguments)
            {
                yaml.Append("\n            - ").Append(Y(argument));
            }

            yaml.Append("\n          ports:\n            - containerPort: ").Append(port.ToString(CultureInfo.InvariantCulture))
                .Append("\n          resources:\n            limits:\n              ").Append(resource).Append(": ").Append(gpusPerPod.ToString(CultureInfo.InvariantCulture))
                .Append("\n              cpu: \"").Append(cores.ToString(CultureInfo.InvariantCulture)).Append("\"\n              memory: ").Append(memoryGiB.ToString(CultureInfo.InvariantCulture)).Append("Gi")
                .Append("\n            requests:\n              ").Append(resource).Append(": ").Append(gpusPerPod.ToString(CultureInfo.InvariantCulture))
                .Append("\n              cpu: \"").Append(cores.ToString(CultureInfo.InvariantCulture)).Append("\"\n              memory: ").Append(memoryGiB.ToString(CultureInfo.InvariantCulture)).Append("Gi")
                .Append("\n          readinessProbe:\n            httpGet:\n              path: ").Append(health).Append("\n              port: ").Append(port.ToString(CultureInfo.InvariantCulture))
                .Append("\n            initialDelaySeconds: 60\n            periodSeconds: 10\n            failureThreshold: 60")
                .Append("\n          livenessProbe:\n            httpGet:\n              path: ").Append(health).Append("\n              port: ").Append(port.ToString(CultureInfo.InvariantCulture))
                .Append("\n            initialDelaySeconds: 900\n            periodSeconds: 30")
                .Append("\n          volumeMounts:\n            - name: shm\n              mountPath: /dev/shm\n            - name: models\n              mountPath: /root/.cache/huggingface")
                .Append("\n      volumes:\n        - name: shm\n          emptyDir:\n            medium: Memory\n            sizeLimit: 16Gi\n        - name: models\n          emptyDir: {}\n");

            var notes = engine.Notes.ToList();
            notes.Add(Invariant($"Resources by the seed guide's quota rule ({compat.Policy("cpuCoresPerGpu").Value:0.##} CPU cores per GPU, RAM {compat.Policy("ramPerGpuMemory").Value:0.##} x GPU memory: {compat.Policy("ramPerGpuMemory").Source})."));
            notes.Add("Pin the image to a release that supports " + engine.Model + " (docs/compatibility.md, engine minimums) rather than 'latest'; mount a persistent volume at /root/.cache/huggingface to keep the weights between restarts.");
            if (engine.Nodes > 1)
            {
                notes.Add(Invariant($"The layout spans {engine.Nodes} nodes: one Deployment cannot; run it as a LeaderWorkerSet (one leader and {engine.Nodes - 1} worker pod(s)) on nodes joined by an RDMA fabric."));
            }

            return new LaunchConfig
            {
                Engine = engine.Engine,
                Kind = "Kubernetes",
                Model = engine.Model,
                ModelPath = engine.ModelPath,
                Precision = engine.Precision,
                Gpu = engine.Gpu,
                GpuCount = engine.GpuCount,
                Nodes = engine.Nodes,
                TensorParallel = engine.TensorParallel,
                PipelineParallel = engine.PipelineParallel,
                ExpertParallel = engine.ExpertParallel,
                ContextLength = engine.ContextLength,
                Concurrency = engine.Concurrency,
                MemoryUtilization = engine.MemoryUtilization,
                KvCacheType = engine.KvCacheType,
                Quantization = engine.Quantization,
                GpuLayers = engine.GpuLayers,
                Arguments = engine.Arguments,
                Environment = engine.Environment,
                Fits = engine.Fits,
                Text = yaml.ToString(),
                Notes = notes.ToArray(),
            };
        }

        private static LaunchConfig Base(ModelSpec model, SizingEstimate estimate, GpuSpec? gpu)
        {
            var notes = new List<string>();
            if (estimate.Fits == false)
            {
                notes.Add("The sizing says this does not fit: the engine will refuse to start or run out of memory. See Get-DeepSeekSizing and Get-DeepSeekRecommendation for a layout that fits.");
            }

            return new LaunchConfig
            {
                Engine = estimate.Engine,
                Model = model.Name,
                Precision = estimate.Precision,
                Gpu = gpu?.Name,
                GpuCount = gpu is null ? 0 : estimate.GpuCount ?? 0,
                Nodes = estimate.Nodes ?? 1,
                TensorParallel = estimate.TensorParallel,
                PipelineParallel = estimate.PipelineParallel,
                ExpertParallel = estimate.ExpertParallel,
                DataParallel = estimate.DataParallel,
                DataParallelAttention = estimate.DataParallelAttention,
                ContextLength = estimate.ContextLength,
                Concurrency = estimate.Concurrency,
                MemoryUtilization = estimate.MemoryUtilization,
                KvCacheType = estimate.KvCacheType,
                Fits = estimate.Fits,
                Notes = notes.ToArray(),
            };
        }

        private static void Vllm(LaunchConfig config, ModelSpec model, SizingEstimate estimate, GpuSpec? gpu, string? modelPath)
        {
            var notes = config.Notes.ToList();
            config.ModelPath = modelPath ?? CheckpointFor(model, estimate.Precision, notes);
            config.Quantization = QuantizationFor(model, estimate.Precision, notes);
            var arguments = new List<string> { "vllm", "serve", config.ModelPath };
            if (config.TensorParallel > 1)
            {
                arguments.AddRange(new[] { "--tensor-parallel-size", N(config.TensorParallel) });
            }

            if (config.PipelineParallel > 1)
            {
                arguments.AddRange(new[] { "--pipeline-parallel-size", N(config.PipelineParallel) });
                if (config.Nodes > 1)
                {
                    notes.Add(Invariant($"Pipeline stages span {config.Nodes} nodes: start a Ray cluster across them first (ray start --head on one, ray start --address on the others), then run this on the head."));
                }
            }

            if (config.DataParallel > 1)
            {
                arguments.AddRange(new[] { "--data-parallel-size", N(config.DataParallel) });
                if (model.IsMixtureOfExperts && !config.DataParallelAttention)
                {
                    notes.Add("vLLM runs the MoE layers of all data-parallel ranks as one group (attention data-parallel); for independent replicas start one server per replica instead.");
                }
            }

            if (config.ExpertParallel > 1)
            {
                arguments.Add("--enable-expert-parallel");
            }

            arguments.AddRange(new[] { "--max-model-len", N(config.ContextLength), "--max-num-seqs", N(config.Concurrency) });
            if (estimate.MultiTokenPrediction)
            {
                var drafts = estimate.SpeculativeTokens ?? 1;
                config.SpeculativeTokens = drafts;
                arguments.AddRange(new[] { "--speculative-config", "{\"method\": \"deepseek_mtp\", \"num_speculative_tokens\": " + N(drafts) + "}" });
            }
            if (config.MemoryUtilization is double utilization)
            {
                arguments.AddRange(new[] { "--gpu-memory-utilization", utilization.ToString("0.###", CultureInfo.InvariantCulture) });
            }

            if (WantsEightBitCache(config))
            {
                arguments.AddRange(EightBitKvCacheArguments("vLLM"));
            }

            if (config.Quantization != null)
            {
                arguments.AddRange(new[] { "--quantization", config.Quantization });
            }

            if (gpu != null && gpu.DenseBf16Tflops is null && (estimate.Precision is "BF16" or "FP16" || (estimate.Precision != "FP8" && model.NativeDtype == WeightPrecision.BF16)))
            {
                arguments.AddRange(new[] { "--dtype", "half" });
                notes.Add(gpu.Name + " has no BF16 tensor cores: --dtype half.");
            }

            Finish(config, arguments, notes);
        }

        private static void Sglang(LaunchConfig config, ModelSpec model, SizingEstimate estimate, GpuSpec? gpu, string? modelPath)
        {
            var notes = config.Notes.ToList();
            config.ModelPath = modelPath ?? CheckpointFor(model, estimate.Precision, notes);
            config.Quantization = QuantizationFor(model, estimate.Precision, notes);
            // With DP attention SGLang's --tp is the whole MoE group and --dp the attention ranks within it; without, --dp
            // starts independent replicas of --tp GPUs each.
            var tpFlag = config.DataParallelAttention ? config.TensorParallel * config.PipelineParallel * config.DataParallel : config.TensorParallel * config.PipelineParallel;
            var arguments = new List<string> { "python3", "-m", "sglang.launch_server", "--model-path", config.ModelPath, "--tp", N(tpFlag) };
            if (config.DataParallel > 1)
            {
                arguments.AddRange(new[] { "--dp", N(config.DataParallel) });
                if (config.DataParallelAttention)
                {
                    arguments.Add("--enable-dp-attention");
                }
            }

            if (config.PipelineParallel > 1)
            {
                notes.Add(Invariant($"SGLang splits this layout by tensor parallelism over all {config.TensorParallel * config.PipelineParallel} GPUs; across {config.Nodes} nodes add --nnodes {config.Nodes} --node-rank <n> --dist-init-addr <head>:5000 on each."));
            }

            if (config.ExpertParallel > 1)
            {
                arguments.AddRange(new[] { "--ep-size", N(config.ExpertParallel) });
            }

            arguments.AddRange(new[] { "--context-length", N(config.ContextLength), "--max-running-requests", N(config.Concurrency) });
            if (estimate.MultiTokenPrediction)
            {
                // SGLang drafts with the NextN (MTP) layer through EAGLE: a step per draft, one candidate each, drafts + 1 verified.
                var drafts = estimate.SpeculativeTokens ?? 1;
                config.SpeculativeTokens = drafts;
                arguments.AddRange(new[] { "--speculative-algorithm", "EAGLE", "--speculative-num-steps", N(drafts), "--speculative-eagle-topk", "1", "--speculative-num-draft-tokens", N(drafts + 1) });
                if (config.Concurrency > SglangSpeculativeCudaGraphBatch)
                {
                    // Past its captured batch sizes SGLang decodes without CUDA graphs, far slower than sized.
                    arguments.AddRange(new[] { "--cuda-graph-max-bs", N(config.Concurrency) });
                    notes.Add(Invariant($"SGLang captures CUDA graphs for speculative decoding up to {SglangSpeculativeCudaGraphBatch} requests by default; --cuda-graph-max-bs {config.Concurrency} covers the {config.Concurrency} asked (more capture time and memory at start-up)."));
                }
            }
            if (config.MemoryUtilization is double utilization)
            {
                arguments.AddRange(new[] { "--mem-fraction-static", utilization.ToString("0.###", CultureInfo.InvariantCulture) });
            }

            if (WantsEightBitCache(config))
            {
                arguments.AddRange(EightBitKvCacheArguments("SGLang"));
            }

            if (config.Quantization != null)
            {
                arguments.AddRange(new[] { "--quantization", config.Quantization == "awq_marlin" ? "awq_marlin" : config.Quantization == "gptq_marlin" ? "gptq_marlin" : config.Quantization });
            }

            if (gpu != null && gpu.DenseBf16Tflops is null)
            {
                arguments.AddRange(new[] { "--dtype", "half" });
            }

            Finish(config, arguments, notes);
        }

        private static void LlamaCpp(LaunchConfig config, ModelSpec model, SizingEstimate estimate, GpuSpec? gpu, string? modelPath, (int GpuLayers, int CpuMoeLayers)? offload)
        {
            var notes = config.Notes.ToList();
            config.ModelPath = modelPath ?? GgufFile(model, estimate.Precision, notes);
            config.GpuLayers = gpu is null ? 0 : offload?.GpuLayers ?? model.NumLayers + 1; // every decoder layer and the output layer
            var slots = Math.Max(1, config.Concurrency);
            var arguments = new List<string>
            {
                "llama-server", "-m", config.ModelPath,
                "-c", N(Saturating.Multiply(config.ContextLength, slots)), // the context is shared by the slots
                "-np", N(slots),
                "-ngl", N(config.GpuLayers.Value),
            };
            if (gpu != null && config.GpuCount > 1)
            {
                arguments.AddRange(new[] { "--split-mode", "layer" });
                notes.Add(Invariant($"llama.cpp splits the layers over the {config.GpuCount} GPUs (CUDA_VISIBLE_DEVICES chooses them)."));
            }

            if (WantsEightBitCache(config))
            {
                arguments.AddRange(EightBitKvCacheArguments("llama.cpp"));
                notes.Add("An 8-bit KV cache in llama.cpp is q8_0, which needs flash attention (-fa).");
            }

            if (offload is { CpuMoeLayers: > 0 } moe)
            {
                config.CpuMoeLayers = moe.CpuMoeLayers;
                arguments.AddRange(new[] { "--n-cpu-moe", N(moe.CpuMoeLayers) });
                notes.Add(Invariant($"The routed experts of the first {moe.CpuMoeLayers} layers stay in system RAM (--n-cpu-moe); attention, shared experts and the KV cache run on the GPU."));
            }
            else if (gpu != null && config.GpuLayers <= model.NumLayers)
            {
                notes.Add(Invariant($"{config.GpuLayers} of {model.NumLayers} layers run on the GPU (-ngl); the rest and the output layer run from system RAM."));
            }

            if (gpu is null)
            {
                notes.Add("CPU inference: every layer runs from system RAM (-ngl 0), on llama.cpp's default of one thread per physical core.");
            }

            Finish(config, arguments, notes);
        }

        private static void Ollama(LaunchConfig config, ModelSpec model, SizingEstimate estimate, string? modelPath)
        {
            var notes = config.Notes.ToList();
            var tag = model.OllamaTag;
            var library = model.OllamaTagPrecision?.ToString();
            config.ModelPath = modelPath ?? tag ?? GgufFile(model, estimate.Precision, notes);
            if (modelPath is null && tag != null && estimate.Precision != library)
            {
                var typed = library is null ? null : "-" + library.ToLowerInvariant();
                var family = typed != null && tag.EndsWith(typed, StringComparison.OrdinalIgnoreCase) ? tag.Substring(0, tag.Length - typed.Length) : tag;
                notes.Add("Ollama's " + tag + (library is null ? " is the library's default file, of a type the catalog does not know" : " is " + library)
                    + "; for " + estimate.Precision + " use the library's matching tag (e.g. " + family + "-" + estimate.Precision.ToLowerInvariant() + ") or a GGUF file.");
            }

            config.GpuLayers = config.GpuCount > 0 ? model.NumLayers + 1 : 0;
            var name = Regex.Replace(model.Name.ToLowerInvariant(), "[^a-z0-9.-]+", "-") + "-" + N(config.ContextLength / 1024) + "k";
            var modelfile = new StringBuilder()
                .Append("FROM ").Append(config.ModelPath).Append('\n')
                .Append("PARAMETER num_ctx ").Append(N(config.ContextLength)).Append('\n')
                .Append("PARAMETER num_gpu ").Append(N(config.GpuLayers.Value)).Append('\n')
                .ToString();
            var environment = new Dictionary<string, string> { ["OLLAMA_NUM_PARALLEL"] = N(Math.Max(1, config.Concurrency)) };
            if (WantsEightBitCache(config))
            {
                foreach (var setting in EightBitKvCacheArguments("Ollama"))
                {
                    var equals = setting.IndexOf('=');
                    environment[setting.Substring(0, equals)] = setting.Substring(equals + 1);
                }

                notes.Add("An 8-bit KV cache in Ollama is q8_0 (OLLAMA_KV_CACHE_TYPE), which needs flash attention (OLLAMA_FLASH_ATTENTION=1).");
            }

            config.Environment = environment;
            config.Arguments = new[] { "ollama", "create", name, "-f", "Modelfile" };
            config.Kind = "Modelfile";
            config.Text = "# Modelfile\n" + modelfile + "# then: " + string.Join(" ", environment.Select(v => v.Key + "=" + v.Value)) + " ollama serve, and: " + Shell(config.Arguments) + " && ollama run " + name + "\n";
            notes.Add(Invariant($"Ollama gives each of the {config.Concurrency} parallel request(s) num_ctx tokens: the KV cache is sized for num_ctx x OLLAMA_NUM_PARALLEL."));
            config.Notes = notes.ToArray();
        }

        /// <summary>
        /// SGLang's default largest CUDA-graph batch with speculative decoding (server_args: 48; its DeepSeek docs say to
        /// raise --max-running-requests and the captured batch sizes beyond it).
        /// </summary>
        private const int SglangSpeculativeCudaGraphBatch = 48;

        // -KvCacheType FP8 (q8_0 for the GGUF engines) asks for the engine's 8-bit cache.
        private static bool WantsEightBitCache(LaunchConfig config) =>
            string.Equals(config.KvCacheType, "FP8", StringComparison.OrdinalIgnoreCase) || string.Equals(config.KvCacheType, "Q8_0", StringComparison.OrdinalIgnoreCase);

        // The engine's own words for an 8-bit KV cache, from its profile (engines.json eightBitKvCacheSetting).
        private static string[] EightBitKvCacheArguments(string engine) =>
            (EngineProfile.Find(engine)?.EightBitKvCacheSetting ?? string.Empty).Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);

        private static void Finish(LaunchConfig config, List<string> arguments, List<string> notes)
        {
            config.Kind = "CommandLine";
            config.Arguments = arguments.ToArray();
            config.Text = Shell(arguments);
            config.Notes = notes.ToArray();
        }

        // The checkpoint a safetensors engine loads: the model's own repository, or a note when the precision needs a quantized one.
        private static string CheckpointFor(ModelSpec model, string precision, List<string> notes)
        {
            if (precision is "AWQ_INT4" or "GPTQ_INT4" or "INT4" or "INT8")
            {
                notes.Add(model.Id + " is published in " + model.NativeDtype + ": " + precision + " needs a quantized checkpoint of it (pass its repository or path with -ModelPath); the flags are sized for " + precision + ".");
            }

            return model.Id;
        }

        private static string? QuantizationFor(ModelSpec model, string precision, List<string> notes)
        {
            switch (precision)
            {
                case "FP8" when model.NativeDtype != WeightPrecision.FP8:
                    notes.Add("--quantization fp8 quantizes the BF16 weights to FP8 as they load (dynamic, per-tensor scales): no FP8 checkpoint is needed.");
                    return "fp8";
                case "AWQ_INT4":
                    return "awq_marlin";
                case "GPTQ_INT4":
                    return "gptq_marlin";
                default:
                    return null;
            }
        }

        private static string GgufFile(ModelSpec model, string precision, List<string> notes)
        {
            var file = model.Name + "-" + precision + ".gguf";
            notes.Add("A GGUF file of " + model.Id + " in " + precision + " (community conversions name it so); pass its path with -ModelPath.");
            return file;
        }

        /// <summary>The arguments as one POSIX shell line: a word with anything but safe characters is single-quoted.</summary>
        public static string Shell(IEnumerable<string> arguments) =>
            string.Join(" ", arguments.Select(a => a.Length > 0 && Regex.IsMatch(a, @"^[A-Za-z0-9_./:=,+@%-]+$") ? a : "'" + a.Replace("'", "'\\''") + "'"));

        // A YAML scalar: plain when safe, else double-quoted with escapes.
        private static string Y(string value) =>
            Regex.IsMatch(value, @"^[A-Za-z0-9_./-][A-Za-z0-9_./:=,+@-]*$") && !Regex.IsMatch(value, "^(true|false|null|yes|no|on|off|~|[0-9.eE+-]+)$", RegexOptions.IgnoreCase)
                ? value
                : "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

        private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

        private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
    }
}
