using DeepSeekHw.Catalog;

namespace DeepSeekHw.Core.Tests;

public sealed class CatalogTests
{
    private static readonly DeepSeekCatalog Catalog = DeepSeekCatalog.Builtin;

    [Theory]
    [InlineData("DeepSeek-V3")]
    [InlineData("DeepSeek-V3-0324")]
    [InlineData("DeepSeek-R1")]
    [InlineData("DeepSeek-R1-0528")]
    [InlineData("DeepSeek-V3.1")]
    [InlineData("DeepSeek-V3.2-Exp")]
    [InlineData("DeepSeek-V2")]
    [InlineData("DeepSeek-V2.5")]
    [InlineData("DeepSeek-V2-Lite")]
    [InlineData("DeepSeek-Coder-V2")]
    [InlineData("DeepSeek-Coder-V2-Lite")]
    [InlineData("DeepSeek-LLM-7B")]
    [InlineData("DeepSeek-LLM-67B")]
    [InlineData("DeepSeek-Coder-1.3B")]
    [InlineData("DeepSeek-Coder-6.7B")]
    [InlineData("DeepSeek-Coder-33B")]
    [InlineData("DeepSeek-MoE-16B")]
    [InlineData("DeepSeek-R1-Distill-Qwen-1.5B")]
    [InlineData("DeepSeek-R1-Distill-Qwen-7B")]
    [InlineData("DeepSeek-R1-Distill-Qwen-14B")]
    [InlineData("DeepSeek-R1-Distill-Qwen-32B")]
    [InlineData("DeepSeek-R1-Distill-Llama-8B")]
    [InlineData("DeepSeek-R1-Distill-Llama-70B")]
    public void Holds_every_released_model_family_with_sourced_figures(string name)
    {
        var model = Catalog.FindModel(name);

        Assert.NotNull(model);
        Assert.Equal(name, model!.Name);
        Assert.True(model.TotalParameters > 0);
        Assert.InRange(model.ActiveParameters, 1, model.TotalParameters);
        Assert.False(string.IsNullOrWhiteSpace(model.ParametersSource));
        Assert.False(string.IsNullOrWhiteSpace(model.ConfigSource));
        Assert.False(string.IsNullOrWhiteSpace(model.CheckpointSource));
        Assert.True(model.CheckpointBytes > 0);
    }

    [Fact]
    public void DeepSeek_V3_keeps_the_architecture_fields_sizing_needs()
    {
        var v3 = Catalog.FindModel("deepseek-ai/DeepSeek-V3")!;

        Assert.Equal(671_000_000_000L, v3.TotalParameters);
        Assert.Equal(37_000_000_000L, v3.ActiveParameters);
        Assert.Equal(AttentionKind.MultiHeadLatent, v3.Attention);
        Assert.Equal((7168, 61, 128), (v3.HiddenSize, v3.NumLayers, v3.NumAttentionHeads));
        Assert.Equal((1536, 512, 128, 64, 128), (v3.QLoraRank, v3.KvLoraRank, v3.QkNopeHeadDim, v3.QkRopeHeadDim, v3.VHeadDim));
        Assert.Equal((256, 1, 8, 2048), (v3.RoutedExperts, v3.SharedExperts, v3.ExpertsPerToken, v3.MoeIntermediateSize));
        Assert.Equal((3, 58), (v3.DenseLayers, v3.MoeLayers));
        Assert.Equal(18432, v3.IntermediateSize);
        Assert.Equal(129280, v3.VocabSize);
        Assert.Equal(163840, v3.MaxContextLength);
        Assert.Equal(1, v3.MtpLayers);
        Assert.Equal((WeightPrecision.FP8, 128), (v3.NativeDtype, v3.NativeWeightBlockSize));
        Assert.Equal(688_586_727_753L, v3.CheckpointBytes);
        Assert.False(v3.CheckpointSizeIsEstimate);
    }

