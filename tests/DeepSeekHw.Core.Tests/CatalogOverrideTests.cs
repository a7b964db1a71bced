using DeepSeekHw.Catalog;

namespace DeepSeekHw.Core.Tests;

public sealed class CatalogOverrideTests
{
    private const string NewModelAndGpu = """
        {
          "schema": "deepseekhw/catalog@1",
          "models": [{
            "name": "Lab-Distill-3B", "id": "lab/Lab-Distill-3B", "aliases": ["lab3b"],
            "published": { "totalParameters": 3090000000, "source": "our model card" },
            "config": { "model_type": "qwen2", "hidden_size": 2048, "num_hidden_layers": 36, "num_attention_heads": 16,
                        "num_key_value_heads": 2, "intermediate_size": 11008, "vocab_size": 151936,
                        "max_position_embeddings": 32768, "tie_word_embeddings": true, "torch_dtype": "bfloat16" }
          }],
          "gpus": [{
            "name": "Lab-H100-Variant", "vendor": "NVIDIA", "memoryBytes": 85899345920,
            "memoryBandwidthBytesPerSecond": 3350000000000, "denseBf16Tflops": 989.4, "computeCapability": "9.0",
            "match": ["^(NVIDIA )?LAB H100$"]
          }]
        }
        """;

    [Fact]
    public void A_users_file_adds_models_and_gpus_with_the_same_reader()
    {
        var merged = DeepSeekCatalog.Builtin.Merge(CatalogReader.Read(NewModelAndGpu, "lab.json"), "lab.json");

        var model = merged.FindModel("lab3b")!;
        Assert.Equal(AttentionKind.GroupedQuery, model.Attention);
        Assert.True(model.TieWordEmbeddings);
        Assert.Equal(3_090_000_000L, model.ActiveParameters); // dense: active defaults to total
        Assert.Equal("Lab-H100-Variant", merged.FindGpu("NVIDIA Lab H100")?.Name);
        Assert.Equal(DeepSeekCatalog.Builtin.Models.Count + 1, merged.Models.Count);
        Assert.Equal(new[] { "builtin", "lab.json" }, merged.Origins);
    }

