using System;
using System.Collections.Generic;

namespace DeepSeekHw.Launch
{
    /// <summary>
    /// How to start a serving engine for a sized deployment: the command line (or a Kubernetes manifest) as text to paste,
    /// and every setting in it as a property, each derived from the same SizingEstimate that Get-DeepSeekSizing shows.
    /// </summary>
    public sealed class LaunchConfig
    {
        public string Engine { get; set; } = string.Empty;

        /// <summary>CommandLine, Modelfile or Kubernetes: what <see cref="Text"/> is.</summary>
        public string Kind { get; set; } = string.Empty;

        public string Model { get; set; } = string.Empty;

        /// <summary>The checkpoint the engine loads: a Hugging Face repository id or a file path.</summary>
        public string ModelPath { get; set; } = string.Empty;

        public string Precision { get; set; } = string.Empty;

        public string? Gpu { get; set; }

        public int GpuCount { get; set; }

        public int Nodes { get; set; } = 1;

        public int TensorParallel { get; set; } = 1;

        public int PipelineParallel { get; set; } = 1;

        public int ExpertParallel { get; set; } = 1;

        /// <summary>Data-parallel ranks (vLLM --data-parallel-size, SGLang --dp).</summary>
        public int DataParallel { get; set; } = 1;

        /// <summary>MLA attention data-parallel over the ranks (SGLang --enable-dp-attention; vLLM's DP with MoE).</summary>
        public bool DataParallelAttention { get; set; }

        public int ContextLength { get; set; }

        public int Concurrency { get; set; }

        public double? MemoryUtilization { get; set; }

        public string KvCacheType { get; set; } = string.Empty;

        /// <summary>The engine's quantization method, where the precision needs one (fp8, awq_marlin, gptq_marlin).</summary>
        public string? Quantization { get; set; }

        /// <summary>Layers offloaded to the GPU (llama.cpp -ngl, Ollama num_gpu); null where the engine takes all.</summary>
        public int? GpuLayers { get; set; }

        /// <summary>llama.cpp --n-cpu-moe: layers whose routed experts stay in system RAM while the rest runs on the GPU.</summary>
        public int? CpuMoeLayers { get; set; }

        /// <summary>Tokens the MTP layer drafts per step (speculative decoding); null without.</summary>
        public int? SpeculativeTokens { get; set; }

        /// <summary>The program and its arguments, exactly as passed (no shell); empty for a manifest.</summary>
        public IReadOnlyList<string> Arguments { get; set; } = Array.Empty<string>();

        /// <summary>Environment variables the engine reads.</summary>
        public IReadOnlyDictionary<string, string> Environment { get; set; } = new Dictionary<string, string>();

        /// <summary>What to paste: a POSIX shell command line, an Ollama Modelfile, or a Kubernetes manifest.</summary>
        public string Text { get; set; } = string.Empty;

        /// <summary>Whether the sizing says the deployment fits; a config for one that does not is still given, with why.</summary>
        public bool? Fits { get; set; }

        public string[] Notes { get; set; } = Array.Empty<string>();

        public override string ToString() => Text;
    }
}
