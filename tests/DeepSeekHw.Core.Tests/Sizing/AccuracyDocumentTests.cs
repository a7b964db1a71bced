using System.Globalization;
using System.IO;
using DeepSeekHw.Advice;
using DeepSeekHw.Catalog;
using DeepSeekHw.Core.Tests.Inventory;
using DeepSeekHw.Sizing;

namespace DeepSeekHw.Core.Tests.Sizing;

/// <summary>docs/accuracy.md is a test: every row is recomputed, must match the document and stay within its tolerance.</summary>
public sealed class AccuracyDocumentTests
{
    private static IEnumerable<string[]> Rows(string table)
    {
        var lines = File.ReadAllLines(Path.Combine(Fixtures.Root, "..", "..", "docs", "accuracy.md"));
        var start = Array.FindIndex(lines, l => l.Trim() == "<!-- accuracy: " + table + " -->");
        Assert.True(start >= 0, "docs/accuracy.md has no table '" + table + "'.");
        return lines.Skip(start + 3).TakeWhile(l => l.StartsWith('|')).Select(l => l.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray());
    }

    public static TheoryData<string> GgufRows()
    {
        var data = new TheoryData<string>();
        foreach (var row in Rows("gguf-weight-bytes"))
        {
            data.Add(string.Join("|", row));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(GgufRows))]
    public void Gguf_weight_bytes_match_published_files_within_two_percent(string row)
    {
        var cells = row.Split('|');
        var (model, type) = (cells[0], Enum.Parse<WeightPrecision>(cells[1]));
        var published = long.Parse(cells[2], NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        var documented = long.Parse(cells[3], NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

        var ours = SizingEngine.Estimate(new SizingRequest(DeepSeekCatalog.Builtin.FindModel(model)!) { Precision = type, Engine = "llama.cpp", ContextLength = 512 }).WeightBytes;
        var error = (ours - published) * 100.0 / published;

        Assert.Equal(documented, ours);
        Assert.InRange(double.Parse(cells[4].TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture) - error, -0.006, 0.006);
        Assert.InRange(error, -2, 2);
    }

    [Fact]
    public void The_gguf_table_covers_dense_and_moe_models_and_several_types()
    {
        var rows = Rows("gguf-weight-bytes").ToList();
        Assert.True(rows.Count >= 15);
        Assert.Contains(rows, r => r[0] == "DeepSeek-Coder-V2-Lite");
        Assert.True(rows.Select(r => r[1]).Distinct().Count() >= 6);
    }

    public static TheoryData<string> VllmRows()
    {
        var data = new TheoryData<string>();
        foreach (var row in Rows("vllm-startup-memory"))
        {
            data.Add(string.Join("|", row));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(VllmRows))]
    public void Vllm_startup_memory_matches_published_logs_within_ten_percent(string row)
    {
        var c = row.Split('|');
        var estimate = SizingEngine.Estimate(new SizingRequest(DeepSeekCatalog.Builtin.FindModel(c[0])!)
        {
            Precision = Enum.Parse<WeightPrecision>(c[1]),
            Gpu = DeepSeekCatalog.Builtin.FindGpu(c[2]),
            Engine = "vLLM",
            TensorParallel = int.Parse(c[3], CultureInfo.InvariantCulture),
            PipelineParallel = int.Parse(c[4], CultureInfo.InvariantCulture),
            ContextLength = int.Parse(c[5], CultureInfo.InvariantCulture),
            Concurrency = int.Parse(c[6], CultureInfo.InvariantCulture),
        });
        const double GiB = 1L << 30;
        var (ours, text) = c[7] switch
        {
            "KvCachePoolBytes" => (estimate.KvCachePoolBytes!.Value / GiB, (estimate.KvCachePoolBytes!.Value / GiB).ToString("0.00", CultureInfo.InvariantCulture)),
            "ActivationBytes" => (estimate.ActivationBytes / GiB, (estimate.ActivationBytes / GiB).ToString("0.00", CultureInfo.InvariantCulture)),
            "WeightBytesPerGpu" => (estimate.WeightBytesPerGpu / GiB, (estimate.WeightBytesPerGpu / GiB).ToString("0.00", CultureInfo.InvariantCulture)),
            "KvCacheTokens" => ((double)estimate.KvCacheTokens!.Value, estimate.KvCacheTokens!.Value.ToString(CultureInfo.InvariantCulture)),
            "KvCacheConcurrency" => (estimate.KvCacheConcurrency!.Value, estimate.KvCacheConcurrency!.Value.ToString("0.00", CultureInfo.InvariantCulture)),
            _ => throw new InvalidOperationException("docs/accuracy.md names an unknown quantity: " + c[7]),
        };
        var published = double.Parse(c[8], CultureInfo.InvariantCulture);

        Assert.Equal(c[9], text);
        Assert.InRange((ours - published) / published, -0.10, 0.10);
    }

    [Fact]
    public void The_pool_holds_the_tokens_and_sequences_vllm_would_log()
    {
        var e = SizingEngine.Estimate(new SizingRequest(DeepSeekCatalog.Builtin.FindModel("DeepSeek-R1-Distill-Llama-8B")!)
        {
            Precision = WeightPrecision.BF16, Gpu = DeepSeekCatalog.Builtin.FindGpu("H100-SXM"), Engine = "vLLM", GpuCount = 1, ContextLength = 16000, Concurrency = 1024,
        });

        // Llama-3.1-8B's KV cache is 32 layers x 8 KV heads x 128 x 2 (K and V) x 2 bytes = 131,072 bytes per token.
        Assert.Equal(e.KvCachePoolBytes!.Value / 131_072, e.KvCacheTokens);
        Assert.Equal(Math.Round(e.KvCacheTokens!.Value / 16000.0, 2), e.KvCacheConcurrency);
    }

    public static TheoryData<string> DecodeRows() => TableRows("decode-speed");

    public static TheoryData<string> KnownMisses() => TableRows("known-misses");

    public static TheoryData<string> PrefillRows() => TableRows("prefill-speed");

    private static TheoryData<string> TableRows(string table)
    {
        var data = new TheoryData<string>();
        foreach (var row in Rows(table))
        {
            data.Add(string.Join("|", row));
        }

        return data;
    }

    private static (double Ours, double Ratio) Decode(string[] c)
    {
        // "1024+1024" is a serving benchmark's prompt and output (requests keep arriving); a plain number is the context
        // of sequences that decode without newcomers (a fixed batch or llama-bench).
        var lengths = c[6].Split('+').Select(l => int.Parse(l, CultureInfo.InvariantCulture)).ToArray();
        // "FP8, FP8 KV" is the weights' precision and the KV cache's type (--kv-cache-dtype); "Native, MTP 2" speculative
        // decoding with two MTP drafts a step; a lone precision keeps Auto and no drafts.
        var precision = c[1].Split(", ");
        var drafts = precision.Skip(1).FirstOrDefault(p => p.StartsWith("MTP ", StringComparison.Ordinal));
        var kvCache = precision.Skip(1).FirstOrDefault(p => p.EndsWith(" KV", StringComparison.Ordinal));
        var estimate = SizingEngine.Estimate(new SizingRequest(DeepSeekCatalog.Builtin.FindModel(c[0])!)
        {
            Precision = Enum.Parse<WeightPrecision>(precision[0]),
            KvCacheType = kvCache is null ? KvCacheType.Auto : Enum.Parse<KvCacheType>(kvCache.Replace(" KV", string.Empty, StringComparison.Ordinal)),
            MultiTokenPrediction = drafts is not null,
            SpeculativeTokens = drafts is null ? 1 : int.Parse(drafts.Substring(4), CultureInfo.InvariantCulture),
            Engine = c[2],
            Gpu = Device(c[3]),
            TensorParallel = int.Parse(c[4], CultureInfo.InvariantCulture),
            PipelineParallel = int.Parse(c[5], CultureInfo.InvariantCulture),
            ContextLength = lengths.Sum(),
            PromptLength = lengths.Length == 2 ? lengths[0] : null,
            Concurrency = int.Parse(c[7], CultureInfo.InvariantCulture),
        });
        var ours = c[8] switch
        {
            "TimePerOutputTokenSeconds" => estimate.TimePerOutputTokenSeconds!.Value,
            "DecodeTokensPerSecond" => estimate.DecodeTokensPerSecond!.Value,
            "PrefillTokensPerSecond" => estimate.PrefillTokensPerSecond!.Value,
            "TimeToFirstTokenSeconds" => estimate.TimeToFirstTokenSeconds!.Value,
            _ => throw new InvalidOperationException("docs/accuracy.md names an unknown quantity: " + c[8]),
        };
        var ratio = ours / double.Parse(c[9], CultureInfo.InvariantCulture);
        Assert.Equal(c[10], ours.ToString("0.####", CultureInfo.InvariantCulture));
        Assert.Equal(c[11], ratio.ToString("0.00", CultureInfo.InvariantCulture));
        return (ours, ratio);
    }

    // "RAM 819.2 GB/s" is a CPU-only llama.cpp run from system memory of that peak bandwidth: the device the CPU
    // recommendation sizes on (SystemMemoryDevice, -CpuMemoryBandwidthGBps), with RAM enough for any catalog model, as
    // its size does not enter the speed; anything else is a catalog GPU.
    private static GpuSpec Device(string cell)
    {
        if (!cell.StartsWith("RAM ", StringComparison.Ordinal))
        {
            return DeepSeekCatalog.Builtin.FindGpu(cell)!;
        }

        var gigabytesPerSecond = double.Parse(cell.Substring(4).Replace(" GB/s", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture);
        var machine = new HardwareInventory { Memory = new MemoryInfo { TotalBytes = 2048L << 30 } };
        return SystemMemoryDevice.From(machine, (long)(gigabytesPerSecond * 1e9), CompatibilityChecklist.Builtin)!;
    }

    [Theory]
    [MemberData(nameof(DecodeRows))]
    public void Decode_speed_is_within_one_and_a_half_times_of_published_serving_benchmarks(string row)
    {
        var (_, ratio) = Decode(row.Split('|'));
        Assert.InRange(ratio, 1 / 1.5, 1.5);
    }

    [Theory]
    [MemberData(nameof(PrefillRows))]
    public void Prefill_speed_is_within_one_and_a_half_times_of_published_benchmarks(string row)
    {
        var (_, ratio) = Decode(row.Split('|'));
        Assert.InRange(ratio, 1 / 1.5, 1.5);
    }

    [Theory]
    [MemberData(nameof(KnownMisses))]
    public void Known_misses_stay_documented_until_they_are_fixed(string row)
    {
        var (_, ratio) = Decode(row.Split('|'));
        Assert.False(ratio >= 1 / 1.5 && ratio <= 1.5, "this row is now within tolerance: move it to its table in docs/accuracy.md");
    }

    [Fact]
    public void Poisson_rows_sit_at_the_estimates_own_steady_state()
    {
        // AccelMark's online rows (a request stream at 5 a second for the 8B, 2 for the 70B, outputs of 346 tokens) read
        // the concurrency the estimate itself settles at: L = rate x 346 x TPOT(L). A change to the model that moves the
        // steady state must move the rows with it, or they would compare at a load the estimate no longer predicts.
        var rows = Rows("decode-speed").Concat(Rows("known-misses"))
            .Where(c => c[6] == "236+346" && c[8] == "TimePerOutputTokenSeconds")
            .ToList();

        Assert.Equal(15, rows.Count);
        foreach (var c in rows)
        {
            var rate = c[0].EndsWith("70B", StringComparison.Ordinal) ? 2.0 : 5.0;
            var concurrency = int.Parse(c[7], CultureInfo.InvariantCulture);
            var steady = rate * 346 * Decode(c).Ours;
            Assert.True(Math.Abs(steady - concurrency) <= Math.Max(1, 0.05 * concurrency), c[3] + ": the estimate settles at " + steady.ToString("0.#", CultureInfo.InvariantCulture) + " requests, the row reads " + c[7]);
        }
    }

    public static TheoryData<string> LlamaCppRows() => TableRows("llamacpp-load");

    [Theory]
    [MemberData(nameof(LlamaCppRows))]
    public void Llama_cpp_model_buffers_match_its_load_log_within_ten_percent(string row)
    {
        var c = row.Split('|');
        // "Q2_K, FP8 KV" is the weights and -KvCacheType (llama.cpp's 8-bit cache, q8_0); a lone precision keeps Auto.
        var precision = c[1].Split(", ");
        var estimate = SizingEngine.Estimate(new SizingRequest(DeepSeekCatalog.Builtin.FindModel(c[0])!)
        {
            Precision = Enum.Parse<WeightPrecision>(precision[0]),
            KvCacheType = precision.Length == 2 ? Enum.Parse<KvCacheType>(precision[1].Replace(" KV", string.Empty, StringComparison.Ordinal)) : KvCacheType.Auto,
            Engine = "llama.cpp",
            Gpu = DeepSeekCatalog.Builtin.FindGpu(c[2]),
            PipelineParallel = int.Parse(c[3], CultureInfo.InvariantCulture),
            ContextLength = int.Parse(c[4], CultureInfo.InvariantCulture),
        });
        double bytes = c[5] switch
        {
            "WeightBytes" => estimate.WeightBytes,
            "WeightBytesPerGpu" => estimate.WeightBytesPerGpu,
            "KvCacheBytesPerGpu" => estimate.KvCacheBytesPerGpu,
            "ActivationBytes" => estimate.ActivationBytes,
            _ => throw new InvalidOperationException("docs/accuracy.md names an unknown quantity: " + c[5]),
        };
        var ours = bytes / (1 << 20);
        var published = double.Parse(c[6], CultureInfo.InvariantCulture);

        Assert.Equal(c[7], ours.ToString("0.00", CultureInfo.InvariantCulture));
        Assert.InRange((ours - published) / published, -0.10, 0.10);
    }
    public static TheoryData<string> SglangRows() => TableRows("sglang-startup-memory");

    [Theory]
    [MemberData(nameof(SglangRows))]
    public void Sglang_pool_and_weights_match_its_startup_log_within_ten_percent(string row)
    {
        var c = row.Split('|');
        var request = new SizingRequest(DeepSeekCatalog.Builtin.FindModel(c[0])!)
        {
            Precision = Enum.Parse<WeightPrecision>(c[1]),
            Engine = "SGLang",
            Gpu = DeepSeekCatalog.Builtin.FindGpu(c[2]),
            ContextLength = int.Parse(c[4], CultureInfo.InvariantCulture),
            MemoryUtilization = c[5] == "default" ? null : double.Parse(c[5], CultureInfo.InvariantCulture),
        };
        foreach (var part in c[3].Split(' '))
        {
            // "TP4", "DP8", "EP8" give a degree; "DPA" is -DataParallelAttention.
            var degree = part.Length > 2 && int.TryParse(part.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int?)null;
            switch (part[..2])
            {
                case "TP" when degree != null: request.TensorParallel = degree; break;
                case "DP" when degree != null: request.DataParallel = degree; break;
                case "EP" when degree != null: request.ExpertParallel = degree; break;
                case "DP" when part == "DPA": request.DataParallelAttention = true; break;
                default: throw new InvalidOperationException("docs/accuracy.md names an unknown layout part: " + part);
            }
        }

        var estimate = SizingEngine.Estimate(request);
        var (ours, text) = c[6] switch
        {
            "KvCacheTokens" => ((double)estimate.KvCacheTokens!.Value, estimate.KvCacheTokens!.Value.ToString(CultureInfo.InvariantCulture)),
            "WeightBytesPerGpu" => (estimate.WeightBytesPerGpu / (double)(1L << 30), (estimate.WeightBytesPerGpu / (double)(1L << 30)).ToString("0.00", CultureInfo.InvariantCulture)),
            "KvCachePoolBytes" => (estimate.KvCachePoolBytes!.Value / (double)(1L << 30), (estimate.KvCachePoolBytes!.Value / (double)(1L << 30)).ToString("0.00", CultureInfo.InvariantCulture)),
            _ => throw new InvalidOperationException("docs/accuracy.md names an unknown quantity: " + c[6]),
        };
        var published = double.Parse(c[7], CultureInfo.InvariantCulture);

        Assert.Equal(c[8], text);
        Assert.InRange((ours - published) / published, -0.10, 0.10);
    }

    public static TheoryData<string> TransformersRows() => TableRows("transformers-peak-memory");

    [Theory]
    [MemberData(nameof(TransformersRows))]
    public void Transformers_peak_allocated_memory_matches_published_measurements_within_ten_percent(string row)
    {
        var c = row.Split('|');
        var estimate = SizingEngine.Estimate(new SizingRequest(DeepSeekCatalog.Builtin.FindModel(c[0])!)
        {
            Precision = Enum.Parse<WeightPrecision>(c[1]),
            Engine = "Transformers",
            Gpu = DeepSeekCatalog.Builtin.FindGpu(c[2]),
            TensorParallel = 1,
            PromptLength = int.Parse(c[3], CultureInfo.InvariantCulture),
            ContextLength = int.Parse(c[4], CultureInfo.InvariantCulture),
            Concurrency = int.Parse(c[5], CultureInfo.InvariantCulture),
            AttentionImplementation = Enum.Parse<AttentionImplementation>(c[6]),
        });

        // torch.cuda.max_memory_allocated counts what PyTorch allocates: everything but the CUDA context.
        var ours = (estimate.PerGpuBytes - estimate.OverheadBytes) / (double)(1L << 30);
        var published = double.Parse(c[7], CultureInfo.InvariantCulture);

        Assert.Equal(c[8], ours.ToString("0.00", CultureInfo.InvariantCulture));
        Assert.InRange((ours - published) / published, -0.10, 0.10);
    }
}
