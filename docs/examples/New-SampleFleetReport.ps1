<#
.SYNOPSIS
    Builds the sample fleet report shown in docs/fleet.md from real captures in tests/fixtures: six machines replayed
    from their nvidia-smi / rocm-smi output, tested against two models, written as HTML (and Markdown).
.EXAMPLE
    dotnet pwsh docs/examples/New-SampleFleetReport.ps1 -Path ./sample-report.html
#>
param([string] $Path = (Join-Path ([IO.Path]::GetTempPath()) 'deepseekhw-sample-report.html'))

$ErrorActionPreference = 'Stop'
$root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
if (-not (Get-Module DeepSeekHw)) { Import-Module (Join-Path $root 'out/DeepSeekHw/DeepSeekHw.psd1') }
$scratch = Join-Path ([IO.Path]::GetTempPath()) ('deepseekhw-sample-' + [guid]::NewGuid().ToString('N'))
New-Item -ItemType Directory -Path $scratch | Out-Null
try {
    $machines = [ordered]@{
        'dgx-a100-01'  = @('nvidia-smi -q -x', 'nvidia-smi-xml/a100-sxm4-80gb-x4-mig-drv535.xml')
        'ws-rtx4090'   = @('nvidia-smi -q -x', 'nvidia-smi-xml/rtx-4090-drv535.xml')
        'inference-t4' = @('nvidia-smi -q -x', 'nvidia-smi-xml/tesla-t4-drv515.xml')
        'dev-rtx3060'  = @('nvidia-smi -q -x', 'nvidia-smi-xml/rtx-3060-drv570.xml')
        'lab-mi100'    = @('rocm-smi --showallinfo --json', 'rocm-smi/mi100-x6-rocm5.7.1-multi-flags.json')
        'old-p2000'    = @('nvidia-smi -q -x', 'nvidia-smi-xml/quadro-p2000-drv525.xml')
    }
    $files = foreach ($name in $machines.Keys) {
        $id, $capture = $machines[$name]
        $file = Join-Path $scratch "$name.facts.json"
        @{ schema = 'deepseekhw/facts@1'; computerName = $name; collectedAt = '2026-11-30T00:00:00Z'; platform = 'Linux'
           sources = @{ $id = @{ status = 'ok'; exitCode = 0; output = (Get-Content -Raw (Join-Path $root "tests/fixtures/$capture")) } } } |
            ConvertTo-Json -Depth 5 | Set-Content -LiteralPath $file
        $file
    }
    $fleet = Get-DeepSeekHardware -LiteralPath $files -WarningAction SilentlyContinue
    $results = @(
        $fleet
        $fleet | Test-DeepSeekReadiness -Model DeepSeek-R1-Distill-Qwen-7B -Precision AWQ_INT4
        $fleet | Test-DeepSeekReadiness -Model DeepSeek-R1-Distill-Qwen-32B -Precision AWQ_INT4 -Summary
    )
    $results | Export-DeepSeekReport -Path $Path -Title 'DeepSeek readiness: sample fleet' -PassThru
}
finally {
    Remove-Item -LiteralPath $scratch -Recurse -Force
}
