#Requires -Version 5.1
<#
.SYNOPSIS
    Builds the DeepSeekHw module into ./out/DeepSeekHw and, with -Test, runs every test: xunit and Pester.
.DESCRIPTION
    The build entry for PowerShell users and CI, run with the pwsh this repository pins (.config/dotnet-tools.json):

        dotnet tool restore
        dotnet pwsh ./build.ps1 -Test

    'dotnet build' lays out the importable module folder (DeepSeekHw.psd1, the assemblies, format views, MAML help) and
    the deepseekhw host. -Test then runs the xunit suites (the core, and the cmdlets in a hosted runspace), 20,000
    fuzz inputs through every parser (tests/DeepSeekHw.Fuzz), restores
    Pester from NuGet (tools/PesterModule) and runs tests/pester in a fresh 'dotnet pwsh', the way a user imports the
    module. Any failure stops the script with a non-zero exit code.
.EXAMPLE
    dotnet pwsh ./build.ps1
.EXAMPLE
    dotnet pwsh ./build.ps1 -Test
.EXAMPLE
    dotnet pwsh ./build.ps1 -Test -Configuration Release
#>
[CmdletBinding()]
param(
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Debug',

    # Also runs every test (xunit, then Pester), as CI does.
    [switch] $Test
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
Set-Location -LiteralPath $PSScriptRoot
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'

function Invoke-Step([string] $Name, [scriptblock] $Command) {
    Write-Host "==> $Name" -ForegroundColor Cyan
    & $Command
    if ($LASTEXITCODE -ne 0) { throw "$Name failed with exit code $LASTEXITCODE" }
}

Invoke-Step "Build ($Configuration)" { dotnet build DeepSeekHw.sln --configuration $Configuration }

if ($Test) {
    Invoke-Step 'xunit' { dotnet test DeepSeekHw.sln --configuration $Configuration --no-build }

    # Deterministic mutation fuzzing of every parser, the bundle reader and the catalog reader (docs/security.md).
    Invoke-Step 'Fuzz' { dotnet run --project tests/DeepSeekHw.Fuzz --configuration $Configuration --no-build -- 20000 }

    Invoke-Step 'Restore Pester from NuGet' { dotnet restore tools/PesterModule --verbosity quiet }
    $properties = (dotnet msbuild tools/PesterModule -getProperty:NuGetPackageRoot -getProperty:PesterVersion | ConvertFrom-Json).Properties
    $pester = Join-Path $properties.NuGetPackageRoot "pester/$($properties.PesterVersion)/tools/Pester.psd1"

    # A fresh process, as a user has it: nothing of this build session is loaded there.
    Invoke-Step 'Pester' { dotnet pwsh -NoProfile -NonInteractive -File tests/pester/Invoke-PesterSuite.ps1 -PesterManifest $pester }
}

Write-Host "Module laid out in $(Join-Path $PSScriptRoot 'out/DeepSeekHw'). Import it with: Import-Module ./out/DeepSeekHw"
