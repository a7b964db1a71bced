using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

namespace DeepSeekHw.Shell
{
    /// <summary>Writes host output to the console; prompts are refused because the host is non-interactive.</summary>
    internal sealed class ShellHostUserInterface : PSHostUserInterface
    {
        private readonly System.IO.TextWriter _output;
        private readonly System.IO.TextWriter _error;

        public ShellHostUserInterface(System.IO.TextWriter output, System.IO.TextWriter error, int width)
        {
            _output = output;
            _error = error;
            RawUI = new ShellRawUserInterface(width);
        }

        public override PSHostRawUserInterface RawUI { get; }

        /// <summary>Whether the terminal renders ANSI colour; when false, $PSStyle.OutputRendering decides and escapes are stripped.</summary>
        public override bool SupportsVirtualTerminal => !PlainText;

        public bool PlainText { get; set; }

        public override void Write(string value) => _output.Write(Render(value));

        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => _output.Write(Render(value));

        public override void WriteLine(string value) => _output.WriteLine(Render(value));

        public override void WriteErrorLine(string value) => _error.WriteLine(Render(value));

        private string Render(string value) => GetOutputString(value, SupportsVirtualTerminal);

        public override void WriteDebugLine(string message) => _error.WriteLine("DEBUG: " + message);

        public override void WriteVerboseLine(string message) => _error.WriteLine("VERBOSE: " + message);

        public override void WriteWarningLine(string message) => _error.WriteLine("WARNING: " + message);

        public override void WriteProgress(long sourceId, ProgressRecord record)
        {
            // Progress bars would corrupt redirected output.
        }

        public override string ReadLine() => throw NonInteractive();

        public override SecureString ReadLineAsSecureString() => throw NonInteractive();

        public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) => throw NonInteractive();

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) => throw NonInteractive();

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) => throw NonInteractive();

        public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice) => throw NonInteractive();

        private static PSInvalidOperationException NonInteractive() =>
            new PSInvalidOperationException("The deepseekhw host is non-interactive; pass the value as a parameter (or -Confirm:$false).");
    }
}
