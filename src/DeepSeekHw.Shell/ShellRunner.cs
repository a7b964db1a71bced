using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace DeepSeekHw.Shell
{
    /// <summary>Runs one command line in a fresh runspace with the DeepSeekHw module imported.</summary>
    internal sealed class ShellRunner
    {
        private readonly TextWriter _output;
        private readonly TextWriter _error;
        private readonly string _modulePath;
        private readonly int _width;

        public ShellRunner(TextWriter output, TextWriter error, string modulePath, int width)
        {
            _output = output;
            _error = error;
            _modulePath = modulePath;
            _width = width;
        }

        /// <summary>
        /// Runs the command and returns the process exit code: 1 when an error reached the error stream unhandled (or the
        /// command ended in a terminating error), else 0, or the code of an exit statement. Errors silenced with
        /// -ErrorAction SilentlyContinue/Ignore or caught by try/catch or trap do not count.
        /// </summary>
        public int Run(ShellOptions options)
        {
            var host = new ShellHost(_output, _error, _width, PlainText);
            // Every built-in cmdlet, loaded from the SDK's assemblies rather than autoloaded from $PSHOME/Modules: a tool
            // package for one platform keeps those module folders elsewhere, and autoloading would not find them.
            var state = InitialSessionState.CreateDefault();
            if (OperatingSystem.IsWindows())
            {
                state.ExecutionPolicy = Microsoft.PowerShell.ExecutionPolicy.Bypass; // -File scripts; policies exist only on Windows
            }

            state.ImportPSModule(new[] { _modulePath });
            using var runspace = RunspaceFactory.CreateRunspace(host, state);
            runspace.Open();

            using var powershell = PowerShell.Create();
            powershell.Runspace = runspace;
            var errors = 0;
            powershell.Streams.Error.DataAdded += (_, e) =>
            {
                errors++;
                _error.WriteLine(Describe(powershell.Streams.Error[e.Index]));
            };
            // Warnings and verbose messages reach the host's UI (stderr) through the engine's preference handling.

            if (!ModuleImported(runspace))
            {
                _error.WriteLine("deepseekhw: the DeepSeekHw module could not be imported. Build it first: dotnet build");
                return 1;
            }

            if (options.File != null)
            {
                powershell.AddCommand(Path.GetFullPath(options.File));
                foreach (var argument in options.FileArguments)
                {
                    powershell.AddArgument(argument);
                }
            }
            else
            {
                powershell.AddScript(options.Command!);
            }

            try
            {
                if (options.Format == OutputFormat.Json)
                {
                    var results = powershell.Invoke();
                    _output.WriteLine(PSObjectJsonWriter.Write(results));
                }
                else
                {
                    powershell.AddCommand("Out-Default");
                    powershell.Invoke();
                }
            }
            catch (RuntimeException ex)
            {
                _error.WriteLine(Describe(ex.ErrorRecord));
                return 1;
            }

            if (host.ExitCode is { } exitCode)
            {
                return exitCode;
            }

            return errors > 0 ? 1 : 0; // not HadErrors: it is also set by errors the script handled
        }

        /// <summary>No ANSI colour when output goes to a file or pipe, or when NO_COLOR is set (no-color.org).</summary>
        public bool PlainText { get; init; }

        private static bool ModuleImported(Runspace runspace) =>
            runspace.SessionStateProxy.InvokeCommand.GetCmdlet("Test-DeepSeekReadiness") != null; // no pipeline: this runs on every start

        /// <summary>Formats an error record the way pwsh's concise view does: "Command: message" plus the suggested action.</summary>
        internal static string Describe(ErrorRecord record)
        {
            var command = record.InvocationInfo?.MyCommand?.Name;
            var message = record.ErrorDetails?.Message ?? record.Exception?.Message ?? record.ToString();
            return string.IsNullOrEmpty(command) ? message : command + ": " + message;
        }
    }
}
