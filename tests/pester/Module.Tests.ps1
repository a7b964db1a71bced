# The module as a user installs it: manifest, exports, names, licence.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
}

Describe 'The DeepSeekHw module' {
    It 'imports from out/DeepSeekHw in this edition and exports exactly the manifest''s cmdlets and aliases' {
        $manifest = Import-PowerShellDataFile $SourceManifest
        (Get-Command -Module DeepSeekHw -CommandType Cmdlet).Name | Sort-Object | Should -Be ($manifest.CmdletsToExport | Sort-Object)
        (Get-Command -Module DeepSeekHw -CommandType Alias).Name | Sort-Object | Should -Be ($manifest.AliasesToExport | Sort-Object)
        $manifest.CompatiblePSEditions | Should -Contain $PSVersionTable.PSEdition
    }

    It 'passes Test-ModuleManifest laid out, and its source folder holds every file it lists but the built assembly' {
        (Test-ModuleManifest -Path $ModuleManifest -ErrorAction Stop).ExportedCmdlets.Count | Should -Be (Import-PowerShellDataFile $SourceManifest).CmdletsToExport.Count
        $manifest = Import-PowerShellDataFile $SourceManifest
        foreach ($file in @($manifest.FormatsToProcess) + @($manifest.TypesToProcess)) {
            Join-Path (Split-Path $SourceManifest) $file | Should -Exist
        }
        Join-Path $RepoRoot 'DeepSeekHw.psd1' | Should -Not -Exist -Because 'the manifest lives in module/, with the files it names'
    }

    It 'ships the licence its manifest points at' {
        $licenseUri = (Import-PowerShellDataFile $SourceManifest).PrivateData.PSData.LicenseUri
        $licenseUri | Should -Match '/LICENSE$'
        Join-Path $RepoRoot 'LICENSE' | Should -Exist
        Get-Content (Join-Path $RepoRoot 'LICENSE') -Raw | Should -Match 'MIT License'
    }

    It 'names every cmdlet with an approved verb and a singular noun, and declares its output type' {
        $approved = (Get-Verb).Verb
        foreach ($command in Get-Command -Module DeepSeekHw -CommandType Cmdlet) {
            $approved | Should -Contain $command.Verb -Because $command.Name
            $command.Noun | Should -Match '(ss|[^s])$' -Because "$($command.Name): PowerShell nouns are singular"
            $command.OutputType | Should -Not -BeNullOrEmpty -Because $command.Name
        }
    }

    It 'keeps the old names working: <Alias> runs <Cmdlet>' -ForEach @(
        @{ Alias = 'Export-DeepSeekFacts'; Cmdlet = 'Export-DeepSeekFactBundle' }
        @{ Alias = 'New-DeepSeekHardwareProfile'; Cmdlet = 'New-DeepSeekHardware' }
    ) {
        (Get-Alias -Name $Alias).ResolvedCommandName | Should -Be $Cmdlet
    }

    It 'gives a path parameter a -LiteralPath twin (alias PSPath) on every cmdlet that reads or writes files' {
        foreach ($name in 'Get-DeepSeekHardware', 'Export-DeepSeekFactBundle', 'Import-DeepSeekCatalog') {
            $literal = (Get-Command $name).Parameters['LiteralPath']
            $literal | Should -Not -BeNullOrEmpty -Because $name
            $literal.Aliases | Should -Contain 'PSPath'
        }
    }

    It 'calls the hardware parameter -InputObject (alias Hardware) on every cmdlet that takes an inventory' {
        foreach ($name in 'Get-DeepSeekSizing', 'Test-DeepSeekReadiness') {
            $parameter = (Get-Command $name).Parameters['InputObject']
            $parameter.ParameterType.FullName | Should -Be 'DeepSeekHw.HardwareInventory'
            $parameter.Aliases | Should -Contain 'Hardware'
        }
    }
}

Describe 'The README' {
    BeforeAll {
        $readme = Get-Content -LiteralPath (Join-Path $RepoRoot 'README.md') -Raw
        $firstBlock = [regex]::Match($readme, '```sh\r?\n(?<body>.*?)```', 'Singleline').Groups['body'].Value
        $commands = @($firstBlock -split '\r?\n' | Where-Object { $_ -and -not $_.StartsWith('#') })
    }

    It 'opens with two commands: the main job, then every test' {
        $commands.Count | Should -Be 2
        $commands[0] | Should -Match 'Test-DeepSeekReadiness'
        $commands[1] | Should -Match 'build\.ps1 -Test'
    }

    It 'is what CI runs' {
        $ci = @(Get-Content -LiteralPath (Join-Path $RepoRoot '.ci/run') | Where-Object { $_ -and -not $_.StartsWith('#') })
        $ci[-1] | Should -Be $commands[1]
    }

    It 'links only to files that are in the repository' {
        foreach ($link in [regex]::Matches($readme, '\]\((?<path>(docs|src|tests|bench|module|tools)/[^)#]*)') | ForEach-Object { $_.Groups['path'].Value }) {
            Join-Path $RepoRoot $link | Should -Exist
        }
    }
}

