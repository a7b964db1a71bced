namespace DeepSeekHw.Tests;

public sealed class ImportCatalogTests : IDisposable
{
    private const string LabCatalog = """
        {
          "schema": "deepseekhw/catalog@1",
          "models": [{ "name": "Lab-Model", "published": { "totalParameters": 1000000000, "source": "test" },
                       "config": { "hidden_size": 1024, "num_hidden_layers": 8, "num_attention_heads": 8,
                                   "vocab_size": 32000, "max_position_embeddings": 4096 } }],
          "gpus": [{ "name": "Lab-GPU", "vendor": "NVIDIA", "memoryBytes": 17179869184,
                     "memoryBandwidthBytesPerSecond": 500000000000 }]
        }
        """;

    private readonly PowerShellSession _session = new();
    private readonly string _directory = Directory.CreateTempSubdirectory("deepseekhw-tests-").FullName;

    public void Dispose()
    {
        _session.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private string WriteFile(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void Imported_entries_join_the_session_catalog()
    {
        var path = WriteFile("lab.json", LabCatalog);

        var passThru = _session.Run("Import-DeepSeekCatalog -Path $args[0] -PassThru", path);
        var model = _session.Run("Get-DeepSeekModel -Name Lab-Model").Single();
        var gpu = _session.Run("Get-DeepSeekGpuSpec -Name lab-gpu").Single();

        Assert.Empty(passThru.Errors);
        Assert.Equal(2, passThru.Output.Count);
        Assert.Equal("DeepSeekHw.ModelSpec", model.TypeNames[0]);
        Assert.Equal(17_179_869_184L, gpu.Properties["MemoryBytes"].Value);
    }

    [Fact]
    public void WhatIf_validates_without_importing()
    {
        var path = WriteFile("lab.json", LabCatalog);

        var whatIf = _session.Run("Import-DeepSeekCatalog -Path $args[0] -WhatIf", path);
        var lookup = _session.Run("Get-DeepSeekModel -Name Lab-Model");

        Assert.Empty(whatIf.Errors);
        Assert.StartsWith("ModelNotFound,", Assert.Single(lookup.Errors).FullyQualifiedErrorId, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_file_writes_CatalogInvalid_and_imports_nothing()
    {
        var path = WriteFile("broken.json", "{\"schema\": \"deepseekhw/catalog@1\", \"gpus\": [{\"name\": \"X\"}]}");

        var result = _session.Run("Import-DeepSeekCatalog -Path $args[0]", path);

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("CatalogInvalid,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
        Assert.Contains("'vendor' is required", error.Exception.Message, StringComparison.Ordinal);
        Assert.Equal(path, error.TargetObject);
    }

    [Fact]
    public void A_missing_file_writes_CatalogFileUnreadable()
    {
        var result = _session.Run("Import-DeepSeekCatalog -Path $args[0]", Path.Combine(_directory, "nope.json"));

        Assert.StartsWith("CatalogFileUnreadable,", Assert.Single(result.Errors).FullyQualifiedErrorId, StringComparison.Ordinal);
    }

    [Fact]
    public void An_import_stays_in_its_own_runspace()
    {
        var path = WriteFile("lab.json", LabCatalog);
        using var other = new PowerShellSession();

        _session.Run("Import-DeepSeekCatalog -Path $args[0]", path);

        Assert.Single(_session.Run("Get-DeepSeekModel -Name Lab-Model").Output);
        Assert.Single(other.Run("Get-DeepSeekModel -Name Lab-Model").Errors);
    }
}
