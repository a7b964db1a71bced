# Times Get-DeepSeekHardware in one warm runspace (as a fleet script would call it), like si-inventory.js does for Node.
# Usage (through the deepseekhw host): deepseekhw -File bench/inventory/deepseekhw-inventory.ps1 <runs>
param([int] $Runs = 10)

$times = [System.Collections.Generic.List[double]]::new()
for ($i = 0; $i -lt $Runs; $i++) {
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    $null = Get-DeepSeekHardware -WarningAction SilentlyContinue
    $watch.Stop()
    $times.Add($watch.Elapsed.TotalMilliseconds)
}

$sorted = [double[]]$times.ToArray()
[array]::Sort($sorted)
$inventory = Get-DeepSeekHardware -WarningAction SilentlyContinue
[ordered]@{
    tool     = 'Get-DeepSeekHardware'
    runs     = $Runs
    firstMs  = $times[0]
    medianMs = $sorted[[int][math]::Floor($Runs / 2)]
    minMs    = $sorted[0]
    gpus     = $inventory.Gpus.Count
    packages = $inventory.Software.Packages.Count
}
