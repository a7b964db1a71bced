# Untrusted bundles and hostile tool output, as a user meets them (issue 11); the core's own tests cover each parser.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
}

Describe 'A fleet of bundles with a bad one in it' {
    BeforeAll {
        $bad = Join-Path $TestDrive 'bad.facts.json'
        $rocm = '{"card99999999999": {"Card Series": "MI300X"}, "card0": {"Card Series": "MI300X", "VRAM Total Memory (B)": "206141652992"}}'
        @{ schema = 'deepseekhw/facts@1'; computerName = 'bad'; platform = 'Linux'; sources = @{ 'rocm-smi --showallinfo --json' = @{ status = 'ok'; exitCode = 0; output = $rocm } } } |
            ConvertTo-Json -Depth 4 | Set-Content -LiteralPath $bad
        $notJson = Join-Path $TestDrive 'broken.facts.json'
        Set-Content -LiteralPath $notJson -Value '{ "schema": "deepseekhw/facts@1", "sources": '
    }

    It 'reads every good bundle after a bad one; a hostile number is a warning, a broken file one error' {
        $inventories = Get-DeepSeekHardware -FactsPath $bad, $notJson, $CpuOnlyBundle -ErrorVariable problems -ErrorAction SilentlyContinue -WarningVariable warnings -WarningAction SilentlyContinue
        $inventories.ComputerName | Should -Be 'bad', 'vm'
        $inventories[0].Gpus.Count | Should -Be 1
        @($problems).Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'FactsInvalid,*'
        ($warnings -join "`n") | Should -Match '99999999999'
    }

    It 'refuses a bundle larger than the limit without reading it' {
        Get-DeepSeekHardware -FactsPath $CpuOnlyBundle -MaxBundleSize 1024 -ErrorVariable tooBig -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $tooBig[0].FullyQualifiedErrorId | Should -BeLike 'FactsInvalid,*'
        $tooBig[0].CategoryInfo.Category | Should -Be 'LimitsExceeded'
    }

    It 'says a directory is a directory' {
        Get-DeepSeekHardware -FactsPath $TestDrive -ErrorVariable notAFile -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $notAFile[0].Exception.Message | Should -Match 'is a directory'
    }
}

Describe 'Text from a bundle on a terminal' {
    It 'reaches neither the object nor the screen with its escape sequences' {
        $path = Join-Path $TestDrive 'escape.facts.json'
        $bundle = Get-Content -LiteralPath $CpuOnlyBundle -Raw | ConvertFrom-Json
        $bundle.computerName = "vm`e]0;pwned`a`e[2J"
        $bundle | ConvertTo-Json -Depth 6 | Set-Content -LiteralPath $path
        $inventory = Get-DeepSeekHardware -LiteralPath $path
        $inventory.ComputerName | Should -Not -Match "`e"
        $screen = ($inventory | Format-List * | Out-String) + ($inventory | Test-DeepSeekReadiness -Model DeepSeek-R1-Distill-Qwen-1.5B | Out-String)
        $screen | Should -Not -Match "`e|`a"
    }
}

Describe 'What a bundle keeps' -Skip:(-not $IsLinux) {
    BeforeAll {
        # A stand-in nvidia-smi on PATH: the real XML of an RTX 4090 host, with a serving process that holds a token.
        $bin = Join-Path $TestDrive 'bin'
        New-Item -ItemType Directory -Path $bin | Out-Null
        $xml = (Get-Content -LiteralPath (Join-Path $Fixtures 'nvidia-smi-xml/rtx-4090-drv535.xml') -Raw).Replace('<processes>',
            '<processes><process_info><pid>4242</pid><process_name>python serve.py --hf-token=hf_PlantedSecretToken0123456789 --model /home/alice/r1</process_name></process_info>')
        Set-Content -LiteralPath (Join-Path $bin 'nvidia.xml') -Value $xml -NoNewline
        Set-Content -LiteralPath (Join-Path $bin 'nvidia-smi') -Value "#!/bin/sh`nif [ `"`$1`" = `"-q`" ]; then cat '$bin/nvidia.xml'; else exit 9; fi`n"
        chmod +x (Join-Path $bin 'nvidia-smi')
        $savedPath = $env:PATH
        $env:PATH = $bin + [IO.Path]::PathSeparator + $env:PATH
    }

    AfterAll {
        $env:PATH = $savedPath
    }

    It 'drops process lists and secrets and hashes GPU UUIDs, unless -IncludeIdentifier' {
        $path = Join-Path $TestDrive 'planted.facts.json'
        Export-DeepSeekFactBundle -LiteralPath $path
        $text = Get-Content -LiteralPath $path -Raw
        $text | Should -Not -Match 'hf_PlantedSecretToken|serve\.py|alice'
        $text | Should -Match 'hashed-[0-9a-f]{12}'
        (Get-DeepSeekHardware -LiteralPath $path).Gpus[0].Name | Should -Be 'NVIDIA GeForce RTX 4090'

        $full = Join-Path $TestDrive 'full.facts.json'
        Export-DeepSeekFactBundle -LiteralPath $full -IncludeIdentifier
        Get-Content -LiteralPath $full -Raw | Should -Match 'hf_PlantedSecretToken'
    }
}

Describe 'Writing a bundle where something already is' -Skip:(-not $IsLinux) {
    It 'refuses a symbolic link without -Force, and with it replaces the link and never its target' {
        $target = Join-Path $TestDrive 'precious.txt'
        Set-Content -LiteralPath $target -Value 'keep me'
        $link = Join-Path $TestDrive 'link.facts.json'
        New-Item -ItemType SymbolicLink -Path $link -Target $target | Out-Null

        Export-DeepSeekFactBundle -LiteralPath $link -ErrorVariable refused -ErrorAction SilentlyContinue
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'FactsFileExists,*'
        Export-DeepSeekFactBundle -LiteralPath $link -Force
        Get-Content -LiteralPath $target -Raw | Should -Match 'keep me'
        (Get-Item -LiteralPath $link).LinkType | Should -BeNullOrEmpty
        (Get-DeepSeekHardware -LiteralPath $link).ComputerName | Should -Not -BeNullOrEmpty
    }
}

Describe 'A fleet summary' {
    It 'is Undetermined, not Ready, when deciding facts are unknown, and -Quiet says $false' {
        $summary = New-DeepSeekHardware -Gpu H100-SXM | Test-DeepSeekReadiness -Model DeepSeek-R1-Distill-Qwen-7B -Summary
        $summary.Verdict | Should -Be 'Undetermined'
        $summary.Ready | Should -BeFalse
        $summary.HardwareVerdict | Should -Be 'Ready'
        $summary.BlockingChecks | Should -Contain 'Driver.CudaCompatibility'
        New-DeepSeekHardware -Gpu H100-SXM | Test-DeepSeekReadiness -Model DeepSeek-R1-Distill-Qwen-7B -Quiet | Should -BeFalse
        ($summary | Out-String -Width 120) | Should -Match 'Undetermined'
    }
}
