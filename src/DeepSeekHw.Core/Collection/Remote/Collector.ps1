# DeepSeekHw remote collector: run on a node through Invoke-Command, with nothing installed there. It records the
# sources of the platform's table (generated into this script from the module's FactSourceTable) exactly as the
# module's own collector does: no shell, a timeout and an output cap per command, files read up to 4 MiB, identifiers
# and secrets redacted on the node (the module's own patterns), and returns the deepseekhw/facts@1 bundle as JSON.
# Parsing and every judgement happen on the machine that asked. Windows PowerShell 5.1 and PowerShell 7.
param([int] $TimeoutSec = 15, [int] $MaxOutputBytes = 16777216, [bool] $IncludeIdentifier = $false, [string] $CollectorVersion = '')

Set-StrictMode -Version 2.0
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'

#<data>

$script:onWindows = [Environment]::OSVersion.Platform -eq [PlatformID]::Win32NT
$script:maxFileChars = 4 * 1024 * 1024
$script:budget = [TimeSpan]::FromSeconds(2)

function New-Source([string] $Id) {
    [ordered]@{ id = $Id; status = 'ok'; exitCode = $null; output = $null; error = $null; durationMs = $null; truncated = $false }
}

function Get-Hash([string] $Value) {
    $sha = [Security.Cryptography.SHA256]::Create()
    try { $digest = $sha.ComputeHash([Text.Encoding]::UTF8.GetBytes($Value)) } finally { $sha.Dispose() }
    'hashed-' + (-join ($digest[0..5] | ForEach-Object { $_.ToString('x2') }))
}

# The module's FactRedaction.Text, step for step, with its own patterns.
function Protect-Text([string] $Text) {
    if ([string]::IsNullOrEmpty($Text) -or $IncludeIdentifier) { return $Text }
    $p = 'redacted'
    try {
        $r = $Redaction.XmlProcesses.Replace($Text, [Text.RegularExpressions.MatchEvaluator] { param($m) '<' + $m.Groups['tag'].Value + '></' + $m.Groups['tag'].Value + '>' })
        $r = $Redaction.XmlSerial.Replace($r, [Text.RegularExpressions.MatchEvaluator] { param($m) '<' + $m.Groups['tag'].Value + '>' + $p + '</' + $m.Groups['tag'].Value + '>' })
        $r = $Redaction.XmlUuid.Replace($r, [Text.RegularExpressions.MatchEvaluator] { param($m) '<uuid>' + (Get-Hash $m.Groups['value'].Value) + '</uuid>' })
        $r = $Redaction.JsonPair.Replace($r, [Text.RegularExpressions.MatchEvaluator] {
                param($m)
                $key = $m.Groups['key'].Value
                if (-not $Redaction.IdentifierKey.IsMatch($key)) { return $m.Value }
                $value = $m.Groups['value'].Value
                if ($Redaction.HashedKey.IsMatch($key) -and $value.StartsWith('"')) { $replacement = '"' + (Get-Hash $value.Trim('"')) + '"' }
                elseif ($value.StartsWith('[')) { $replacement = '["' + $p + '"]' }
                else { $replacement = '"' + $p + '"' }
                '"' + $key + '"' + $m.Groups['colon'].Value + $replacement
            })
        $r = $Redaction.SerialLine.Replace($r, [Text.RegularExpressions.MatchEvaluator] { param($m) $m.Groups['key'].Value + $p })
        $r = $Redaction.HomePath.Replace($r, [Text.RegularExpressions.MatchEvaluator] { param($m) $m.Groups['home'].Value + 'user' })
        $r = $Redaction.NamedSecret.Replace($r, [Text.RegularExpressions.MatchEvaluator] { param($m) $m.Groups['name'].Value + $m.Groups['sep'].Value + $p })
        return $Redaction.TokenShape.Replace($r, $p)
    }
    catch [Text.RegularExpressions.RegexMatchTimeoutException] {
        return '[' + $p + ': output too irregular to redact safely]'
    }
}

