using System.Collections.ObjectModel;
using System.Management.Automation.Runspaces;

namespace DeepSeekHw.Tests;

/// <summary>A real runspace with the laid-out module imported, as a user would have it after Import-Module.</summary>
public sealed class PowerShellSession : IDisposable
{
    private readonly Runspace _runspace;

    public PowerShellSession(bool useCallingThread = false)
    {
        var state = InitialSessionState.CreateDefault2();
        _runspace = RunspaceFactory.CreateRunspace(state);
        if (useCallingThread)
        {
            _runspace.ThreadOptions = PSThreadOptions.UseCurrentThread; // runs on the test thread, so its culture applies
        }

        _runspace.Open();
        var import = Run("Import-Module -Name $args[0] -ErrorAction Stop -PassThru", RepoPaths.ModuleManifest);
        if (import.Errors.Count > 0 || import.Output.Count != 1)
        {
            throw new InvalidOperationException("Import-Module failed: " + string.Join("; ", import.Errors));
        }
    }

    public Runspace Runspace => _runspace;

    public Result Run(string script, params object[] arguments)
    {
        using var powershell = PowerShell.Create();
        powershell.Runspace = _runspace;
        powershell.AddScript(script);
        foreach (var argument in arguments)
        {
            powershell.AddArgument(argument);
        }

        var output = powershell.Invoke();
        return new Result(output, powershell.Streams.Error.ToList(), powershell.Streams.Warning.Select(w => w.Message).ToList());
    }

    public void Dispose() => _runspace.Dispose();

    public sealed record Result(Collection<PSObject> Output, List<ErrorRecord> Errors, List<string> Warnings)
    {
        public PSObject Single()
        {
            Assert.Empty(Errors);
            return Assert.Single(Output);
        }
    }
}
