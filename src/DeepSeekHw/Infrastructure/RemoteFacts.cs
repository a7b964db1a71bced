using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using DeepSeekHw.Collection;
using DeepSeekHw.Facts;

namespace DeepSeekHw.Commands.Infrastructure
{
    /// <summary>The remoting parameters the fleet cmdlets share (Get-DeepSeekHardware, Test-DeepSeekReadiness).</summary>
    internal interface IRemoteParameters
    {
        string[]? ComputerName { get; }

        string[]? HostName { get; }

        PSSession[]? Session { get; }

        PSCredential? Credential { get; }

        AuthenticationMechanism Authentication { get; }

        SwitchParameter UseSSL { get; }

        string? UserName { get; }

        string? KeyFilePath { get; }

        System.Collections.Hashtable? SSHOption { get; }

        int Port { get; }

        int ThrottleLimit { get; }
    }

    /// <summary>Where to collect: computers over WinRM, hosts over SSH, or open sessions. Set from the cmdlets' parameters.</summary>
    internal sealed class RemoteTarget
    {
        /// <summary>The target a cmdlet's bound parameters name; options left out stay the protocol's defaults.</summary>
        public static RemoteTarget From(IRemoteParameters parameters, InvocationInfo invocation) => new RemoteTarget
        {
            ComputerName = parameters.ComputerName,
            HostName = parameters.HostName,
            Session = parameters.Session,
            Credential = parameters.Credential,
            Authentication = invocation.BoundParameters.ContainsKey(nameof(IRemoteParameters.Authentication)) ? parameters.Authentication : (AuthenticationMechanism?)null,
            UseSsl = parameters.UseSSL,
            UserName = parameters.UserName,
            KeyFilePath = parameters.KeyFilePath,
            SshOption = parameters.SSHOption,
            Port = invocation.BoundParameters.ContainsKey(nameof(IRemoteParameters.Port)) ? parameters.Port : (int?)null,
            ThrottleLimit = parameters.ThrottleLimit,
        };

        public string[]? ComputerName { get; set; }

        public string[]? HostName { get; set; }

        public PSSession[]? Session { get; set; }

        public PSCredential? Credential { get; set; }

        public string? UserName { get; set; }

        public string? KeyFilePath { get; set; }

        /// <summary>ssh -o options for SSH remoting (Invoke-Command -Options), e.g. @{ StrictHostKeyChecking = 'accept-new' }.</summary>
        public System.Collections.Hashtable? SshOption { get; set; }

        public int? Port { get; set; }

        public bool UseSsl { get; set; }

        public AuthenticationMechanism? Authentication { get; set; }

        public int ThrottleLimit { get; set; } = 32;

        public bool IsRemote => ComputerName != null || HostName != null || Session != null;

        public int Count => ComputerName?.Length ?? HostName?.Length ?? Session?.Length ?? 0;
    }

    /// <summary>
    /// Collects fact bundles from remote machines through Invoke-Command with the generated collector script
    /// (RemoteCollector): nothing is installed on the nodes, and only the bundle's JSON comes back. Every node that cannot
    /// be reached, refuses, fails or returns something that is not a bundle costs one ErrorRecord with the node as its
    /// target; the others go on. Parsing and every judgement stay on this machine.
    /// </summary>
    internal static class RemoteFacts
    {
        private static readonly Regex BracketedHost = new Regex(@"^\[(?<host>[^\]]+)\]", RegexOptions.CultureInvariant);

