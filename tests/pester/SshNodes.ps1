# Real SSH remoting on loopback for the fleet tests: one sshd per "node", each in its own UTS namespace (its own host
# name) on 127.0.0.N, key-only auth, and the powershell subsystem running the pwsh of this repository's tool manifest.
# Nothing of DeepSeekHw is on the nodes' module path. Needs Linux, root (unshare) and openssh-server; .ci/run installs it.

function Get-SshNodeSupport {
    if (-not $IsLinux) { return 'SSH nodes need Linux (unshare, sshd)' }
    if ((id -u) -ne '0') { return 'SSH nodes need root (unshare --uts); CI runs as root' }
    if (-not (Test-Path /usr/sbin/sshd)) { return 'openssh-server is not installed (apt-get install openssh-server; .ci/run does)' }
    $null
}

function Get-PwshDll {
    $root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $version = (Get-Content (Join-Path $root '.config/dotnet-tools.json') -Raw | ConvertFrom-Json).tools.powershell.version
    $packages = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path $HOME '.nuget/packages' }
    $dll = Join-Path $packages "powershell/$version/tools/net10.0/any/unix/pwsh.dll"
    if (-not (Test-Path $dll)) { throw "pwsh.dll of PowerShell $version not found at $dll (dotnet tool restore)." }
    $dll
}

# Starts the nodes; returns the fleet: its directory, port, client key, ssh options and the started processes.
function Start-SshFleet {
    param([string[]] $Accepting, [string[]] $Rejecting, [string] $Directory)

    New-Item -ItemType Directory -Force -Path $Directory, '/run/sshd' | Out-Null
    $port = Get-Random -Minimum 20000 -Maximum 60000
    foreach ($key in 'host', 'client', 'stranger') {
        & ssh-keygen -q -t ed25519 -N '' -f (Join-Path $Directory $key) | Out-Null
    }
    Copy-Item (Join-Path $Directory 'client.pub') (Join-Path $Directory 'accepted_keys')
    Copy-Item (Join-Path $Directory 'stranger.pub') (Join-Path $Directory 'rejected_keys')
    $dotnet = (Get-Command dotnet -CommandType Application | Select-Object -First 1).Source
    $pwsh = Get-PwshDll
    $processes = foreach ($node in @($Accepting | ForEach-Object { @{ Address = $_; Keys = 'accepted_keys' } }) + @($Rejecting | ForEach-Object { @{ Address = $_; Keys = 'rejected_keys' } })) {
        $name = 'fleet-node-' + $node.Address.Split('.')[-1]
        $config = Join-Path $Directory "$name.sshd_config"
        @(
            "ListenAddress $($node.Address)"
            "Port $port"
            "HostKey $(Join-Path $Directory 'host')"
            "PidFile $(Join-Path $Directory "$name.pid")"
            "AuthorizedKeysFile $(Join-Path $Directory $node.Keys)"
            'PasswordAuthentication no'
            'KbdInteractiveAuthentication no'
            'PubkeyAuthentication yes'
            'PermitRootLogin prohibit-password'
            'StrictModes no'
            'UsePAM no'
            "Subsystem powershell $dotnet $pwsh -sshs -NoLogo -NoProfile"
        ) | Set-Content -LiteralPath $config
        $start = [System.Diagnostics.ProcessStartInfo]::new('unshare', "--uts sh -c `"hostname $name && exec /usr/sbin/sshd -D -f $config -E $(Join-Path $Directory "$name.log")`"")
        $start.UseShellExecute = $false
        [System.Diagnostics.Process]::Start($start)
    }

    # Ready when each listener accepts a connection.
    $deadline = [datetime]::UtcNow.AddSeconds(15)
    foreach ($address in @($Accepting) + @($Rejecting)) {
        while ($true) {
            $client = [System.Net.Sockets.TcpClient]::new()
            try { $client.Connect($address, $port); break } catch { if ([datetime]::UtcNow -gt $deadline) { throw "sshd on ${address}:$port did not start." }; Start-Sleep -Milliseconds 100 } finally { $client.Dispose() }
        }
    }

    [pscustomobject]@{
        Directory = $Directory
        Port      = $port
        Key       = Join-Path $Directory 'client'
        Options   = @{ StrictHostKeyChecking = 'no'; UserKnownHostsFile = '/dev/null'; BatchMode = 'yes'; LogLevel = 'ERROR' }
        Processes = @($processes)
    }
}

# Stops every listener with its sessions (sshd per connection and the pwsh subsystems under it).
function Stop-SshFleet($Fleet) {
    foreach ($process in $Fleet.Processes) {
        try { if (-not $process.HasExited) { $process.Kill($true); [void]$process.WaitForExit(5000) } } catch { }
        $process.Dispose()
    }
}
