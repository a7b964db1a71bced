#Requires -Version 5.1
<#
.SYNOPSIS
    Builds the DeepSeekHw module into ./out/DeepSeekHw, and optionally runs the tests.
.DESCRIPTION
    A thin wrapper over the .NET SDK for pwsh users: 'dotnet build' lays out the importable module folder
    (DeepSeekHw.psd1, the assemblies, format views and MAML help). Afterwards: Import-Module ./out/DeepSeekHw
.EXAMPLE
    ./build.ps1
.EXAMPLE
    ./build.ps1 -Configuration Debug -Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # Also runs every test (dotnet test), as CI does.
    [switch] $Test
)

$ErrorActionPreference = 'Stop'
Set-Location -LiteralPath $PSScriptRoot

if (-not (Get-Command dotnet -ErrorAction SilentlyContinue)) {
    throw 'The .NET SDK (dotnet) is required: https://dot.net'
}

dotnet build DeepSeekHw.sln --configuration $Configuration
if ($LASTEXITCODE -ne 0) { throw "dotnet build failed with exit code $LASTEXITCODE" }

if ($Test) {
    dotnet test DeepSeekHw.sln --configuration $Configuration --no-build
    if ($LASTEXITCODE -ne 0) { throw "dotnet test failed with exit code $LASTEXITCODE" }
}

Write-Host "Module laid out in $(Join-Path $PSScriptRoot 'out/DeepSeekHw'). Import it with: Import-Module ./out/DeepSeekHw"