        public static void Collect(PSCmdlet cmdlet, RemoteTarget target, int timeoutSeconds, bool includeIdentifiers, long maxBundleBytes, Action<FactBundle> onBundle)
        {
            var total = target.Count;
            var done = 0;
            var progress = new ProgressRecord(0x4453, "Collecting facts over PowerShell remoting", Progress(0, total));

            void Step()
            {
                done++;
                progress.StatusDescription = Progress(done, total);
                progress.PercentComplete = total == 0 ? 100 : Math.Min(100, done * 100 / total);
                cmdlet.WriteProgress(progress);
            }

            // Invoke-Command throttles -ComputerName and -Session itself; its SSH set has no -ThrottleLimit, so the hosts
            // go in batches of that size.
            var batches = target.HostName is { } hosts
                ? Enumerable.Range(0, (hosts.Length + target.ThrottleLimit - 1) / target.ThrottleLimit).Select(i => hosts.Skip(i * target.ThrottleLimit).Take(target.ThrottleLimit).ToArray()).ToList()
                : new List<string[]> { Array.Empty<string>() };
            foreach (var batch in batches)
            {
                using var powershell = PowerShell.Create(RunspaceMode.CurrentRunspace);
                powershell.AddCommand("Microsoft.PowerShell.Core\\Invoke-Command")
                    .AddParameter("ScriptBlock", ScriptBlock.Create(RemoteCollector.Script))
                    .AddParameter("ArgumentList", new object[] { timeoutSeconds, ProcessRunner.DefaultMaxOutputBytes, includeIdentifiers, Version })
                    .AddParameter("ErrorAction", ActionPreference.Continue); // each node's failure is ours to report; a caller's Stop applies to our errors, not Invoke-Command's
                AddTarget(powershell, target, batch);

                var output = new PSDataCollection<PSObject>();
                output.DataAdded += (sender, e) =>
                {
                    var item = output[e.Index];
                    var computer = item.Properties["PSComputerName"]?.Value as string ?? "(unknown)";
                    Step();
                    if (Read(cmdlet, item.BaseObject as string, computer, maxBundleBytes) is { } bundle)
                    {
                        onBundle(bundle);
                    }
                };
                powershell.Streams.Error.DataAdded += (sender, e) =>
                {
                    Step();
                    cmdlet.WriteError(Translate(powershell.Streams.Error[e.Index], target));
                };
                powershell.Streams.Warning.DataAdded += (sender, e) => cmdlet.WriteWarning(powershell.Streams.Warning[e.Index].Message);

                try
                {
                    powershell.Invoke(null, output);
                }
                catch (RuntimeException ex)
                {
                    // Binding failures (-HostName on Windows PowerShell 5.1, a bad session): one error for the batch.
                    cmdlet.WriteError(ErrorRecords.Create(ex, ErrorIds.RemoteConnectionFailed, ErrorCategory.InvalidOperation, batch.Length > 0 ? string.Join(", ", batch) : (object?)target.ComputerName ?? target.Session));
                }
            }

            progress.RecordType = ProgressRecordType.Completed;
            cmdlet.WriteProgress(progress);
        }

        private static string Version =>
            typeof(RemoteFacts).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? string.Empty;

        private static string Progress(int done, int total) => done.ToString(System.Globalization.CultureInfo.InvariantCulture) + " of " + total.ToString(System.Globalization.CultureInfo.InvariantCulture) + " machines";

        private static void AddTarget(PowerShell powershell, RemoteTarget target, string[] hostBatch)
        {
            if (target.Session != null)
            {
                powershell.AddParameter("Session", target.Session).AddParameter("ThrottleLimit", target.ThrottleLimit);
                return;
            }

            if (target.HostName != null)
            {
                powershell.AddParameter("HostName", hostBatch);
                if (target.UserName != null)
                {
                    powershell.AddParameter("UserName", target.UserName);
                }

                if (target.KeyFilePath != null)
                {
                    powershell.AddParameter("KeyFilePath", target.KeyFilePath);
                }

                if (target.SshOption != null)
                {
                    powershell.AddParameter("Options", target.SshOption);
                }
            }
            else
            {
                powershell.AddParameter("ComputerName", target.ComputerName).AddParameter("ThrottleLimit", target.ThrottleLimit);
                if (target.Credential != null)
                {
                    powershell.AddParameter("Credential", target.Credential);
                }

                if (target.UseSsl)
                {
                    powershell.AddParameter("UseSSL");
                }

                if (target.Authentication is { } authentication)
                {
                    powershell.AddParameter("Authentication", authentication);
                }
            }

            if (target.Port is int port)
            {
                powershell.AddParameter("Port", port);
            }
        }

