# Pester 5 tests for hosts that have pwsh or Windows PowerShell: ./build.ps1; Invoke-Pester ./tests/pester
# CI gates on the xunit suites (tests/DeepSeekHw.Tests drives the same engine); these check the real shells.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/DeepSeekHw/DeepSeekHw.psd1') -Force
}

Describe 'DeepSeekHw module' {
    It 'loads in this edition and exports exactly the manifest cmdlets' {
        $manifest = Import-PowerShellDataFile (Join-Path $PSScriptRoot '../../DeepSeekHw.psd1')
        (Get-Command -Module DeepSeekHw).Name | Sort-Object | Should -Be ($manifest.CmdletsToExport | Sort-Object)
        $manifest.CompatiblePSEditions | Should -Contain $PSVersionTable.PSEdition
    }

    It 'returns DeepSeek-V3 with MLA fields and published counts' {
        $v3 = Get-DeepSeekModel -Name DeepSeek-V3
        $v3.PSObject.TypeNames[0] | Should -Be 'DeepSeekHw.ModelSpec'
        $v3.TotalParameters | Should -Be 671000000000
        $v3.KvLoraRank | Should -Be 512
    }

    It 'writes ModelNotFound for an unknown model' {
        Get-DeepSeekModel -Name NoSuchModel -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'ModelNotFound,*'
    }

    It 'round-trips through the PowerShell serializer with the same view' {
        $copy = [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize((Get-DeepSeekGpuSpec -Name H200)))
        $copy.PSObject.TypeNames[0] | Should -Be 'Deserialized.DeepSeekHw.GpuSpec'
        $copy.MemoryBytes | Should -Be 151397597184
        ($copy | Format-Table | Out-String) | Should -Match 'Bandwidth\(GB/s\)'
    }
}
