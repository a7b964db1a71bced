using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DeepSeekHw.Json;

using static DeepSeekHw.InvariantText;

namespace DeepSeekHw.Catalog
{
    /// <summary>
    /// Reads catalog documents (schema deepseekhw/catalog@1): the embedded catalogs and users' own files use the same
    /// reader, so a user's entry is checked exactly like ours.
    /// </summary>
    public static class CatalogReader
    {
        public const string Schema = "deepseekhw/catalog@1";

        /// <summary>The largest catalog file Import-DeepSeekCatalog reads.</summary>
        public const long MaxFileBytes = 16L * 1024 * 1024;

        // Physical bounds for what a catalog may claim. Each is far past any real model or GPU and keeps the sizing
        // arithmetic inside 64 bits; a value beyond it is an error that names the entry and the field.
        private const int DefaultConfigBound = 1 << 16;
        private const long MaxParameters = 100_000_000_000_000; // 100T
        private const long MaxCheckpointBytes = 1L << 50; // 1 PiB
        private const long MinGpuMemoryBytes = 16L << 20; // 16 MiB
        private const long MaxGpuMemoryBytes = 1L << 42; // 4 TiB
        private const long MinBandwidth = 100_000_000; // 0.1 GB/s
        private const long MaxBandwidth = 1_000_000_000_000_000; // 1 PB/s
        private const double MaxTflops = 1_000_000; // 1 EFLOPS from one device

        private static readonly Dictionary<string, int> ConfigBounds = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["hidden_size"] = 1 << 16,
            ["num_hidden_layers"] = 1000,
            ["num_attention_heads"] = 4096,
            ["num_key_value_heads"] = 4096,
            ["head_dim"] = 4096,
            ["intermediate_size"] = 1 << 20,
            ["moe_intermediate_size"] = 1 << 20,
            ["n_routed_experts"] = 4096,
            ["n_shared_experts"] = 64,
            ["num_experts_per_tok"] = 4096,
            ["first_k_dense_replace"] = 1000,
            ["moe_layer_freq"] = 1000,
            ["vocab_size"] = 1 << 22,
            ["max_position_embeddings"] = 1 << 28,
            ["q_lora_rank"] = 1 << 16,
            ["kv_lora_rank"] = 1 << 16,
            ["qk_nope_head_dim"] = 4096,
            ["qk_rope_head_dim"] = 4096,
            ["v_head_dim"] = 4096,
            ["index_n_heads"] = 4096,
            ["index_head_dim"] = 4096,
            ["index_topk"] = 1 << 28,
            ["num_nextn_predict_layers"] = 64,
        };

        public static CatalogDocument Read(string json, string origin)
        {
            JsonNode root;
            try
            {
                root = JsonParser.Parse(json);
            }
            catch (JsonException ex)
            {
                throw new CatalogException(Invariant($"{origin}: not valid JSON: {ex.Message}"), ex);
            }

            if (root.Kind != JsonKind.Object)
            {
                throw new CatalogException(Invariant($"{origin}: the document must be a JSON object with 'schema', 'models' and/or 'gpus'."));
            }

            var schema = root["schema"].AsString();
            if (schema != Schema)
            {
                throw new CatalogException(Invariant($"{origin}: 'schema' must be \"{Schema}\" (found {(schema is null ? "none" : "\"" + schema + "\"")})."));
            }