    [Fact]
    public void Attention_kind_follows_the_config()
    {
        Assert.Equal(AttentionKind.GroupedQuery, Catalog.FindModel("DeepSeek-R1-Distill-Qwen-7B")!.Attention);
        Assert.Equal(AttentionKind.MultiHead, Catalog.FindModel("DeepSeek-LLM-7B")!.Attention);
        Assert.Equal(AttentionKind.GroupedQuery, Catalog.FindModel("DeepSeek-LLM-67B")!.Attention);
        Assert.Equal(AttentionKind.MultiHeadLatent, Catalog.FindModel("DeepSeek-V2-Lite")!.Attention);
        Assert.Equal(0, Catalog.FindModel("DeepSeek-V2-Lite")!.QLoraRank);
        Assert.Equal(64, Catalog.FindModel("DeepSeek-V3.2-Exp")!.IndexHeads);
    }

    [Fact]
    public void Qwen_distills_carry_qkv_bias_and_llama_distills_head_dim()
    {
        var qwen = Catalog.FindModel("DeepSeek-R1-Distill-Qwen-7B")!;
        var llama = Catalog.FindModel("DeepSeek-R1-Distill-Llama-70B")!;

        Assert.True(qwen.AttentionBias);
        Assert.Equal((28, 4, 128), (qwen.NumAttentionHeads, qwen.NumKeyValueHeads, qwen.HeadDim));
        Assert.False(llama.AttentionBias);
        Assert.Equal((64, 8, 128), (llama.NumAttentionHeads, llama.NumKeyValueHeads, llama.HeadDim));
        Assert.Equal(WeightPrecision.BF16, llama.NativeDtype);
    }

    [Fact]
    public void MoE_16B_has_one_dense_layer_then_experts()
    {
        var moe = Catalog.FindModel("MoE-16B")!;

        Assert.True(moe.IsMixtureOfExperts);
        Assert.Equal((1, 27), (moe.DenseLayers, moe.MoeLayers));
    }

    [Theory]
    [InlineData("v3", "DeepSeek-V3")]
    [InlineData("R1", "DeepSeek-R1")]
    [InlineData("deepseek r1 distill qwen 7b", "DeepSeek-R1-Distill-Qwen-7B")]
    [InlineData("DeepSeek-R1-Distill-Qwen-7B", "DeepSeek-R1-Distill-Qwen-7B")]
    [InlineData("deepseek-r1:70b", "DeepSeek-R1-Distill-Llama-70B")]
    [InlineData("DeepSeek-Coder-V2-Lite-Instruct", "DeepSeek-Coder-V2-Lite")]
    [InlineData("deepseek-moe-16b-base", "DeepSeek-MoE-16B")]
    public void Finds_models_by_name_id_alias_and_ollama_tag(string query, string expected)
    {
        Assert.Equal(expected, Catalog.FindModel(query)?.Name);
    }

    [Fact]
    public void No_two_entries_claim_the_same_name()
    {
        var modelKeys = Catalog.Models.SelectMany(m => DeepSeekCatalog.ModelNames(m).Select(NameKey.Of).Distinct().Select(k => (k, m.Name)));
        var gpuKeys = Catalog.Gpus.SelectMany(g => DeepSeekCatalog.GpuNames(g).Select(NameKey.Of).Distinct().Select(k => (k, g.Name)));

        Assert.Empty(modelKeys.GroupBy(x => x.k).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.Empty(gpuKeys.GroupBy(x => x.k).Where(g => g.Count() > 1).Select(g => g.Key));
    }

    [Fact]
    public void Suggests_the_closest_names_for_a_typo()
    {
        Assert.Contains("DeepSeek-V3", Catalog.SuggestModels("DeepSeek-V4"));
        Assert.Contains("DeepSeek-R1-Distill-Qwen-7B", Catalog.SuggestModels("R1-Distil-Qwen-7B"));
        Assert.Contains("H100-SXM", Catalog.SuggestGpus("H100-SMX"));
        Assert.Empty(Catalog.SuggestModels("zzzzzzzzzzzzzzzzzzzz"));
    }
}

public sealed class CatalogTextTests
{
    // Markers of research notes that mean nothing to a user: search-tool ids, paths outside this repository.
    private static readonly string[] InternalMarkers = { "find_string", "search index", "code index", "docs corpus", "shared/data", "shared/docs", "seeds/", "NOTES.md", "sizing-reference", "recalled" };

    public static TheoryData<string> DataFiles => new() { "models.json", "gpus.json", "compat.json", "profiles.json" };

