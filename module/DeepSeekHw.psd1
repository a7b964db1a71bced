@{
    # The one place that holds the module version: Directory.Build.props reads it for every assembly.
    ModuleVersion        = '0.2.0'
    GUID                 = '5b0f6c1e-3d7a-4c55-9a43-2f1d8e6b7c90'
    Author               = 'DeepSeekHw contributors'
    CompanyName          = 'DeepSeekHw'
    Copyright            = '(c) DeepSeekHw contributors. MIT License.'
    Description          = 'Tells an operator whether a server or a fleet can run a given DeepSeek model: hardware inventory, architecture-exact sizing, readiness checks and remediation.'
    RootModule           = 'DeepSeekHw.dll'
    CompatiblePSEditions = @('Desktop', 'Core')
    PowerShellVersion    = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess     = @('DeepSeekHw.Format.ps1xml')
    TypesToProcess       = @('DeepSeekHw.Types.ps1xml')
    CmdletsToExport      = @(
        'Get-DeepSeekModel'
        'Get-DeepSeekGpuSpec'
        'Get-DeepSeekSizing'
        'Get-DeepSeekLaunchConfig'
        'Get-DeepSeekCostEstimate'
        'Get-DeepSeekRecommendation'
        'Import-DeepSeekCatalog'
        'Get-DeepSeekHardware'
        'Export-DeepSeekFactBundle'
        'Export-DeepSeekMetric'
        'Export-DeepSeekReport'
        'Test-DeepSeekReadiness'
        'Get-DeepSeekProfile'
        'New-DeepSeekHardware'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    # The names these cmdlets had before 0.2.0.
    AliasesToExport      = @('Export-DeepSeekFacts', 'New-DeepSeekHardwareProfile')
    PrivateData          = @{
        PSData = @{
            Tags       = @('DeepSeek', 'GPU', 'LLM', 'Sizing', 'Inventory', 'Readiness', 'CUDA', 'ROCm', 'vLLM', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux')
            LicenseUri = 'https://github.com/deepseekhw/DeepSeekHw/blob/main/LICENSE'
            ProjectUri = 'https://github.com/deepseekhw/DeepSeekHw'
            ReleaseNotes = 'See CHANGELOG.md.'
        }
    }
}
