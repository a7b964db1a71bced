#Requires -Version 7.0
<#
.SYNOPSIS
    Regenerates src/DeepSeekHw.Core/Catalog/Data/gpu-ids.json: every NVIDIA and AMD GPU device id in the PCI ID database
    whose chip is in tools/catalog/gpu-chips.json, with that chip's architecture and compute capability or gfx target.
.DESCRIPTION
    The PCI ID database (pci-ids.ucw.cz; github.com/pciutils/pciids, BSD-3-Clause) names each device by its chip and,
    in brackets, its products ("GA102 [GeForce RTX 3090]"). The chip table is written by hand with its sources; this
    script only joins the two, so an updated pci.ids is one run away. Display controllers only: audio, USB and
    NVSwitch functions of the same chips are left out.
.EXAMPLE
    ./tools/catalog/Update-GpuIds.ps1 -PciIds ./pci.ids
#>
param(
    [Parameter(Mandatory)] [string] $PciIds,
    [string] $Chips = (Join-Path $PSScriptRoot 'gpu-chips.json'),
    [string] $OutputPath = (Join-Path $PSScriptRoot '../../src/DeepSeekHw.Core/Catalog/Data/gpu-ids.json')
)

$ErrorActionPreference = 'Stop'
$table = Get-Content -LiteralPath $Chips -Raw | ConvertFrom-Json
$vendors = @{ '10de' = 'NVIDIA'; '1002' = 'AMD' }
$notGpu = 'Audio|USB|UCSI|Controller|Bridge|NVSwitch|SMBus|Port|Fabric|PSP|Crypto|Root Complex|Function'
$version = $null
$vendor = $null
$devices = [System.Collections.Generic.List[object]]::new()
foreach ($line in [IO.File]::ReadLines((Resolve-Path -LiteralPath $PciIds))) {
    if ($line -match '^#\s+Version:\s+(\S+)') { $version = $Matches[1]; continue }
    if ($line.StartsWith('#') -or $line.Trim().Length -eq 0) { continue }
    if ($line -match '^([0-9a-f]{4})\s') { $vendor = $vendors[$Matches[1]]; continue }
    if ($line -match '^C ') { $vendor = $null; continue }
    if ($null -eq $vendor -or $line -notmatch '^\t([0-9a-f]{4})\s+(.+)$') { continue }
    $id = $Matches[1].ToUpperInvariant()
    $text = $Matches[2].Trim()
    if ($text -match $notGpu) { continue }
    $chipText = ($text -split '\[')[0].Trim()
    $chip = $table.chips | Where-Object { $_.vendor -eq $vendor -and $chipText.StartsWith($_.chip, [StringComparison]::Ordinal) } |
        Sort-Object { $_.chip.Length } -Descending | Select-Object -First 1
    if ($null -eq $chip) { continue }
    $name = if ($text -match '\[(.+)\]') { $Matches[1] } else { $chipText }
    $prefix = if ($vendor -eq 'NVIDIA') { '10DE' } else { '1002' }
    $devices.Add([ordered]@{ id = "${prefix}:$id"; chip = $chip.chip; name = $name })
}

if (-not $version) { throw "No '# Version:' line in $PciIds." }
$document = [ordered]@{
    schema        = 'deepseekhw/gpu-ids@1'
    pciIds        = "PCI ID database version $version (pci-ids.ucw.cz, github.com/pciutils/pciids; BSD-3-Clause): device names and chips"
    nvidiaSource  = $table.nvidiaSource
    amdSource     = $table.amdSource
    chips         = $table.chips
    architectures = $table.architectures
    devices       = $devices
}
$json = $document | ConvertTo-Json -Depth 6
[IO.File]::WriteAllText([IO.Path]::GetFullPath($OutputPath), $json.Replace("`r`n", "`n") + "`n")
"{0} devices ({1} NVIDIA, {2} AMD) from pci.ids {3}" -f $devices.Count, @($devices | Where-Object { $_.id -like '10DE:*' }).Count, @($devices | Where-Object { $_.id -like '1002:*' }).Count, $version
