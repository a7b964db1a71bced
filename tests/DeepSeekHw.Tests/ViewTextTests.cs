namespace DeepSeekHw.Tests;

/// <summary>The helpers the format views call, from the laid-out module: wrapping between words, sizes, no control characters.</summary>
public sealed class ViewTextTests : IClassFixture<SharedSession>
{
    private readonly PowerShellSession _session;

    public ViewTextTests(SharedSession shared)
    {
        _session = shared.Session;
    }

    private string Call(string method, params object?[] arguments) =>
        _session.Run("[DeepSeekHw.Commands.Formatting.ViewText]::" + method + "($args[0], $args[1])", arguments!).Single().ToString();

    [Theory]
    [InlineData("No GPU was found, so this GPU fact is unknown.", 40, "No GPU was found, so this GPU fact is\nunknown.")]
    [InlineData("short", 40, "short")]
    [InlineData("a-very-long-identifier-without-spaces", 10, "a-very-lon\ng-identifi\ner-without\n-spaces")]
    [InlineData("  spaced   out  ", 40, "spaced   out")]
    public void Wraps_between_words_and_cuts_only_a_word_longer_than_the_column(string text, int width, string expected)
    {
        Assert.Equal(expected, Call("Wrap", text, width));
    }

    [Fact]
    public void Every_wrapped_line_fits_the_width()
    {
        var text = string.Join(' ', Enumerable.Range(1, 200).Select(i => new string('w', i % 13 + 1)));

        Assert.All(Call("Wrap", text, 17).Split('\n'), line => Assert.InRange(line.Length, 1, 17));
    }

    [Fact]
    public void Control_characters_never_reach_the_terminal()
    {
        Assert.DoesNotContain(Call("Wrap", "gpu\u001b]0;owned\u0007\u001b[2J name", 80), char.IsControl);
    }

    [Fact]
    public void Sizes_are_written_one_way_and_an_unknown_size_is_empty()
    {
        Assert.Equal("79.1 GiB", _session.Run("[DeepSeekHw.Commands.Formatting.ViewText]::Size([long]84933324800)").Single().ToString());
        Assert.Equal(string.Empty, _session.Run("[DeepSeekHw.Commands.Formatting.ViewText]::Size($null)").Single().ToString());
    }

    [Fact]
    public void Lists_are_joined_and_wrapped()
    {
        Assert.Equal("GPU.Present,\nGPU.Memory", _session.Run("[DeepSeekHw.Commands.Formatting.ViewText]::WrapList([string[]]('GPU.Present', 'GPU.Memory'), 14)").Single().ToString());
    }
}
