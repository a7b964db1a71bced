using DeepSeekHw.Json;

namespace DeepSeekHw.Core.Tests;

public sealed class JsonTests
{
    [Fact]
    public void Parses_nested_documents_and_keeps_property_order()
    {
        var node = JsonParser.Parse("{\"b\": [1, 2.5, -3e2, true, null], \"a\": {\"x\": \"y\"}}");

        Assert.Equal(new[] { "b", "a" }, node.Properties.Select(p => p.Key));
        Assert.Equal(1, node["b"].Items[0].AsInt64());
        Assert.Equal(2.5, node["b"].Items[1].AsDouble());
        Assert.Equal(-300, node["b"].Items[2].AsInt64());
        Assert.True(node["b"].Items[3].AsBoolean());
        Assert.True(node["b"].Items[4].IsNull);
        Assert.Equal("y", node["a"]["x"].AsString());
    }

    [Fact]
    public void Keeps_64_bit_integers_exact()
    {
        var node = JsonParser.Parse("{\"bytes\": 688586727753, \"max\": 9223372036854775807}");

        Assert.Equal(688586727753L, node["bytes"].AsInt64());
        Assert.Equal(long.MaxValue, node["max"].AsInt64());
        Assert.Null(node["bytes"].AsInt32());
    }

    [Fact]
    public void Decodes_escapes_and_surrogate_pairs()
    {
        var node = JsonParser.Parse("\"tab\\t quote\\\" slash\\/ \\u00e9 \\ud83d\\ude00\"");

        Assert.Equal("tab\t quote\" slash/ é 😀", node.AsString());
    }

    [Fact]
    public void Missing_properties_read_as_null_not_as_exceptions()
    {
        var node = JsonParser.Parse("{\"a\": 1}");

        Assert.True(node["missing"].IsNull);
        Assert.True(node["missing"]["deeper"].IsNull);
        Assert.Empty(node["a"].Items);
    }

    [Theory]
    [InlineData("", "Unexpected end")]
    [InlineData("{\"a\": 1,}", "property name")]
    [InlineData("[1 2]", "Expected ',' or ']'")]
    [InlineData("{\"a\" 1}", "Expected ':'")]
    [InlineData("\"unterminated", "Unterminated string")]
    [InlineData("01", "Unexpected text")]
    [InlineData("1.", "decimal point")]
    [InlineData("nul", "Unexpected character")]
    [InlineData("{} {}", "Unexpected text")]
    [InlineData("\"bad \\x escape\"", "Invalid escape")]
    public void Rejects_malformed_json_with_a_position(string text, string expected)
    {
        var ex = Assert.Throws<JsonException>(() => JsonParser.Parse(text));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.True(ex.Line >= 1 && ex.Column >= 1);
    }

    [Fact]
    public void Reports_the_line_of_an_error()
    {
        var ex = Assert.Throws<JsonException>(() => JsonParser.Parse("{\n  \"a\": 1,\n  \"b\": ]\n}"));

        Assert.Equal(3, ex.Line);
    }

    [Fact]
    public void Rejects_documents_nested_too_deeply_instead_of_overflowing_the_stack()
    {
        var text = new string('[', 10_000) + new string(']', 10_000);

        Assert.Throws<JsonException>(() => JsonParser.Parse(text));
    }

    [Fact]
    public void Writer_round_trips_what_the_parser_reads()
    {
        const string text = "{\"name\":\"a\\\"b\\\\c\\n\",\"n\":[1,2.5,null,true],\"o\":{},\"e\":[]}";

        var written = JsonWriter.Write(JsonParser.Parse(text), indented: false);

        Assert.Equal(text, written);
        Assert.Equal(written, JsonWriter.Write(JsonParser.Parse(JsonWriter.Write(JsonParser.Parse(text), indented: true)), indented: false));
    }

    [Fact]
    public void Writes_numbers_invariantly_under_a_comma_decimal_culture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");

            Assert.Equal("989.4", JsonNode.FromNumber(989.4).ToString());
            Assert.Equal(989.4, JsonParser.Parse("989.4").AsDouble());
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }
}
