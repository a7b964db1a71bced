using System;
using System.Globalization;
using System.Management.Automation.Host;

namespace DeepSeekHw.Shell
{
    /// <summary>A minimal non-interactive host: Out-Default and Write-Host render to the console.</summary>
    internal sealed class ShellHost : PSHost
    {
        private readonly ShellHostUserInterface _ui;

        public ShellHost(System.IO.TextWriter output, System.IO.TextWriter error, int width, bool plainText)
        {
            _ui = new ShellHostUserInterface(output, error, width) { PlainText = plainText };
        }

        public override string Name => "deepseekhw";

        public override Version Version { get; } = typeof(ShellHost).Assembly.GetName().Version ?? new Version(0, 0);

        public override Guid InstanceId { get; } = Guid.NewGuid();

        public override PSHostUserInterface UI => _ui;

        public override CultureInfo CurrentCulture => CultureInfo.CurrentCulture;

        public override CultureInfo CurrentUICulture => CultureInfo.CurrentUICulture;

        public int? ExitCode { get; private set; }

        public override void SetShouldExit(int exitCode) => ExitCode = exitCode;

        public override void EnterNestedPrompt() => throw new NotSupportedException("The deepseekhw host has no nested prompt.");

        public override void ExitNestedPrompt() => throw new NotSupportedException("The deepseekhw host has no nested prompt.");

        public override void NotifyBeginApplication()
        {
        }

        public override void NotifyEndApplication()
        {
        }
    }
}