Describe 'The catalog' {
    It 'cannot be changed through an object it returned, in this runspace or another' {
        $gpu = Get-DeepSeekGpuSpec -Name H100-SXM
        { $gpu.UsableMemoryBytes = 1GB } | Should -Throw
        { $gpu.Aliases[0] = 'hacked' } | Should -Throw
        { (Get-DeepSeekModel -Name DeepSeek-V3).NumLayers = 1 } | Should -Throw
        { (Get-DeepSeekProfile -Name Pro).GpuOptions[0].Count = 99 } | Should -Throw

        $other = [powershell]::Create()
        try {
            $null = $other.AddScript("Import-Module '$ModuleManifest'; (Get-DeepSeekSizing -Model DeepSeek-R1-Distill-Qwen-32B -Gpu H100-SXM -GpuCount 1).PerGpuBudgetBytes")
            $budgetThere = $other.Invoke()[0]
        }
        finally {
            $other.Dispose()
        }

        (Get-DeepSeekGpuSpec -Name H100-SXM).UsableMemoryBytes | Should -Be 85520809984
        (Get-DeepSeekSizing -Model DeepSeek-R1-Distill-Qwen-32B -Gpu H100-SXM -GpuCount 1).PerGpuBudgetBytes | Should -Be $budgetThere
    }
}

Describe 'The GPU catalog' {
    It 'knows the GPUs people own: <Pattern> returns a spec' -ForEach @(
        @{ Pattern = '*A5000*' }, @{ Pattern = '*2080*' }, @{ Pattern = '*P4*' }, @{ Pattern = '*MI100*' }, @{ Pattern = '*6700*' },
        @{ Pattern = 'H20' }, @{ Pattern = 'A800*' }, @{ Pattern = 'L20' }
    ) {
        $specs = Get-DeepSeekGpuSpec -Name $Pattern
        $specs | Should -Not -BeNullOrEmpty
        $specs | ForEach-Object { $_.MemoryBytes | Should -BeGreaterThan 0; $_.Source | Should -Not -BeNullOrEmpty }
    }

    It 'lists at least 300 GPUs, each with a source' {
        $all = Get-DeepSeekGpuSpec
        $all.Count | Should -BeGreaterOrEqual 300
        @($all | Where-Object { -not $_.Source }).Count | Should -Be 0
    }

    It 'sizes a GPU it does not list from the memory its driver reports' {
        $bundle = Join-Path $TestDrive 'unknown-gpu.facts.json'
        $xml = Get-Content -Raw (Join-Path $Fixtures 'nvidia-smi-xml/tesla-p100-pcie-16gb-drv510.xml')
        @{ schema = 'deepseekhw/facts@1'; computerName = 'p100'; collectedAt = '2026-11-30T00:00:00Z'; platform = 'Linux'
           sources = @{ 'nvidia-smi -q -x' = @{ status = 'ok'; exitCode = 0; output = $xml } } } | ConvertTo-Json -Depth 5 | Set-Content -LiteralPath $bundle
        $check = Get-DeepSeekHardware -FactsPath $bundle -WarningAction SilentlyContinue |
            Test-DeepSeekReadiness -Model DeepSeek-R1-Distill-Qwen-7B -Precision BF16 -IncludeCheck GPU.Memory
        $check.Status | Should -BeIn 'Pass', 'Fail'
        $check.Actual | Should -BeLike '*its driver reports*'
    }
}

Describe 'The JEA role' {
    BeforeAll {
        $role = Import-PowerShellDataFile -LiteralPath (Join-Path $RepoRoot 'module/RoleCapabilities/DeepSeekHwAuditor.psrc')
        $visible = $role.VisibleCmdlets | ForEach-Object { if ($_ -is [string]) { $_ } else { $_.Name } }
    }

    It 'exposes only commands of this module that read, never one that writes or imports a file' {
        $visible | Should -Not -BeNullOrEmpty
        $visible | ForEach-Object { (Get-Command -Name $_ -Module DeepSeekHw).Name | Should -Be $_ }
        $visible | Should -Not -Contain 'Export-DeepSeekFactBundle'
        $visible | Should -Not -Contain 'Export-DeepSeekReport'
        $visible | Should -Not -Contain 'Export-DeepSeekMetric'
        $visible | Should -Not -Contain 'Import-DeepSeekCatalog'
        $visible | ForEach-Object { (Get-Command $_).Verb | Should -BeIn 'Get', 'Test', 'New' }
    }

    It 'names only parameters the commands have, and no file or remoting parameter' {
        foreach ($entry in $role.VisibleCmdlets | Where-Object { $_ -isnot [string] }) {
            $parameters = (Get-Command $entry.Name).Parameters.Keys
            foreach ($name in @($entry.Parameters).Name) {
                $parameters | Should -Contain $name
                $name | Should -Not -BeIn 'FactsPath', 'LiteralPath', 'ComputerName', 'HostName', 'Session', 'InputObject'
            }
        }
    }

    It 'ships in the laid-out module where JEA looks for role capabilities' {
        Test-Path (Join-Path (Split-Path $ModuleManifest) 'RoleCapabilities/DeepSeekHwAuditor.psrc') | Should -BeTrue
        { Test-ModuleManifest -Path $ModuleManifest } | Should -Not -Throw
    }
}
