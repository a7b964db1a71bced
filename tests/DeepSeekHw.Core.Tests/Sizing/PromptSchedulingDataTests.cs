using DeepSeekHw.Catalog;
using DeepSeekHw.Json;
using DeepSeekHw.Sizing;

namespace DeepSeekHw.Core.Tests.Sizing;

/// <summary>engines.json names each engine's prompt scheduling by word; anything else is refused when the data loads.</summary>
public sealed class PromptSchedulingDataTests
{
    private static PromptScheduling Read(string value) =>
        StrictData.Choice<PromptScheduling>(JsonParser.Parse("{\"promptScheduling\": " + value + "}"), "promptScheduling", "engines.json entry");

    [Theory]
    [InlineData("\"inStep\"", "InStep")]
    [InlineData("\"betweenSteps\"", "BetweenSteps")]
    [InlineData("\"fixedBatch\"", "FixedBatch")]
    public void Known_words_are_read(string value, string expected) => Assert.Equal(expected, Read(value).ToString());

    [Theory]
    [InlineData("\"1\"")]
    [InlineData("\"-1\"")]
    [InlineData("\"mixed\"")]
    [InlineData("\"\"")]
    [InlineData("true")]
    [InlineData("null")]
    public void Anything_else_is_an_error_naming_the_field(string value)
    {
        var error = Assert.Throws<CatalogException>(() => Read(value));
        Assert.Contains("promptScheduling", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_engine_says_how_it_schedules_arriving_prompts()
    {
        Assert.Equal(PromptScheduling.InStep, EngineProfile.Find("vLLM")!.PromptScheduling);
        Assert.Equal(PromptScheduling.BetweenSteps, EngineProfile.Find("SGLang")!.PromptScheduling);
        Assert.Equal(PromptScheduling.FixedBatch, EngineProfile.Find("Transformers")!.PromptScheduling);
    }
}
