<#
.SYNOPSIS
    Central evaluation at fleet scale: N replayed fact bundles through Get-DeepSeekHardware -FactsPath and
    Test-DeepSeekReadiness -Summary in one pipeline, as a fleet audit of offline bundles runs.
.DESCRIPTION
    Writes N bundles (a real 8 x H100 capture and a CPU-only VM capture, alternating, each with its own computer name)
    to a scratch folder, then times the streaming pipeline and reports the wall time, the time per bundle and the
    process's peak working set. Run with: dotnet pwsh bench/fleet/run.ps1 [-Count 10000]
#>
param([int] $Count = 10000)

$ErrorActionPreference = 'Stop'
$root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
Import-Module (Join-Path $root 'out/DeepSeekHw/DeepSeekHw.psd1')
$scratch = Join-Path ([IO.Path]::GetTempPath()) ('deepseekhw-fleet-' + [guid]::NewGuid().ToString('N'))
New-Item -ItemType Directory -Path $scratch | Out-Null
try {
    $gpu = Get-Content -Raw (Join-Path $root 'tests/fixtures/nvidia-smi-q/h100-sxm-x8-drv565-a.txt') # only to size a realistic bundle
    $xml = Get-Content -Raw (Join-Path $root 'tests/fixtures/nvidia-smi-xml/a100-sxm4-80gb-x4-mig-drv535.xml')
    $cpuOnly = Get-Content -Raw (Join-Path $root 'tests/fixtures/bundles/debian12-cpu-only-vm.facts.json') | ConvertFrom-Json -AsHashtable
    $withGpu = $cpuOnly.Clone()
    $withGpu.sources = [ordered]@{} + $cpuOnly.sources
    $withGpu.sources['nvidia-smi -q -x'] = @{ status = 'ok'; exitCode = 0; output = $xml }
    $templates = @(($withGpu | ConvertTo-Json -Depth 6), ($cpuOnly | ConvertTo-Json -Depth 6))
    for ($i = 0; $i -lt $Count; $i++) {
        $text = $templates[$i % 2].Replace('"computerName": "' + $cpuOnly.computerName + '"', '"computerName": "node-' + $i + '"')
        [IO.File]::WriteAllText((Join-Path $scratch "node-$i.facts.json"), $text)
    }
    $bytes = (Get-ChildItem $scratch | Measure-Object Length -Sum).Sum

    [GC]::Collect()
    $watch = [Diagnostics.Stopwatch]::StartNew()
    $summaries = 0
    Get-DeepSeekHardware -FactsPath (Join-Path $scratch '*.facts.json') -WarningAction SilentlyContinue |
        Test-DeepSeekReadiness -Model DeepSeek-R1-Distill-Qwen-7B -Summary |
        ForEach-Object { $summaries++ }
    $watch.Stop()
    $peak = [Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64
    [pscustomobject]@{
        Bundles         = $Count
        Summaries       = $summaries
        AverageKiB      = [math]::Round($bytes / $Count / 1KB, 1)
        Seconds         = [math]::Round($watch.Elapsed.TotalSeconds, 2)
        MsPerBundle     = [math]::Round($watch.Elapsed.TotalMilliseconds / $Count, 3)
        PeakWorkingSetMiB = [math]::Round($peak / 1MB)
    }
}
finally {
    Remove-Item -LiteralPath $scratch -Recurse -Force
}
