# Shared by every *.Tests.ps1 here: dot-source it in BeforeAll (and in BeforeDiscovery where test cases need the module).
$RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
$ModuleManifest = Join-Path $RepoRoot 'out/DeepSeekHw/DeepSeekHw.psd1'
$SourceManifest = Join-Path $RepoRoot 'module/DeepSeekHw.psd1'
$Fixtures = Join-Path $RepoRoot 'tests/fixtures'
$CpuOnlyBundle = Join-Path $Fixtures 'bundles/debian12-cpu-only-vm.facts.json'

Import-Module $ModuleManifest -Force -ErrorAction Stop

# A replayable bundle of a machine with two RTX 4090s, made from a real nvidia-smi -q -x capture.
function New-GpuBundle {
    param([Parameter(Mandatory)] [string] $Path, [string] $ComputerName = 'gpu-node-07')
    $xml = Get-Content -LiteralPath (Join-Path $Fixtures 'nvidia-smi-xml/rtx-4090-drv535.xml') -Raw
    $start = $xml.IndexOf('<gpu ')
    $end = $xml.IndexOf('</gpu>') + '</gpu>'.Length
    $gpu = $xml.Substring($start, $end - $start)
    $two = $xml.Substring(0, $start) + $gpu + "`n" + $gpu + $xml.Substring($end)
    $bundle = [ordered]@{
        schema       = 'deepseekhw/facts@1'
        computerName = $ComputerName
        collectedAt  = '2026-11-24T00:00:00Z'
        platform     = 'Linux'
        collector    = @{ name = 'DeepSeekHw'; version = '0.2.0' }
        sources      = [ordered]@{
            'nvidia-smi -q -x'   = @{ status = 'ok'; exitCode = 0; output = $two; error = '' }
            'nvidia-smi topo -m' = @{ status = 'ok'; exitCode = 0; output = "`tGPU0`tGPU1`tCPU Affinity`nGPU0`t X `tPHB`t0-31`nGPU1`tPHB`t X `t0-31`n"; error = '' }
        }
    }
    $bundle | ConvertTo-Json -Depth 5 | Set-Content -LiteralPath $Path -Encoding utf8
    Get-Item -LiteralPath $Path
}

# What a user sees: the default view rendered at a terminal width, as lines without trailing blanks.
function Get-RenderedLine {
    param([Parameter(Mandatory)] [object[]] $InputObject, [Parameter(Mandatory)] [int] $Width)
    ($InputObject | Out-String -Width $Width) -split '\r?\n' | ForEach-Object { $_.TrimEnd() }
}

# A copy as remoting and Import-Clixml hand it back: a Deserialized.* property bag.
function ConvertTo-Deserialized {
    param([Parameter(Mandatory, ValueFromPipeline)] [object] $InputObject)
    process {
        [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($InputObject))
    }
}

# Replayed bundles warn about every source they lack; the tests look at objects, and CI logs stay readable.
$WarningPreference = 'SilentlyContinue'
