using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using DeepSeekHw.Commands.Infrastructure;
using DeepSeekHw.Facts;
using DeepSeekHw.Inventory;

namespace DeepSeekHw.Commands
{
    /// <summary>Inventories this machine (CPU, memory, GPUs, storage, network, software stack) or replays a saved fact bundle.</summary>
    /// <remarks>
    /// <para>Get-DeepSeekHardware runs the native tools (nvidia-smi, rocm-smi, lspci, lscpu, lsblk, df, nvcc, python) and
    /// reads /proc, /sys and version files on Linux, or queries CIM, the display-driver registry values and nvidia-smi.exe
    /// on Windows. Every tool runs without a shell under a timeout (-TimeoutSec, default 15 s per tool, all in parallel);
    /// a tool that hangs is killed with its children. The raw output is kept in a fact bundle and interpreted by pure
    /// parsers, so a missing tool, an error exit or garbage output only becomes a warning: the inventory keeps whatever
    /// else was collected. Warnings are written to the warning stream and kept in the inventory's Warnings property.</para>
    /// <para>GPU memory comes from nvidia-smi, rocm-smi or the display driver's HardwareInformation.qwMemorySize, never
    /// from Win32_VideoController.AdapterRAM (a 32-bit field that caps at 4 GiB). Each GPU is matched to the catalog
    /// (Spec), which sizing and readiness use. Inside a container, Memory.UsableBytes is the cgroup limit.</para>
    /// <para>-FactsPath replays bundles written by Export-DeepSeekFactBundle on other machines (air-gapped servers, support
    /// tickets, fleets): nothing in a bundle is executed.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-DeepSeekHardware</code>
    /// <para>Shows a summary of this machine: CPU, memory, GPUs with memory and driver/CUDA versions, disks, network and warnings.</para>
    /// </example>
    /// <example>
    /// <code>(Get-DeepSeekHardware).Gpus | Format-Table Index, Name, MemoryTotalBytes, DriverVersion, CudaVersion, ComputeCapability</code>
    /// <para>Lists the GPUs with the fields scripts use.</para>
    /// </example>
    /// <example>
    /// <code>Get-ChildItem ./fleet/*.facts.json | Get-DeepSeekHardware | Where-Object { $_.Gpus.Count -lt 8 }</code>
    /// <para>Replays the fact bundles of a fleet and finds the servers with fewer than eight GPUs.</para>
    /// </example>
    /// <example>
    /// <code>Get-DeepSeekHardware -HostName gpu01, gpu02 -UserName ops -KeyFilePath ~/.ssh/fleet_ed25519</code>
    /// <para>Inventories remote servers over SSH with nothing installed on them: a collector script runs there under the same timeouts and redaction, and the bundles are interpreted here. An unreachable server is one error; the others go on.</para>
    /// </example>
    /// <example>
    /// <code>$s = New-PSSession -ComputerName (Get-Content gpu-nodes.txt); Get-DeepSeekHardware -Session $s -ThrottleLimit 64</code>
    /// <para>Inventories a fleet over WinRM sessions opened once and reused for later runs.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "DeepSeekHardware", DefaultParameterSetName = LocalSet)]
    [OutputType(typeof(HardwareInventory))]
    public sealed class GetDeepSeekHardwareCommand : DeepSeekCmdlet, IRemoteParameters
    {
        private const string LocalSet = "Local";
        private const string ReplaySet = "Replay";
        private const string ReplayLiteralSet = "ReplayLiteral";
        private const string ComputerSet = "ComputerName";
        private const string HostSet = "HostName";
        private const string SessionSet = "Session";

        /// <summary>Seconds each native tool may run before it and its child processes are killed (1-600, default 15), here or on each remote machine.</summary>
        [Parameter(ParameterSetName = LocalSet)]
        [Parameter(ParameterSetName = ComputerSet)]
        [Parameter(ParameterSetName = HostSet)]
        [Parameter(ParameterSetName = SessionSet)]
        [ValidateRange(1, 600)]
        public int TimeoutSec { get; set; } = 15;