# The module's ArgumentQuoting: one command line that the runtime splits back into exactly these arguments.
function Join-Argument([string[]] $Arguments) {
    $quoted = foreach ($a in $Arguments) {
        if ($a.Length -gt 0 -and $a -notmatch '[\s"]') { $a; continue }
        $b = [Text.StringBuilder]::new('"')
        $slashes = 0
        foreach ($c in $a.ToCharArray()) {
            if ($c -eq [char]'\') { $slashes++; continue }
            if ($c -eq [char]'"') { [void]$b.Append([char]'\', $slashes * 2 + 1).Append([char]'"') }
            else { [void]$b.Append([char]'\', $slashes).Append($c) }
            $slashes = 0
        }
        [void]$b.Append([char]'\', $slashes * 2).Append([char]'"')
        $b.ToString()
    }
    $quoted -join ' '
}

function Find-Tool([string] $Name, [string[]] $Fallbacks) {
    $found = Get-Command -Name $Name -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    if ($found) { return $found.Path }
    foreach ($f in $Fallbacks) {
        $path = [Environment]::ExpandEnvironmentVariables($f)
        if ([IO.File]::Exists($path)) { return $path }
    }
    $null
}

function Stop-Tree([Diagnostics.Process] $Process) {
    try {
        $tree = [Diagnostics.Process].GetMethod('Kill', [Type[]] @([bool]))
        if ($tree) { [void]$tree.Invoke($Process, @($true)) }
        elseif ($script:onWindows) { & taskkill.exe /T /F /PID $Process.Id 2>&1 | Out-Null }
        else { $Process.Kill() }
        [void]$Process.WaitForExit(5000)
    }
    catch { }
}

# Reads a pipe in chunks without blocking the other, keeping at most MaxOutputBytes; the rest is read and dropped.
function Read-Chunk($State) {
    if ($State.Done -or -not $State.Task.IsCompleted) { return }
    $n = 0
    try { $n = $State.Task.Result } catch { $n = 0 }
    if ($n -le 0) { $State.Done = $true; return }
    $room = [Math]::Min($n, $MaxOutputBytes - $State.Kept.Length)
    if ($room -gt 0) { $State.Kept.Write($State.Buffer, 0, $room) }
    if ($room -lt $n) { $State.Truncated = $true }
    $State.Task = $State.Stream.ReadAsync($State.Buffer, 0, $State.Buffer.Length)
}

function Invoke-Tool($Row, [string] $Path, [string[]] $Arguments) {
    $source = New-Source $Row.Id
    $watch = [Diagnostics.Stopwatch]::StartNew()
    $timeout = $TimeoutSec
    if ($Row.TimeoutSec -gt 0 -and $Row.TimeoutSec -lt $timeout) { $timeout = $Row.TimeoutSec }
    $info = [Diagnostics.ProcessStartInfo]::new($Path, (Join-Argument $Arguments))
    $info.UseShellExecute = $false
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true
    $info.RedirectStandardInput = $true
    $info.CreateNoWindow = $true
    $info.EnvironmentVariables['LC_ALL'] = 'C'
    try { $process = [Diagnostics.Process]::Start($info) }
    catch {
        $inner = $_.Exception
        while ($inner.InnerException) { $inner = $inner.InnerException }
        $code = 0
        if ($inner -is [ComponentModel.Win32Exception]) { $code = $inner.NativeErrorCode }
        if ($code -eq 2 -or $code -eq 3) { $source.status = 'absent' } elseif ($code -eq 5 -or $code -eq 13) { $source.status = 'denied' } else { $source.status = 'failed' }
        $source.error = $inner.Message
        return $source
    }
    try {
        $process.StandardInput.Close()
        $pipes = foreach ($stream in @($process.StandardOutput.BaseStream, $process.StandardError.BaseStream)) {
            $buffer = New-Object byte[] 65536
            [pscustomobject]@{ Stream = $stream; Buffer = $buffer; Kept = [IO.MemoryStream]::new(); Truncated = $false; Done = $false; Task = $stream.ReadAsync($buffer, 0, $buffer.Length) }
        }
        $deadline = [DateTime]::UtcNow.AddSeconds($timeout)
        $exited = $false
        $exitedAt = $null
        while ($true) {
            foreach ($pipe in $pipes) { Read-Chunk $pipe }
            if (-not $exited) { $exited = $process.WaitForExit(0) }
            $pending = @($pipes | Where-Object { -not $_.Done })
            if ($exited -and $pending.Count -eq 0) { break }
            if (-not $exited -and [DateTime]::UtcNow -gt $deadline) { Stop-Tree $process; $source.status = 'timedOut'; break }
            if ($exited -and $null -eq $exitedAt) { $exitedAt = [DateTime]::UtcNow }
            if ($exited -and [DateTime]::UtcNow -gt $exitedAt.AddSeconds(1)) { break } # a grandchild holds the pipe
            if ($pending.Count -gt 0) { [void][Threading.Tasks.Task]::WaitAny([Threading.Tasks.Task[]] @($pending | ForEach-Object { $_.Task }), 20) }
            else { Start-Sleep -Milliseconds 10 }
        }
        foreach ($pipe in $pipes) { Read-Chunk $pipe }
        $out = [Text.Encoding]::UTF8.GetString($pipes[0].Kept.ToArray())
        $err = [Text.Encoding]::UTF8.GetString($pipes[1].Kept.ToArray())
        $source.output = Protect-Text $out
        $source.truncated = $pipes[0].Truncated
        if ($source.status -eq 'timedOut') {
            $source.error = Protect-Text (('timed out after {0} s; process tree killed. {1}' -f $timeout, $err).Trim())
        }
        else {
            $source.exitCode = $process.ExitCode
            $source.error = Protect-Text $err
        }
    }
    finally { $process.Dispose() }
    $source.durationMs = $watch.ElapsedMilliseconds
    $source
}

function Read-FactFile([string] $Path) {
    $source = New-Source $Path
    $watch = [Diagnostics.Stopwatch]::StartNew()
    try {
        $stream = [IO.FileStream]::new($Path, [IO.FileMode]::Open, [IO.FileAccess]::Read, [IO.FileShare]::ReadWrite)
        try {
            $reader = [IO.StreamReader]::new($stream)
            $text = [Text.StringBuilder]::new()
            $chunk = New-Object char[] 4096
            while (($n = $reader.ReadBlock($chunk, 0, $chunk.Length)) -gt 0) {
                $room = [Math]::Min($n, $script:maxFileChars - $text.Length)
                [void]$text.Append($chunk, 0, $room)
                if ($room -lt $n) { $source.truncated = $true; break }
            }
            $source.output = Protect-Text $text.ToString()
        }
        finally { $stream.Dispose() }
    }
    catch {
        $e = $_.Exception
        while ($e.InnerException) { $e = $e.InnerException }
        if ($e -is [IO.FileNotFoundException] -or $e -is [IO.DirectoryNotFoundException]) { $source.status = 'absent' }
        elseif ($e -is [UnauthorizedAccessException] -or $e -is [Security.SecurityException]) { $source.status = 'denied'; $source.error = $e.Message }
        else { $source.status = 'failed'; $source.error = $e.Message }
    }
    $source.durationMs = $watch.ElapsedMilliseconds
    $source
}

function Get-Child([string] $Directory) {
    try { [IO.Directory]::GetDirectories($Directory) | ForEach-Object { [IO.Path]::GetFileName($_) } | Sort-Object -CaseSensitive }
    catch { @() }
}

function Test-Segment([string] $Pattern, [string] $Name, [string[]] $Excluded) {
    if (-not $Pattern.EndsWith('*')) { return $Pattern -ceq $Name }
    if ($Name.Length -eq 0 -or -not $Name.StartsWith($Pattern.Substring(0, $Pattern.Length - 1), [StringComparison]::Ordinal)) { return $false }
    foreach ($prefix in $Excluded) { if ($Name.StartsWith($prefix, [StringComparison]::Ordinal)) { return $false } }
    $true
}

function Read-Tree($Row) {
    $directories = @('/')
    foreach ($segment in ($Row.Id -split '/' | Where-Object { $_.Length -gt 0 })) {
        $next = foreach ($d in $directories) {
            if ($segment.EndsWith('*')) { foreach ($name in (Get-Child $d)) { if (Test-Segment $segment $name $Row.Excluded) { $d + $name + '/' } } }
            else { $d + $segment + '/' }
        }
        $directories = @($next)
    }
    foreach ($d in $directories) { foreach ($f in $Row.Files) { Read-FactFile ($d + $f) } }
}

function Get-CimSource($Row) {
    $source = New-Source $Row.Id
    $watch = [Diagnostics.Stopwatch]::StartNew()
    $parts = $Row.Id.Split(':')
    try {
        $instances = @(Get-CimInstance -Namespace $parts[1] -ClassName $parts[2] -OperationTimeoutSec $TimeoutSec -ErrorAction Stop)
        $records = foreach ($instance in $instances) {
            $map = [ordered]@{}
            foreach ($property in $instance.CimInstanceProperties) {
                $value = $property.Value
                if ($value -is [datetime]) { $value = $value.ToUniversalTime().ToString('o', [Globalization.CultureInfo]::InvariantCulture) }
                elseif ($value -is [uint64] -and $value -gt [long]::MaxValue) { $value = $value.ToString([Globalization.CultureInfo]::InvariantCulture) }
                $map[$property.Name] = $value
            }
            $map
        }
        $source.output = Protect-Text (ConvertTo-Json -InputObject @($records) -Depth 4 -Compress)
    }
    catch [UnauthorizedAccessException] { $source.status = 'denied'; $source.error = $_.Exception.Message }
    catch { $source.status = 'failed'; $source.error = $_.Exception.GetType().Name + ': ' + $_.Exception.Message }
    $source.durationMs = $watch.ElapsedMilliseconds
    $source
}

function Invoke-Row($Row) {
    switch ($Row.Kind) {
        'File' { Read-FactFile $Row.Id }
        'FileTree' { Read-Tree $Row }
        'Cim' { Get-CimSource $Row }
        default {
            $path = Find-Tool $Row.Executable $Row.Fallbacks
            if (-not $path) {
                $s = New-Source $Row.Id
                $s.status = 'absent'
                $s.error = $Row.Executable + ' was not found on PATH.'
                $s
            }
            elseif ($Row.Kind -eq 'PythonProbe') { Invoke-Tool $Row $path (@($Row.Arguments) + $Probes[$Row.Script]) }
            else { Invoke-Tool $Row $path @($Row.Arguments) }
        }
    }
}

if ($script:onWindows) { $platform = 'Windows'; $rows = $Table.Windows } else { $platform = 'Linux'; $rows = $Table.Linux }
$collected = [ordered]@{}
foreach ($row in $rows) {
    if ($row.OnlyWhenMissing -and $collected.Contains($row.OnlyWhenMissing) -and $collected[$row.OnlyWhenMissing].status -eq 'ok') { continue }
    foreach ($source in @(Invoke-Row $row)) { $collected[$source.id] = $source }
}

$sources = [ordered]@{}
foreach ($source in $collected.Values) {
    $entry = [ordered]@{ status = $source.status; exitCode = $source.exitCode; output = $source.output; error = $source.error }
    if ($null -ne $source.durationMs) { $entry.durationMs = $source.durationMs }
    if ($source.truncated) { $entry.truncated = $true }
    $sources[$source.id] = $entry
}

ConvertTo-Json -Depth 4 -Compress -InputObject ([ordered]@{
        schema       = 'deepseekhw/facts@1'
        computerName = [Environment]::MachineName
        collectedAt  = [DateTime]::UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", [Globalization.CultureInfo]::InvariantCulture)
        platform     = $platform
        collector    = [ordered]@{ name = 'DeepSeekHw remote collector'; version = $CollectorVersion }
        sources      = $sources
    })