    [Fact]
    public void An_entry_with_a_known_name_replaces_the_builtin_one_and_leaves_the_builtin_catalog_alone()
    {
        var v3 = DeepSeekCatalog.Builtin.FindModel("DeepSeek-V3")!;
        const string replacement = """
            { "schema": "deepseekhw/catalog@1", "models": [{ "name": "V3",
              "published": { "totalParameters": 1, "source": "test" },
              "config": { "hidden_size": 7168, "num_hidden_layers": 61, "num_attention_heads": 128, "vocab_size": 129280,
                          "max_position_embeddings": 4096 } }] }
            """;

        var merged = DeepSeekCatalog.Builtin.Merge(CatalogReader.Read(replacement, "x.json"), "x.json");

        Assert.Equal(1, merged.FindModel("V3")!.TotalParameters);
        Assert.Equal(DeepSeekCatalog.Builtin.Models.Count, merged.Models.Count);
        Assert.Same(v3, DeepSeekCatalog.Builtin.FindModel("DeepSeek-V3"));
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("[]", "must be a JSON object")]
    [InlineData("{\"models\": []}", "'schema' must be")]
    [InlineData("{\"schema\": \"deepseekhw/catalog@1\", \"models\": [{\"config\": {}}]}", "models[0]: 'name' is required")]
    [InlineData("{\"schema\": \"deepseekhw/catalog@1\", \"models\": [{\"name\": \"m\"}]}", "('m'): 'config'")]
    [InlineData("{\"schema\": \"deepseekhw/catalog@1\", \"models\": [{\"name\": \"m\", \"config\": {\"hidden_size\": 8}}]}", "config.num_hidden_layers must be a positive integer")]
    [InlineData("{\"schema\": \"deepseekhw/catalog@1\", \"gpus\": [{\"name\": \"g\", \"vendor\": \"NVIDIA\", \"memoryBandwidthBytesPerSecond\": 1}]}", "'memoryBytes' must be an integer from 16777216 to 4398046511104 (found Null)")]
    [InlineData("{\"schema\": \"deepseekhw/catalog@1\", \"gpus\": [{\"name\": \"g\", \"vendor\": \"NVIDIA\", \"memoryBytes\": 17179869184, \"memoryBandwidthBytesPerSecond\": 100000000000, \"match\": [\"(\"]}]}", "not a valid regular expression")]
    [InlineData("{\"schema\": \"deepseekhw/catalog@1\", \"gpus\": [{\"name\": \"g\", \"vendor\": \"Voodoo\", \"memoryBytes\": 17179869184, \"memoryBandwidthBytesPerSecond\": 100000000000}]}", "'vendor' must be one of NVIDIA, AMD, Intel, Apple")]
    // Hostile or mistyped figures (issue 11): each is refused, naming the field, instead of sizing into a wrapped "fits".
    [InlineData("{\"schema\": \"deepseekhw/catalog@1\", \"gpus\": [{\"name\": \"g\", \"vendor\": \"NVIDIA\", \"memoryBytes\": 1, \"memoryBandwidthBytesPerSecond\": 100000000000}]}", "'memoryBytes' must be an integer from 16777216")]
    [InlineData("{\"schema\": \"deepseekhw/catalog@1\", \"gpus\": [{\"name\": \"g\", \"vendor\": \"NVIDIA\", \"memoryBytes\": 17179869184, \"memoryBandwidthBytesPerSecond\": 100000000000, \"denseBf16Tflops\": -5}]}", "'denseBf16Tflops' must be a number above 0")]
    [InlineData("{\"schema\": \"deepseekhw/catalog@1\", \"gpus\": [{\"name\": \"g\", \"vendor\": \"NVIDIA\", \"memoryBytes\": 17179869184, \"memoryBandwidthBytesPerSecond\": 100000000000, \"denseFp16Tflops\": 70, \"denseFp16AccumulateTflops\": 35}]}", "'denseFp16AccumulateTflops' needs 'denseFp16Tflops' and is never below it")]
    [InlineData("{\"schema\": \"deepseekhw/catalog@1\", \"gpus\": [{\"name\": \"g\\u001b]0;x\\u0007\", \"vendor\": \"NVIDIA\", \"memoryBytes\": 17179869184, \"memoryBandwidthBytesPerSecond\": 100000000000}]}", "'name' must be at most 200 printable characters")]
    [InlineData("{\"schema\": \"deepseekhw/catalog@1\", \"models\": [{\"name\": \"m\", \"config\": {\"hidden_size\": 8, \"num_hidden_layers\": 2, \"num_attention_heads\": 2, \"vocab_size\": 10, \"max_position_embeddings\": 8, \"intermediate_size\": -28672}}]}", "config.intermediate_size must be an integer from 0 to 1048576 (found -28672)")]
    [InlineData("{\"schema\": \"deepseekhw/catalog@1\", \"models\": [{\"name\": \"m\", \"config\": {\"hidden_size\": 8, \"num_hidden_layers\": 2, \"num_attention_heads\": 2, \"vocab_size\": 10, \"max_position_embeddings\": 8, \"num_key_value_heads\": -8}}]}", "config.num_key_value_heads must be an integer from 0 to 4096")]
    [InlineData("{\"schema\": \"deepseekhw/catalog@1\", \"models\": [{\"name\": \"m\", \"config\": {\"hidden_size\": 8, \"num_hidden_layers\": 2, \"num_attention_heads\": 2, \"vocab_size\": 10, \"max_position_embeddings\": 8, \"num_key_value_heads\": 3}}]}", "must divide num_attention_heads")]
    [InlineData("{\"schema\": \"deepseekhw/catalog@1\", \"models\": [{\"name\": \"m\", \"published\": {\"totalParameters\": -5}, \"config\": {\"hidden_size\": 8, \"num_hidden_layers\": 2, \"num_attention_heads\": 2, \"vocab_size\": 10, \"max_position_embeddings\": 8}}]}", "published parameters must be from 0")]
    [InlineData("{\"schema\": \"deepseekhw/catalog@1\", \"models\": [{\"name\": \"m\", \"config\": {\"hidden_size\": 8, \"num_hidden_layers\": 2, \"num_attention_heads\": 2, \"vocab_size\": 10, \"max_position_embeddings\": 8, \"n_routed_experts\": 4}}]}", "mixture-of-experts")]
    [InlineData("{\"schema\": \"deepseekhw/catalog@1\", \"gpus\": [{\"name\": \"g\", \"vendor\": \"NVIDIA\", \"memoryBytes\": 17179869184, \"memoryBandwidthBytesPerSecond\": 100000000000, \"multiprocessors\": 108}]}", "'multiprocessors' and 'boostClockMhz' go together")]
    [InlineData("{\"schema\": \"deepseekhw/catalog@1\", \"gpus\": [{\"name\": \"g\", \"vendor\": \"NVIDIA\", \"memoryBytes\": 17179869184, \"memoryBandwidthBytesPerSecond\": 100000000000, \"multiprocessors\": -1, \"boostClockMhz\": 1410}]}", "'multiprocessors' must be an integer from 1 to 1000")]
    [InlineData("{\"schema\": \"deepseekhw/catalog@1\", \"gpus\": [{\"name\": \"g\", \"vendor\": \"NVIDIA\", \"memoryBytes\": 17179869184, \"memoryBandwidthBytesPerSecond\": 100000000000, \"multiprocessors\": 108, \"boostClockMhz\": 99999999}]}", "'boostClockMhz' must be an integer from 100 to 10000")]
    // An Ollama tag's type (issue 16): the tag must be one of the model's aliases, its type a GGUF type, its source given.
    [InlineData("{\"schema\": \"deepseekhw/catalog@1\", \"models\": [{\"name\": \"m\", \"aliases\": [\"deepseek-m:7b\"], \"ollama\": {\"tag\": \"deepseek-m:8b\", \"precision\": \"Q4_0\", \"source\": \"s\"}, \"config\": {\"hidden_size\": 8, \"num_hidden_layers\": 2, \"num_attention_heads\": 2, \"vocab_size\": 10, \"max_position_embeddings\": 8}}]}", "ollama.tag 'deepseek-m:8b' must be an Ollama library tag (name:size) listed in aliases")]
    [InlineData("{\"schema\": \"deepseekhw/catalog@1\", \"models\": [{\"name\": \"m\", \"aliases\": [\"deepseek-m:7b\"], \"ollama\": {\"tag\": \"deepseek-m:7b\", \"precision\": \"FP8\", \"source\": \"s\"}, \"config\": {\"hidden_size\": 8, \"num_hidden_layers\": 2, \"num_attention_heads\": 2, \"vocab_size\": 10, \"max_position_embeddings\": 8}}]}", "ollama.precision must name a GGUF type")]
    [InlineData("{\"schema\": \"deepseekhw/catalog@1\", \"models\": [{\"name\": \"m\", \"aliases\": [\"deepseek-m:7b\"], \"ollama\": {\"tag\": \"deepseek-m:7b\", \"precision\": \"3\", \"source\": \"s\"}, \"config\": {\"hidden_size\": 8, \"num_hidden_layers\": 2, \"num_attention_heads\": 2, \"vocab_size\": 10, \"max_position_embeddings\": 8}}]}", "ollama.precision must name a GGUF type")]
    [InlineData("{\"schema\": \"deepseekhw/catalog@1\", \"models\": [{\"name\": \"m\", \"aliases\": [\"deepseek-m:7b\"], \"ollama\": {\"tag\": \"deepseek-m:7b\", \"precision\": \"Q4_0\"}, \"config\": {\"hidden_size\": 8, \"num_hidden_layers\": 2, \"num_attention_heads\": 2, \"vocab_size\": 10, \"max_position_embeddings\": 8}}]}", "'ollama.source' is required")]
    public void Rejects_bad_files_naming_the_entry_and_field(string json, string expected)
    {
        var ex = Assert.Throws<CatalogException>(() => CatalogReader.Read(json, "user.json"));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.StartsWith("user.json", ex.Message, StringComparison.Ordinal);
    }
}