        /// <summary>Machines to inventory over WinRM remoting; nothing needs to be installed on them (a collector script is sent with Invoke-Command).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ComputerSet, ValueFromPipelineByPropertyName = true)]
        [Alias("Cn")]
        [ValidateNotNullOrEmpty]
        public string[]? ComputerName { get; set; }

        /// <summary>Machines to inventory over SSH remoting (PowerShell 7 on both ends, the sshd powershell subsystem on the node); nothing else is installed there.</summary>
        [Parameter(Mandatory = true, ParameterSetName = HostSet)]
        [ValidateNotNullOrEmpty]
        public string[]? HostName { get; set; }

        /// <summary>Open sessions (New-PSSession) to inventory through: reuse them across runs to save the connection cost.</summary>
        [Parameter(Mandatory = true, ParameterSetName = SessionSet, ValueFromPipeline = true)]
        [ValidateNotNullOrEmpty]
        public PSSession[]? Session { get; set; }

        /// <summary>The account for WinRM remoting (default: the current user).</summary>
        [Parameter(ParameterSetName = ComputerSet)]
        [Credential]
        public PSCredential? Credential { get; set; }

        /// <summary>The WinRM authentication mechanism (default: Default).</summary>
        [Parameter(ParameterSetName = ComputerSet)]
        public AuthenticationMechanism Authentication { get; set; } = AuthenticationMechanism.Default;

        /// <summary>Uses HTTPS for WinRM.</summary>
        [Parameter(ParameterSetName = ComputerSet)]
        public SwitchParameter UseSSL { get; set; }

        /// <summary>The user for SSH remoting (default: the current user).</summary>
        [Parameter(ParameterSetName = HostSet)]
        public string? UserName { get; set; }

        /// <summary>The private key for SSH remoting.</summary>
        [Parameter(ParameterSetName = HostSet)]
        [Alias("IdentityFilePath")]
        public string? KeyFilePath { get; set; }

        /// <summary>ssh options for SSH remoting (PowerShell 7.3+), e.g. @{ StrictHostKeyChecking = 'accept-new' }.</summary>
        [Parameter(ParameterSetName = HostSet)]
        public System.Collections.Hashtable? SSHOption { get; set; }

        /// <summary>The WinRM or SSH port (default: the protocol's).</summary>
        [Parameter(ParameterSetName = ComputerSet)]
        [Parameter(ParameterSetName = HostSet)]
        [ValidateRange(1, 65535)]
        public int Port { get; set; }

        /// <summary>How many machines are collected at once (default 32).</summary>
        [Parameter(ParameterSetName = ComputerSet)]
        [Parameter(ParameterSetName = HostSet)]
        [Parameter(ParameterSetName = SessionSet)]
        [ValidateRange(1, 4096)]
        public int ThrottleLimit { get; set; } = 32;

        /// <summary>Fact bundle file(s) written by Export-DeepSeekFactBundle to replay instead of inspecting this machine. Wildcards are allowed; a pattern that matches no file is an error.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ReplaySet, ValueFromPipeline = true)]
        [Alias("Path")]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] FactsPath { get; set; } = Array.Empty<string>();

        /// <summary>Fact bundle file(s) to replay, exactly as written: no character is a wildcard. Files piped from Get-ChildItem bind here.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ReplayLiteralSet, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath { get; set; } = Array.Empty<string>();

        /// <summary>Keeps GPU serial numbers and UUIDs, process lists, MAC addresses and user names, which are otherwise redacted as collected (on each node, before anything leaves it).</summary>
        [Parameter(ParameterSetName = LocalSet)]
        [Parameter(ParameterSetName = ComputerSet)]
        [Parameter(ParameterSetName = HostSet)]
        [Parameter(ParameterSetName = SessionSet)]
        public SwitchParameter IncludeIdentifier { get; set; }

