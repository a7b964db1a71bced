# Paths as users type them: wildcards in -Path, brackets in -LiteralPath, files from Get-ChildItem.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
}

Describe 'Reading fact bundles and catalogs' {
    BeforeAll {
        $bracketed = Join-Path $TestDrive 'dir [x]'
        New-Item -ItemType Directory -Path $bracketed | Out-Null
        Copy-Item -LiteralPath $CpuOnlyBundle -Destination (Join-Path $bracketed 'f.json')
    }

    It 'reads a bracketed name with -LiteralPath' {
        (Get-DeepSeekHardware -LiteralPath (Join-Path $bracketed 'f.json')).ComputerName | Should -Be 'vm'
    }

    It 'reads a bracketed name with -Path when the brackets are escaped' {
        (Get-DeepSeekHardware -FactsPath ([WildcardPattern]::Escape((Join-Path $bracketed 'f.json')))).ComputerName | Should -Be 'vm'
    }

    It 'is an error, not silence, when a -Path pattern matches no file' {
        $result = Get-DeepSeekHardware -FactsPath (Join-Path $bracketed 'f.json') -ErrorAction SilentlyContinue -ErrorVariable missed
        $result | Should -BeNullOrEmpty
        $missed[0].FullyQualifiedErrorId | Should -BeLike 'FactsFileUnreadable,*'
        $missed[0].ErrorDetails.RecommendedAction | Should -Match 'LiteralPath'
    }

    It 'reads files piped from Get-ChildItem through -LiteralPath, and the good ones when one is bad' {
        Set-Content -LiteralPath (Join-Path $bracketed 'bad.json') -Value '{ not json'
        $inventories = Get-ChildItem -LiteralPath $bracketed -Filter *.json | Get-DeepSeekHardware -ErrorAction SilentlyContinue -ErrorVariable bad
        @($inventories).Count | Should -Be 1
        $bad[0].FullyQualifiedErrorId | Should -BeLike 'FactsInvalid,*'
        Remove-Item -LiteralPath (Join-Path $bracketed 'bad.json')
    }

    It 'imports a catalog from a bracketed name with -LiteralPath' {
        Copy-Item -LiteralPath (Join-Path $RepoRoot 'docs/examples/lab-gpus.json') -Destination (Join-Path $bracketed 'lab.json')
        (Import-DeepSeekCatalog -LiteralPath (Join-Path $bracketed 'lab.json') -PassThru).Name | Should -Be 'MyLab-L40S'
    }
}

Describe 'Writing a fact bundle' {
    BeforeAll {
        $bracketed = Join-Path $TestDrive 'out [y]'
        New-Item -ItemType Directory -Path $bracketed | Out-Null
    }

    It 'writes to a bracketed name with -LiteralPath, atomically, and the bundle replays' {
        $target = Join-Path $bracketed 'export.facts.json'
        Export-DeepSeekFactBundle -LiteralPath $target -TimeoutSec 30 -ErrorAction Stop
        Test-Path -LiteralPath $target | Should -BeTrue
        (Get-ChildItem -LiteralPath $bracketed -Force -Filter '*.tmp') | Should -BeNullOrEmpty
        (Get-DeepSeekHardware -LiteralPath $target).ComputerName | Should -Not -BeNullOrEmpty
    }

    It 'refuses to overwrite without -Force and replaces with it' {
        $target = Join-Path $bracketed 'export.facts.json'
        Export-DeepSeekFactBundle -LiteralPath $target -ErrorAction SilentlyContinue -ErrorVariable exists
        $exists[0].FullyQualifiedErrorId | Should -BeLike 'FactsFileExists,*'
        $before = (Get-Item -LiteralPath $target).LastWriteTimeUtc
        Start-Sleep -Milliseconds 20
        Export-DeepSeekFactBundle -LiteralPath $target -Force -PassThru | Should -BeOfType [System.IO.FileInfo]
        (Get-Item -LiteralPath $target).LastWriteTimeUtc | Should -BeGreaterThan $before
    }
}