            var models = root["models"].Items.Select((node, i) => ReadModel(node, Invariant($"{origin}: models[{i}]"))).ToList();
            var gpus = root["gpus"].Items.Select((node, i) => ReadGpu(node, Invariant($"{origin}: gpus[{i}]"))).ToList();
            return new CatalogDocument(models, gpus);
        }

        public static ModelSpec ReadModel(JsonNode node, string where)
        {
            var name = Required(node["name"].AsString(), where, "name");
            where = Invariant($"{where} ('{name}')");
            var config = node["config"];
            if (config.Kind != JsonKind.Object)
            {
                throw new CatalogException(where + ": 'config' (the model's Hugging Face config.json) is required.");
            }

            // Every config integer is a count or a dimension: never negative, and held to bounds no real model comes near,
            // which also keeps every size computed from them inside 64 bits.
            int Int(string field, int fallback)
            {
                if (!config.Has(field) || config[field].IsNull)
                {
                    return fallback;
                }

                var max = ConfigBounds.TryGetValue(field, out var bound) ? bound : DefaultConfigBound;
                return config[field].AsInt32() is { } value && value >= 0 && value <= max
                    ? value
                    : throw new CatalogException(Invariant($"{where}: config.{field} must be an integer from 0 to {max} (found {Shown(config[field])})."));
            }

            int RequiredInt(string field) => Int(field, 0) is var value && value > 0
                ? value
                : throw new CatalogException(Invariant($"{where}: config.{field} must be a positive integer."));

            var hidden = RequiredInt("hidden_size");
            var layers = RequiredInt("num_hidden_layers");
            var heads = RequiredInt("num_attention_heads");
            var kvHeads = Int("num_key_value_heads", heads);
            var routed = Int("n_routed_experts", 0);
            var firstDense = Int("first_k_dense_replace", 0);
            var moeFrequency = Math.Max(1, Int("moe_layer_freq", 1));
            if (kvHeads < 1 || kvHeads > heads || heads % kvHeads != 0)
            {
                throw new CatalogException(Invariant($"{where}: config.num_key_value_heads must divide num_attention_heads ({heads}); found {kvHeads}."));
            }

            var moeLayers = routed > 0 ? Enumerable.Range(0, layers).Count(i => i >= firstDense && i % moeFrequency == 0) : 0;
            var kvLora = Int("kv_lora_rank", 0);
            var modelType = config["model_type"].AsString() ?? string.Empty;
            var quantization = config["quantization_config"];
            var isFp8 = string.Equals(quantization["quant_method"].AsString(), "fp8", StringComparison.OrdinalIgnoreCase);
            var published = node["published"];
            var checkpoint = node["checkpoint"];

            var model = new ModelSpec
            {
                Name = name,
                Id = node["id"].AsString() ?? name,
                Aliases = Strings(node["aliases"]),
                Family = node["family"].AsString() ?? string.Empty,
                Released = node["released"].AsString() ?? string.Empty,
                ModelType = modelType,
                Attention = kvLora > 0 ? AttentionKind.MultiHeadLatent : kvHeads < heads ? AttentionKind.GroupedQuery : AttentionKind.MultiHead,
                IsMixtureOfExperts = routed > 0,
                HiddenSize = hidden,
                NumLayers = layers,
                NumAttentionHeads = heads,
                NumKeyValueHeads = kvHeads,
                HeadDim = Int("head_dim", hidden / heads),
                IntermediateSize = Int("intermediate_size", 0),
                AttentionBias = config["attention_bias"].AsBoolean() ?? config["attention_qkv_bias"].AsBoolean() ?? modelType == "qwen2",
                MoeIntermediateSize = Int("moe_intermediate_size", 0),
                RoutedExperts = routed,
                SharedExperts = Int("n_shared_experts", 0),
                ExpertsPerToken = Int("num_experts_per_tok", 0),
                DenseLayers = layers - moeLayers,
                MoeLayers = moeLayers,
                QLoraRank = Int("q_lora_rank", 0),
                KvLoraRank = kvLora,
                QkNopeHeadDim = Int("qk_nope_head_dim", 0),
                QkRopeHeadDim = Int("qk_rope_head_dim", 0),
                VHeadDim = Int("v_head_dim", 0),
                IndexHeads = Int("index_n_heads", 0),
                IndexHeadDim = Int("index_head_dim", 0),
                IndexTopK = Int("index_topk", 0),
                VocabSize = RequiredInt("vocab_size"),
                TieWordEmbeddings = config["tie_word_embeddings"].AsBoolean() ?? false,
                MtpLayers = Int("num_nextn_predict_layers", 0),
                MaxContextLength = RequiredInt("max_position_embeddings"),
                NativeDtype = isFp8 ? WeightPrecision.FP8 : DtypeOf(config["torch_dtype"].AsString()),
                NativeWeightBlockSize = isFp8 && quantization["weight_block_size"].Items.Count > 0 ? quantization["weight_block_size"].Items[0].AsInt32() ?? 0 : 0,
                TotalParameters = published["totalParameters"].AsInt64() ?? 0,
                ActiveParameters = published["activeParameters"].AsInt64() ?? published["totalParameters"].AsInt64() ?? 0,
                ActiveParametersIncludeInputEmbedding = published["activeIncludesInputEmbedding"].AsBoolean() ?? false,
                PublishedContextLength = published["contextLength"].AsInt32() ?? Int("max_position_embeddings", 0),
                ParametersSource = published["source"].AsString() ?? "not published",
                ConfigSource = node["configSource"].AsString() ?? string.Empty,
                Notes = node["notes"].AsString() ?? string.Empty,
            };

            if (model.IsMixtureOfExperts && (model.MoeIntermediateSize <= 0 || model.ExpertsPerToken <= 0))
            {
                throw new CatalogException(where + ": a mixture-of-experts config needs moe_intermediate_size and num_experts_per_tok.");
            }

            if (model.Attention == AttentionKind.MultiHeadLatent && (model.QkRopeHeadDim <= 0 || model.QkNopeHeadDim <= 0 || model.VHeadDim <= 0))
            {
                throw new CatalogException(where + ": an MLA config (kv_lora_rank > 0) needs qk_rope_head_dim, qk_nope_head_dim and v_head_dim.");
            }

            if (model.TotalParameters < 0 || model.TotalParameters > MaxParameters || model.ActiveParameters < 0 || model.ActiveParameters > model.TotalParameters)
            {
                throw new CatalogException(Invariant($"{where}: published parameters must be from 0 to {MaxParameters}, with activeParameters at most totalParameters."));
            }

            if (model.ExpertsPerToken > model.RoutedExperts)
            {
                throw new CatalogException(Invariant($"{where}: config.num_experts_per_tok ({model.ExpertsPerToken}) cannot exceed n_routed_experts ({model.RoutedExperts})."));
            }

            var checkpointBytes = checkpoint["bytes"].AsInt64();
            if (checkpointBytes is long bytes && (bytes <= 0 || bytes > MaxCheckpointBytes))
            {
                throw new CatalogException(Invariant($"{where}: checkpoint.bytes must be from 1 to {MaxCheckpointBytes}."));
            }

            model.CheckpointBytes = checkpointBytes ?? (long)(model.TotalParameters * Sizing.PrecisionFormat.NominalBytes(model.NativeDtype));
            model.CheckpointSizeIsEstimate = checkpointBytes is null || (checkpoint["isEstimate"].AsBoolean() ?? false);
            model.CheckpointSource = checkpoint["source"].AsString() ?? "derived: published parameters × bytes of the native dtype";
            ReadOllamaTag(model, node["ollama"], where);
            return model;
        }

        // An Ollama library tag is an alias (so the tag finds the model); "ollama" adds the type of the library's file under
        // it, with its source, where that is published. Without it, an alias shaped like a tag is the tag, of no known type.
        private static void ReadOllamaTag(ModelSpec model, JsonNode ollama, string where)
        {
            model.OllamaTag = OllamaLibrary.TagIn(model.Aliases);
            if (ollama.IsNull)
            {
                return;
            }

            var tag = Required(ollama["tag"].AsString(), where, "ollama.tag");
            if (!model.Aliases.Contains(tag, StringComparer.Ordinal) || !OllamaLibrary.IsTag(tag))
            {
                throw new CatalogException(Invariant($"{where}: ollama.tag '{tag}' must be an Ollama library tag (name:size) listed in aliases."));
            }

            var type = Required(ollama["precision"].AsString(), where, "ollama.precision");
            model.OllamaTag = tag;
            model.OllamaTagPrecision = !char.IsDigit(type[0]) && Enum.TryParse<WeightPrecision>(type, false, out var precision) && Sizing.PrecisionFormat.For(precision, 128, 0).IsGguf
                ? precision
                : throw new CatalogException(Invariant($"{where}: ollama.precision must name a GGUF type (Q4_K_M, Q4_0, Q8_0, ...), not '{type}'."));
            model.OllamaTagSource = Required(ollama["source"].AsString(), where, "ollama.source");
        }

        public static GpuSpec ReadGpu(JsonNode node, string where)
        {
            var name = Required(node["name"].AsString(), where, "name");
            where = Invariant($"{where} ('{name}')");
            long Bounded(string field, long min, long max) => node[field].AsInt64() is { } value && value >= min && value <= max
                ? value
                : throw new CatalogException(Invariant($"{where}: '{field}' must be an integer from {min} to {max} (found {Shown(node[field])})."));
            long? OptionalBounded(string field, long min, long max) => node[field].IsNull ? null : Bounded(field, min, max);
            double? Throughput(string field) => node[field].IsNull
                ? null
                : node[field].AsDouble() is { } value && value > 0 && value <= MaxTflops
                    ? value
                    : throw new CatalogException(Invariant($"{where}: '{field}' must be a number above 0 and at most {MaxTflops} (dense TFLOPS or TOPS; found {Shown(node[field])})."));

            var gpu = new GpuSpec
            {
                Name = name,
                DisplayName = node["displayName"].AsString() ?? name,
                Aliases = Strings(node["aliases"]),
                MatchPatterns = Strings(node["match"]),
                Vendor = Enum.TryParse<GpuVendor>(Required(node["vendor"].AsString(), where, "vendor"), ignoreCase: true, out var vendor) && vendor != GpuVendor.Unknown
                    ? vendor
                    : throw new CatalogException(Invariant($"{where}: 'vendor' must be one of {string.Join(", ", Enum.GetNames(typeof(GpuVendor)).Skip(1))}.")),
                Architecture = node["architecture"].AsString() ?? string.Empty,
                FormFactor = node["formFactor"].AsString() ?? string.Empty,
                MemoryBytes = Bounded("memoryBytes", MinGpuMemoryBytes, MaxGpuMemoryBytes),
                UsableMemoryBytes = OptionalBounded("usableMemoryBytes", MinGpuMemoryBytes, MaxGpuMemoryBytes),
                UsableMemorySource = node["usableMemorySource"].AsString(),
                MemoryType = node["memoryType"].AsString() ?? string.Empty,
                MemoryBandwidthBytesPerSecond = Bounded("memoryBandwidthBytesPerSecond", MinBandwidth, MaxBandwidth),
                DenseBf16Tflops = Throughput("denseBf16Tflops"),
                DenseFp16Tflops = Throughput("denseFp16Tflops"),
                DenseFp16AccumulateTflops = Throughput("denseFp16AccumulateTflops"),
                DenseFp8Tflops = Throughput("denseFp8Tflops"),
                DenseInt8Tops = Throughput("denseInt8Tops"),
                DenseFp4Tflops = Throughput("denseFp4Tflops"),
                TdpWatts = (int?)OptionalBounded("tdpWatts", 1, 100_000),
                Interconnect = node["interconnect"].AsString() ?? string.Empty,
                InterconnectBandwidthBytesPerSecond = OptionalBounded("interconnectBandwidthBytesPerSecond", 0, MaxBandwidth),
                ComputeCapability = node["computeCapability"].AsString(),
                GfxTarget = node["gfxTarget"].AsString(),
                PcieGeneration = (int?)OptionalBounded("pcieGeneration", 1, 16),
                Multiprocessors = (int?)OptionalBounded("multiprocessors", 1, 1_000),
                BoostClockMhz = (int?)OptionalBounded("boostClockMhz", 100, 10_000),
                Confidence = node["confidence"].AsString() ?? string.Empty,
                Source = node["source"].AsString() ?? string.Empty,
                Notes = node["notes"].AsString() ?? string.Empty,
                PciDeviceIds = PciIds(node["pciDeviceIds"], where),
                ValueSources = ValueSources(node["valueSources"], where),
            };

            if (gpu.DenseFp16AccumulateTflops is { } fast && (gpu.DenseFp16Tflops is not { } fp16 || fast < fp16))
            {
                throw new CatalogException(where + ": 'denseFp16AccumulateTflops' needs 'denseFp16Tflops' and is never below it (FP16 accumulation is the faster or equal rate).");
            }

            if (gpu.Multiprocessors.HasValue != gpu.BoostClockMhz.HasValue)
            {
                throw new CatalogException(where + ": 'multiprocessors' and 'boostClockMhz' go together (the kernels' issue rate is their product).");
            }

            if (gpu.UsableMemoryBytes is { } usable && (usable <= 0 || usable > gpu.MemoryBytes * 11 / 10))
            {
                throw new CatalogException(where + ": 'usableMemoryBytes' must be positive and not far above 'memoryBytes'.");
            }

            foreach (var pattern in gpu.MatchPatterns)
            {
                if (!GpuNameMatcher.IsValidPattern(pattern, out var error))
                {
                    throw new CatalogException(Invariant($"{where}: match pattern '{pattern}' is not a valid regular expression: {error}"));
                }
            }

            return gpu;
        }

        private static IReadOnlyList<string> PciIds(JsonNode node, string where)
        {
            var ids = Strings(node).Select(id => id.ToUpperInvariant()).ToArray();
            var bad = ids.FirstOrDefault(id => !System.Text.RegularExpressions.Regex.IsMatch(id, "^[0-9A-F]{4}:[0-9A-F]{4}$"));
            return bad is null ? Array.AsReadOnly(ids) : throw new CatalogException(Invariant($"{where}: pciDeviceIds must be vendor:device in hex, like \"10DE:2204\" (found '{bad}')."));
        }

        private static IReadOnlyDictionary<string, string> ValueSources(JsonNode node, string where)
        {
            if (node.IsNull)
            {
                return new System.Collections.ObjectModel.ReadOnlyDictionary<string, string>(new Dictionary<string, string>());
            }

            var sources = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in node.Properties)
            {
                sources[SafeText.Clean(pair.Key)] = pair.Value.AsString() is { } text ? SafeText.Clean(text) : throw new CatalogException(where + ": each valueSources entry must be a string.");
            }

            return new System.Collections.ObjectModel.ReadOnlyDictionary<string, string>(sources);
        }

        private static string Shown(JsonNode node)
        {
            var text = node.NumberText ?? node.AsString() ?? node.Kind.ToString();
            return SafeText.Clean(text.Length > 40 ? text.Substring(0, 40) + "…" : text);
        }

        private static WeightPrecision DtypeOf(string? torchDtype) => torchDtype switch
        {
            "float16" => WeightPrecision.FP16,
            "float32" => WeightPrecision.FP32,
            _ => WeightPrecision.BF16,
        };

        // Names are what people type and what tables show: printable, and short enough for a column.
        private static string Required(string? value, string where, string field)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new CatalogException(Invariant($"{where}: '{field}' is required."));
            }

            if (value!.Length > 200 || SafeText.Clean(value) != value)
            {
                throw new CatalogException(Invariant($"{where}: '{field}' must be at most 200 printable characters."));
            }

            return value;
        }

        private static IReadOnlyList<string> Strings(JsonNode node) =>
            Array.AsReadOnly(node.Items.Select(item => item.AsString()).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => SafeText.Clean(s!)).ToArray());
    }
}