        /// <summary>The largest bundle file to read, in bytes (default 64 MiB; a real bundle is 15-300 KiB). A larger file is refused unread.</summary>
        [Parameter(ParameterSetName = ReplaySet)]
        [Parameter(ParameterSetName = ReplayLiteralSet)]
        [Parameter(ParameterSetName = ComputerSet)]
        [Parameter(ParameterSetName = HostSet)]
        [Parameter(ParameterSetName = SessionSet)]
        [ValidateRange(1024, 4L * 1024 * 1024 * 1024)]
        public long MaxBundleSize { get; set; } = FactBundleJson.DefaultMaxBundleBytes;

        protected override void ProcessRecord()
        {
            if (ParameterSetName == LocalSet)
            {
                Write(InventoryParser.Interpret(LocalFacts.Collect(TimeoutSec, WriteVerbose, IncludeIdentifier), Catalog));
                return;
            }

            if (ParameterSetName is ComputerSet or HostSet or SessionSet)
            {
                var target = RemoteTarget.From(this, MyInvocation);
                RemoteFacts.Collect(this, target, TimeoutSec, IncludeIdentifier, MaxBundleSize, bundle =>
                {
                    if (Parse(bundle, bundle.ComputerName) is HardwareInventory remote)
                    {
                        Write(remote);
                    }
                });
                return;
            }

            var literal = ParameterSetName == ReplayLiteralSet;
            foreach (var path in literal ? LiteralPath : FactsPath)
            {
                foreach (var file in ResolveFiles(path, literal, ErrorIds.FactsFileUnreadable))
                {
                    if (ReadBundle(file) is FactBundle bundle && Parse(bundle, file) is HardwareInventory inventory)
                    {
                        Write(inventory);
                    }
                }
            }
        }

        private void Write(HardwareInventory inventory)
        {
            foreach (var warning in inventory.Warnings)
            {
                WriteWarning(inventory.ComputerName + ": " + warning);
            }

            WriteObject(inventory);
        }


        // The parsers turn what they do not expect into warnings; anything that still escapes costs this one bundle.
        private HardwareInventory? Parse(FactBundle bundle, string file)
        {
            try
            {
                return InventoryParser.Interpret(bundle, Catalog);
            }
#pragma warning disable CA1031 // untrusted input: one bad bundle must not stop a fleet
            catch (Exception ex)
#pragma warning restore CA1031
            {
                WriteError(ErrorRecords.Create(new FactBundleException("The bundle could not be interpreted: " + ex.Message, ex), ErrorIds.FactsInvalid, ErrorCategory.InvalidData, file,
                    "Collect the bundle again with Export-DeepSeekFactBundle; docs/facts.md describes the format."));
                return null;
            }
        }

        private FactBundle? ReadBundle(string file)
        {
            try
            {
                var length = new FileInfo(file).Length;
                if (length > MaxBundleSize)
                {
                    WriteError(ErrorRecords.Create(new FactBundleException(string.Format(System.Globalization.CultureInfo.InvariantCulture,
                        "The file is {0} bytes, more than the {1}-byte limit for a fact bundle (a real one is 15-300 KiB); it was not read.", length, MaxBundleSize)),
                        ErrorIds.FactsInvalid, ErrorCategory.LimitsExceeded, file, "If it is a genuine bundle, raise -MaxBundleSize."));
                    return null;
                }

                return FactBundleJson.Read(File.ReadAllText(file));
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                WriteError(ErrorRecords.Create(ex, ErrorIds.FactsFileUnreadable, ErrorCategory.ReadError, file));
            }
            catch (FactBundleException ex)
            {
                WriteError(ErrorRecords.Create(ex, ErrorIds.FactsInvalid, ErrorCategory.InvalidData, file,
                    "Collect the bundle again with Export-DeepSeekFactBundle; docs/facts.md describes the format."));
            }

            return null;
        }
    }
}
