using System.Diagnostics;
using System.IO;
using DeepSeekHw.Collection;
using DeepSeekHw.Facts;

namespace DeepSeekHw.Core.Tests.Inventory;

/// <summary>The one process runner, on real processes. POSIX tools make the process trees; skipped on Windows.</summary>
public class ProcessRunnerTests
{
    private static bool Posix => !OperatingSystem.IsWindows() && System.IO.File.Exists("/bin/sh");

    [Fact]
    public void Missing_tool_is_absent_not_an_exception()
    {
        var source = ProcessRunner.Run("no-such-tool -x", "/nonexistent/no-such-tool", new[] { "-x" }, TimeSpan.FromSeconds(5));

        Assert.Equal(FactSourceStatus.Absent, source.Status);
        Assert.Null(source.ExitCode);
    }

    [Fact]
    public void Arguments_reach_the_tool_exactly_with_no_shell_in_between()
    {
        if (!Posix)
        {
            return;
        }

        var arguments = new[] { "-c", "printf '%s|' \"$@\"", "sh", "two words", "$HOME", "a\"quote", "back\\slash\\", "*" };

        var source = ProcessRunner.Run("sh", "/bin/sh", arguments, TimeSpan.FromSeconds(10));

        Assert.Equal(0, source.ExitCode);
        Assert.Equal("two words|$HOME|a\"quote|back\\slash\\|*|", source.Output);
    }

    [Fact]
    public void Exit_code_and_stderr_are_kept()
    {
        if (!Posix)
        {
            return;
        }

        var source = ProcessRunner.Run("sh", "/bin/sh", new[] { "-c", "echo partial; echo 'failed to talk to driver' >&2; exit 9" }, TimeSpan.FromSeconds(10));

        Assert.Equal(FactSourceStatus.Ok, source.Status);
        Assert.Equal(9, source.ExitCode);
        Assert.Equal("partial\n", source.Output);
        Assert.Equal("failed to talk to driver\n", source.Error);
        Assert.NotNull(source.DurationMs);
    }

    [Fact]
    public void Timeout_kills_the_whole_process_tree_and_keeps_the_partial_output()
    {
        if (!Posix)
        {
            return;
        }

        var watch = Stopwatch.StartNew();
        var source = ProcessRunner.Run("sh", "/bin/sh", new[] { "-c", "sleep 60 & echo $!; wait" }, TimeSpan.FromMilliseconds(700));
        watch.Stop();

        Assert.Equal(FactSourceStatus.TimedOut, source.Status);
        Assert.Null(source.ExitCode);
        Assert.Contains("timed out", source.Error, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), "the runner returned long after its timeout");
        var child = int.Parse(source.Output!.Trim(), CultureInfo.InvariantCulture);
        Assert.True(WaitUntilGone(child), "the grandchild 'sleep 60' survived the timeout");
    }

    private static bool WaitUntilGone(int pid)
    {
        for (var i = 0; i < 50; i++)
        {
            var stat = "/proc/" + pid.ToString(CultureInfo.InvariantCulture) + "/stat";
            if (!System.IO.File.Exists(stat) || System.IO.File.ReadAllText(stat).Contains(") Z ", StringComparison.Ordinal))
            {
                return true; // gone, or a zombie waiting for its reaper: either way no longer running
            }

            System.Threading.Thread.Sleep(100);
        }

        return false;
    }
}