        // The node answered: its answer is untrusted input like any bundle.
        private static FactBundle? Read(PSCmdlet cmdlet, string? json, string computer, long maxBundleBytes)
        {
            if (json is null)
            {
                cmdlet.WriteError(ErrorRecords.Create(new FactBundleException("The remote collector returned no bundle."), ErrorIds.RemoteCollectorFailed, ErrorCategory.InvalidResult, computer));
                return null;
            }

            if (Encoding.UTF8.GetByteCount(json) > maxBundleBytes)
            {
                cmdlet.WriteError(ErrorRecords.Create(new FactBundleException("The bundle is larger than the " + maxBundleBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-byte limit."), ErrorIds.FactsInvalid, ErrorCategory.LimitsExceeded, computer, "If it is genuine, raise -MaxBundleSize."));
                return null;
            }

            try
            {
                return FactBundleJson.Read(json);
            }
            catch (FactBundleException ex)
            {
                cmdlet.WriteError(ErrorRecords.Create(ex, ErrorIds.FactsInvalid, ErrorCategory.InvalidData, computer));
                return null;
            }
        }

        /// <summary>A remoting failure as our ErrorRecord: a stable id, the category, and the machine as its target.</summary>
        internal static ErrorRecord Translate(ErrorRecord record, RemoteTarget target)
        {
            var computer = (record as RemotingErrorRecord)?.OriginInfo?.PSComputerName
                ?? (record.TargetObject as PSSession)?.ComputerName
                ?? HostIn(record.Exception?.Message)
                ?? HostIn(record.ErrorDetails?.Message)
                ?? record.TargetObject?.ToString()
                ?? "(unknown)";
            var message = record.ErrorDetails?.Message ?? record.Exception?.Message ?? string.Empty;
            var denied = record.CategoryInfo.Category == ErrorCategory.PermissionDenied
                || message.IndexOf("Permission denied", StringComparison.OrdinalIgnoreCase) >= 0
                || message.IndexOf("Access is denied", StringComparison.OrdinalIgnoreCase) >= 0
                || message.IndexOf("authentication", StringComparison.OrdinalIgnoreCase) >= 0;
            var connection = record.CategoryInfo.Category is ErrorCategory.OpenError or ErrorCategory.ResourceUnavailable or ErrorCategory.ConnectionError
                || record.Exception is System.Management.Automation.Remoting.PSRemotingTransportException;

            // The SSH client tells why only on its own stderr; the session error just says the transport ended. A node
            // whose SSH port answers refused the session (key, user or subsystem), one whose port does not is unreachable.
            if (connection && !denied && target.HostName != null && Answers(computer, target.Port ?? 22))
            {
                denied = true;
                message += " The node's SSH port answers, so it refused the session: the key or user was not accepted, or it has no powershell subsystem.";
            }
            var (id, category, action) = denied
                ? (ErrorIds.RemoteAccessDenied, ErrorCategory.PermissionDenied, "Check the credential, user name or key the node accepts (and, over WinRM, that the account may use remoting).")
                : connection
                    ? (ErrorIds.RemoteConnectionFailed, ErrorCategory.ConnectionError, "Check that the node is up and reachable, and that remoting is enabled (Enable-PSRemoting, or the sshd powershell subsystem).")
                    : (ErrorIds.RemoteCollectorFailed, ErrorCategory.InvalidResult, "Run the collector on the node by hand (Export-DeepSeekFactBundle) and replay the bundle with Get-DeepSeekHardware -FactsPath.");
            var exception = new RemoteCollectionException(computer + ": " + SafeMessage(message), record.Exception);
            return ErrorRecords.Create(exception, id, category, computer, action);
        }

        private static bool Answers(string host, int port)
        {
            var at = host.LastIndexOf('@');
            var address = at >= 0 ? host.Substring(at + 1) : host;
            var colon = address.LastIndexOf(':');
            if (colon > 0 && address.IndexOf(':') == colon && int.TryParse(address.Substring(colon + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var explicitPort))
            {
                (address, port) = (address.Substring(0, colon), explicitPort);
            }

            try
            {
                using var client = new System.Net.Sockets.TcpClient();
                return client.ConnectAsync(address, port).Wait(TimeSpan.FromSeconds(3)) && client.Connected;
            }
            catch (Exception ex) when (ex is AggregateException || ex is System.Net.Sockets.SocketException || ex is ArgumentException)
            {
                return false;
            }
        }

        private static string? HostIn(string? message) =>
            message != null && BracketedHost.Match(message) is { Success: true } match ? match.Groups["host"].Value : null;

        private static string SafeMessage(string message) => SafeText.Clean(message.Length > 500 ? message.Substring(0, 500) + "…" : message);
    }

    /// <summary>A machine of a fleet run that could not be collected.</summary>
    [Serializable]
    public sealed class RemoteCollectionException : Exception
    {
        public RemoteCollectionException(string message, Exception? inner)
            : base(message, inner)
        {
        }
    }
}