    [Theory]
    [MemberData(nameof(DataFiles))]
    public void Every_source_a_user_can_see_is_a_public_document_or_a_file_in_this_repository(string file)
    {
        using var stream = typeof(DeepSeekCatalog).Assembly.GetManifestResourceStream("DeepSeekHw.Catalog.Data." + file)!;
        var text = new System.IO.StreamReader(stream).ReadToEnd();

        Assert.All(InternalMarkers, marker => Assert.DoesNotContain(marker, text, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [MemberData(nameof(DataFiles))]
    public void Every_capture_a_source_cites_is_in_tests_fixtures(string file)
    {
        using var stream = typeof(DeepSeekCatalog).Assembly.GetManifestResourceStream("DeepSeekHw.Catalog.Data." + file)!;
        var text = new System.IO.StreamReader(stream).ReadToEnd();

        var cited = System.Text.RegularExpressions.Regex.Matches(text, @"tests/fixtures/([^ "")]+)").Select(m => m.Groups[1].Value).ToList();
        Assert.All(cited, path => Assert.True(System.IO.File.Exists(System.IO.Path.Combine(Inventory.Fixtures.Root, path)), path + " is cited but not in tests/fixtures"));
    }

    [Fact]
    public void Published_parameter_counts_are_the_exact_integers_published()
    {
        // Counts are published as "16.4B": a whole number of millions, never 16399999999 from binary floating point.
        Assert.All(DeepSeekCatalog.Builtin.Models, m =>
        {
            Assert.Equal(0, m.TotalParameters % 1_000_000);
            Assert.Equal(0, m.ActiveParameters % 1_000_000);
        });
        Assert.Equal(16_400_000_000, DeepSeekCatalog.Builtin.FindModel("DeepSeek-MoE-16B")!.TotalParameters);
        Assert.Equal(8_030_000_000, DeepSeekCatalog.Builtin.FindModel("DeepSeek-R1-Distill-Llama-8B")!.TotalParameters);
    }
}

public sealed class ByteSizeTests
{
    [Theory]
    [InlineData(84_933_324_800L, "79.1 GiB")]
    [InlineData(536_870_912L, "512.0 MiB")]
    [InlineData(8_000_000_000_000L, "7.3 TiB")]
    [InlineData(1_536L, "1.5 KiB")]
    [InlineData(512L, "512 B")]
    [InlineData(long.MaxValue, "8388608.0 TiB")]
    public void Sizes_are_written_in_binary_units_with_one_decimal(long bytes, string expected)
    {
        Assert.Equal(expected, ByteSize.Format(bytes));
    }
}

public sealed class CatalogImmutabilityTests
{
    public static TheoryData<Type> CatalogTypes => new() { typeof(GpuSpec), typeof(ModelSpec), typeof(HardwareProfile), typeof(ProfileGpuOption) };

    [Theory]
    [MemberData(nameof(CatalogTypes))]
    public void Catalog_objects_expose_no_public_setter_and_no_writable_collection(Type type)
    {
        foreach (var property in type.GetProperties())
        {
            Assert.True(property.SetMethod is null || !property.SetMethod.IsPublic, type.Name + "." + property.Name + " has a public setter");
            Assert.False(property.PropertyType.IsArray, type.Name + "." + property.Name + " is an array anyone can write into");
        }
    }

    [Fact]
    public void A_list_a_catalog_entry_returns_refuses_changes()
    {
        var gpu = DeepSeekCatalog.Builtin.FindGpu("H100-SXM")!;

        Assert.Throws<NotSupportedException>(() => ((IList<string>)gpu.Aliases)[0] = "hacked");
        Assert.Throws<NotSupportedException>(() => ((IList<ProfileGpuOption>)ProfileCatalog.Builtin.First().GpuOptions).Clear());
    }
}

public sealed class EngineDataTests
{
    [Fact]
    public void Every_engine_has_a_compatibility_row_and_every_row_an_engine()
    {
        var rows = CompatibilityChecklist.Builtin.Engines.Select(r => r.Engine).ToList();

        Assert.All(DeepSeekHw.Sizing.EngineProfile.All, e => Assert.Contains(e.Name, rows));
        Assert.All(rows, r => Assert.NotNull(DeepSeekHw.Sizing.EngineProfile.Find(r)));
    }
}
