using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using DeepSeekHw.Sizing.Gguf;

using static DeepSeekHw.InvariantText;

namespace DeepSeekHw.Sizing
{
    /// <summary>
    /// What a GGUF file's header says: its architecture, file type and the exact bytes of every tensor. Read from the
    /// metadata and tensor infos only; a split file (name-00001-of-00005.gguf) is read part by part.
    /// </summary>
    public sealed class GgufFile
    {
        private static readonly Regex SplitName = new Regex(@"^(?<stem>.*)-(?<part>\d{5})-of-(?<count>\d{5})\.gguf$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        private const long MaxElements = 1L << 42;
        private const double MaxTensorBytes = 1L << 40;
        private readonly Dictionary<string, object> metadata;

        private GgufFile(string fileName, Dictionary<string, object> metadata, List<GgufTensor> tensors, int parts)
        {
            this.metadata = metadata;
            Tensors = tensors;
            FileName = SafeText.Clean(fileName);
            Parts = parts;
            Architecture = SafeText.Clean(Text("general.architecture") ?? string.Empty);
            Name = SafeText.Clean(Text("general.name") ?? Path.GetFileNameWithoutExtension(fileName));
            var fileType = Number("general.file_type");
            FileType = fileType is long ft && Enum.IsDefined(typeof(LlamaFileType), (int)ft) ? NameOf((LlamaFileType)(int)ft) : MixedName(tensors);
            TensorCount = tensors.Count;
            TensorBytes = tensors.Aggregate(0L, (a, t) => checked(a + t.Bytes));
            Parameters = tensors.Aggregate(0L, (a, t) => checked(a + t.Elements));
            BytesByType = tensors.GroupBy(t => t.Type.ToString()).OrderByDescending(g => g.Sum(t => t.Bytes))
                .ToDictionary(g => g.Key, g => g.Aggregate(0L, (a, t) => checked(a + t.Bytes)), StringComparer.Ordinal);
        }

        /// <summary>The file name (the first part for split files), without its folder.</summary>
        public string FileName { get; }

        public int Parts { get; }

        /// <summary>llama.cpp architecture: llama, qwen2, deepseek2, deepseek, ...</summary>
        public string Architecture { get; }

        public string Name { get; }

        /// <summary>The file type (general.file_type) as llama.cpp names it, e.g. Q4_K_M; the dominant tensor type if absent.</summary>
        public string FileType { get; }

        public int TensorCount { get; }

        /// <summary>Bytes of tensor data: what llama.cpp loads, to the byte.</summary>
        public long TensorBytes { get; }

        public long Parameters { get; }

        /// <summary>Tensor bytes per ggml type, largest first: the mix llama-quantize (or a custom recipe) chose.</summary>
        public IReadOnlyDictionary<string, long> BytesByType { get; }

        internal IReadOnlyList<GgufTensor> Tensors { get; }

        /// <summary>
        /// An MLA model converted for llama.cpp's MLA path (April 2025 and later): the header gives the per-head key and value
        /// sizes as key_length_mla and value_length_mla, and llama.cpp then caches the latent (src/models/deepseek2.cpp,
        /// is_mla). Older conversions lack them and run with decompressed per-head keys and values.
        /// </summary>
        internal bool HasMlaPath => Number(Architecture + ".attention.key_length_mla") is > 0 && Number(Architecture + ".attention.value_length_mla") is > 0;

        /// <summary>The closest product precision, for engine defaults and advice (null for types the product does not name).</summary>
        internal WeightPrecision? Precision => Enum.TryParse<WeightPrecision>(FileType, out var p) ? p : FileType == "F16" ? WeightPrecision.FP16 : FileType == "F32" ? WeightPrecision.FP32 : (WeightPrecision?)null;

        /// <summary>Reads a GGUF file's header (and every part of a split file). Throws <see cref="SizingException"/> for files it cannot read.</summary>
        public static GgufFile Read(string path)
        {
            var fileName = Path.GetFileName(path);
            var paths = new List<string> { path };
            var split = SplitName.Match(fileName);
            if (split.Success && int.Parse(split.Groups["count"].Value, CultureInfo.InvariantCulture) is var count && count > 1 && count <= 999)
            {
                var folder = Path.GetDirectoryName(path) ?? string.Empty;
                paths = Enumerable.Range(1, count)
                    .Select(i => Path.Combine(folder, Invariant($"{split.Groups["stem"].Value}-{i:00000}-of-{count:00000}.gguf"))).ToList();
            }

            Dictionary<string, object>? metadata = null;
            var tensors = new List<GgufTensor>();
            foreach (var part in paths)
            {
                if (!File.Exists(part))
                {
                    throw new SizingException(SizingErrorIds.InvalidGgufFile, SafeText.Clean(Invariant($"{Path.GetFileName(part)} is missing: the split file has {paths.Count} parts and all are needed for its size.")));
                }

                using var stream = new FileStream(part, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);
                var (meta, infos) = GgufHeaderReader.Read(stream, Path.GetFileName(part));
                metadata ??= meta;
                foreach (var (name, shape, type) in infos)
                {
                    tensors.Add(ToTensor(Path.GetFileName(part), name, shape, type));
                }
            }

            return new GgufFile(fileName, metadata!, tensors, paths.Count);
        }

        /// <summary>Reads a header from a stream (tests build small GGUF files in memory).</summary>
        internal static GgufFile Read(Stream stream, string fileName)
        {
            var (meta, infos) = GgufHeaderReader.Read(stream, fileName);
            return new GgufFile(fileName, meta, infos.Select(i => ToTensor(fileName, i.Name, i.Shape, i.Type)).ToList(), 1);
        }

        /// <summary>
        /// The model's architecture from the header ({arch}.embedding_length, block_count, attention.*, expert_*, MLA ranks),
        /// for sizing a file that is not in the catalog. Throws <see cref="SizingException"/> when a field sizing needs is absent.
        /// </summary>
        public ModelSpec ToModelSpec()
        {
            var a = Architecture;
            int Field(string key, long min, long max, long? fallback = null)
            {
                var value = Number(a + "." + key) ?? fallback;
                if (value is not long v || v < min || v > max)
                {
                    throw new SizingException(SizingErrorIds.InvalidGgufFile,
                        SafeText.Clean(Invariant($"{FileName}: the header has no usable {a}.{key} ({(value is long x ? x.ToString(CultureInfo.InvariantCulture) : "absent")}); sizing needs it.")));
                }

                return (int)v;
            }

            var hidden = Field("embedding_length", 1, 1 << 20);
            var layers = Field("block_count", 1, 10_000);
            var heads = Field("attention.head_count", 1, 1 << 16);
            var kvHeads = Field("attention.head_count_kv", 1, heads, heads);
            var experts = Field("expert_count", 0, 1 << 16, 0);
            var kvLora = Field("attention.kv_lora_rank", 0, 1 << 16, 0);
            var embedding = Tensors.FirstOrDefault(t => t.Role == TensorRole.Embedding);
            var vocab = Field("vocab_size", 1, int.MaxValue, Number("tokenizer.ggml.tokens") ?? embedding?.Rows);
            var leadingDense = experts > 0 ? Field("leading_dense_block_count", 0, layers, 0) : layers;
            var model = new ModelSpec
            {
                Name = Name.Length > 0 ? Name : FileName,
                Id = FileName,
                Family = a,
                ModelType = a,
                Attention = kvLora > 0 ? AttentionKind.MultiHeadLatent : kvHeads < heads ? AttentionKind.GroupedQuery : AttentionKind.MultiHead,
                IsMixtureOfExperts = experts > 0,
                HiddenSize = hidden,
                NumLayers = layers,
                NumAttentionHeads = heads,
                NumKeyValueHeads = kvHeads,
                HeadDim = Field("attention.key_length", 1, 1 << 16, hidden / heads),
                IntermediateSize = Field("feed_forward_length", 0, 1 << 24, 0),
                AttentionBias = Tensors.Any(t => t.Name.EndsWith("attn_q.bias", StringComparison.Ordinal)),
                RoutedExperts = experts,
                DenseLayers = leadingDense,
                MoeLayers = layers - leadingDense,
                VocabSize = vocab,
                TieWordEmbeddings = !Tensors.Any(t => t.Role == TensorRole.Output),
                MaxContextLength = Field("context_length", 1, SizingEngine.MaxContextLength, 4096),
                NativeDtype = WeightPrecision.BF16,
                TotalParameters = Parameters,
                ActiveParameters = Parameters,
                ParametersSource = "counted from the GGUF file's tensor shapes",
                ConfigSource = "GGUF header of " + FileName,
            };
            model.PublishedContextLength = model.MaxContextLength;
            if (experts > 0)
            {
                model.MoeIntermediateSize = Field("expert_feed_forward_length", 1, 1 << 24);
                model.ExpertsPerToken = Field("expert_used_count", 1, experts);
                model.SharedExperts = Field("expert_shared_count", 0, 1 << 10, 0);
            }

            if (kvLora > 0)
            {
                // Files converted for llama.cpp's MLA path (2025+) carry key_length_mla/value_length_mla, the per-head sizes.
                var rope = Field("rope.dimension_count", 1, 1 << 12);
                model.KvLoraRank = kvLora;
                model.QLoraRank = Field("attention.q_lora_rank", 0, 1 << 16, 0);
                model.QkRopeHeadDim = rope;
                model.QkNopeHeadDim = Field("attention.key_length_mla", rope + 1, 1 << 16, Number(a + ".attention.key_length")) - rope;
                model.VHeadDim = Field("attention.value_length_mla", 1, 1 << 16, Number(a + ".attention.value_length"));
                model.NumKeyValueHeads = heads;
            }

            model.CheckpointBytes = TensorBytes;
            model.CheckpointSource = "GGUF tensor data of " + FileName;
            return model;
        }

        /// <summary>Whether the file's shape matches a catalog model (the same block count and width).</summary>
        internal bool Matches(ModelSpec model) =>
            Number(Architecture + ".block_count") == model.NumLayers && Number(Architecture + ".embedding_length") == model.HiddenSize;

        private static GgufTensor ToTensor(string where, string name, long[] shape, int type)
        {
            var ggml = (GgmlType)type;
            if (type < 0 || !GgmlTypeTraits.IsKnown(ggml))
            {
                throw new SizingException(SizingErrorIds.InvalidGgufFile, SafeText.Clean(Invariant($"{where}: tensor '{name}' has ggml type {type}, which this version does not know the size of.")));
            }

            // One tensor past 1 TiB or 2^42 weights is no real model's (V3's largest is under 4 GiB): refusing it keeps every
            // sum over a file's (at most 2^20) tensors inside 64 bits.
            long rows = 1;
            foreach (var d in shape.Skip(1))
            {
                rows = d == 0 || rows <= MaxElements / d ? rows * d : MaxElements + 1;
            }

            if (rows > MaxElements || shape[0] > MaxElements / Math.Max(1, rows)
                || (rows > 0 && shape[0] > 0 && GgmlTypeTraits.BlockBytes(ggml) * (double)(shape[0] / GgmlTypeTraits.BlockSize(ggml)) * rows > MaxTensorBytes))
            {
                throw new SizingException(SizingErrorIds.InvalidGgufFile, SafeText.Clean(Invariant($"{where}: tensor '{name}' claims more than 2^42 weights or 1 TiB; no model has such a tensor.")));
            }

            if (shape[0] % GgmlTypeTraits.BlockSize(ggml) != 0)
            {
                throw new SizingException(SizingErrorIds.InvalidGgufFile, SafeText.Clean(Invariant($"{where}: tensor '{name}' has rows of {shape[0]} values, not a whole number of {ggml} blocks.")));
            }

            var layer = -1;
            var match = Regex.Match(name, @"^blk\.(\d{1,6})\.", RegexOptions.CultureInvariant);
            if (match.Success)
            {
                layer = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            }

            return new GgufTensor(SafeText.Clean(name), RoleOf(name), layer, shape[0], rows, ggml);
        }

        private static TensorRole RoleOf(string name)
        {
            if (name == "token_embd.weight" || name == "per_layer_token_embd.weight")
            {
                return TensorRole.Embedding;
            }

            if (name == "output.weight")
            {
                return TensorRole.Output;
            }

            if (name.Contains("_exps."))
            {
                return TensorRole.RoutedExpert;
            }

            if (name.Contains("_shexp."))
            {
                return TensorRole.SharedExpert;
            }

            if (name.Contains("ffn_gate_inp") || name.Contains("exp_probs_b"))
            {
                return TensorRole.Router;
            }

            if (name.Contains("norm"))
            {
                return TensorRole.Norm;
            }

            if (name.Contains("attn_q_a.") || name.Contains("attn_kv_a_mqa."))
            {
                return TensorRole.ReplicatedAttention;
            }

            return name.Contains(".attn_") || name.Contains(".indexer.") ? TensorRole.Attention : name.Contains(".ffn_") ? TensorRole.DenseMlp : TensorRole.Other;
        }

        private static string NameOf(LlamaFileType type) => type switch
        {
            LlamaFileType.AllF32 => "F32",
            LlamaFileType.Mxfp4Moe => "MXFP4_MOE",
            _ => type.ToString(),
        };

        private static string MixedName(List<GgufTensor> tensors) =>
            tensors.Count == 0 ? "unknown" : tensors.GroupBy(t => t.Type).OrderByDescending(g => g.Sum(t => t.Bytes)).First().Key + " (mixed)";

        internal string? Text(string key) => metadata.TryGetValue(key, out var v) ? v as string : null;

        internal long? Number(string key) => metadata.TryGetValue(key, out var v) ? v switch
        {
            long l => l,
            double d when d >= 0 && d <= long.MaxValue && Math.Floor(d) == d => (long)d,
            GgufArrayLength a => a.Count,
            _ => null,
        } : null;
    }
}
