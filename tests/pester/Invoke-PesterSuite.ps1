<#
.SYNOPSIS
    Runs the Pester suite in tests/pester against the laid-out module (out/DeepSeekHw). build.ps1 -Test calls it.
.PARAMETER PesterManifest
    Pester.psd1 to import; build.ps1 restores it from NuGet (tools/PesterModule).
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)]
    [string] $PesterManifest
)

$ErrorActionPreference = 'Stop'
Import-Module -Name $PesterManifest -MinimumVersion 5.5 -Force

$configuration = New-PesterConfiguration
$configuration.Run.Path = $PSScriptRoot
$configuration.Run.Exit = $true
$configuration.Output.Verbosity = 'Normal'
$configuration.TestResult.Enabled = $true
$configuration.TestResult.OutputPath = Join-Path $PSScriptRoot '../../out/TestResults/pester.xml'
Invoke-Pester -Configuration $configuration
