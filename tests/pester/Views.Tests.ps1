# The default views as a terminal shows them: at 120 and at 80 columns, live and after remoting.
BeforeDiscovery {
    # Each case: a command that makes objects of one type, and the property whose text a table wraps.
    $tables = @(
        @{ Type = 'ModelSpec'; Make = { Get-DeepSeekModel }; Header = 'Params(B)'; Wrapped = 'Name', 'Attention'; Right = 'NativeDtype' }
        @{ Type = 'GpuSpec'; Make = { Get-DeepSeekGpuSpec }; Header = 'Bandwidth(GB/s)'; Wrapped = 'Name'; Right = 'Vendor', 'Architecture' }
        @{ Type = 'SizingEstimate'; Make = { Get-DeepSeekSizing -Model DeepSeek-R1 -Gpu RTX-4090; Get-DeepSeekSizing -Model DeepSeek-R1-Distill-Qwen-7B -Precision BF16, AWQ_INT4 -Gpu L4; Get-DeepSeekSizing -Model DeepSeek-V3 }; Header = 'Nodes'; Wrapped = 'Model', 'Gpu', 'Precision'; Right = 'Engine' }
        @{ Type = 'ReadinessCheck'; Make = { New-DeepSeekHardware -Gpu T4 | Test-DeepSeekReadiness -Model DeepSeek-R1-Distill-Qwen-7B; Get-DeepSeekHardware -FactsPath $CpuOnlyBundle | Test-DeepSeekReadiness -Model DeepSeek-R1-Distill-Qwen-1.5B }; Header = 'Message'; Wrapped = 'Message', 'CheckId'; Right = 'Actual' }
        @{ Type = 'ReadinessSummary'; Make = { Get-DeepSeekHardware -FactsPath $CpuOnlyBundle | Test-DeepSeekReadiness -Model DeepSeek-V3 -Summary }; Header = 'Blocking'; Wrapped = 'BlockingChecks', 'ComputerName', 'Verdict'; Right = 'LargestFitPrecision' }
        @{ Type = 'Cost.CostEstimate'; Make = { Get-DeepSeekCostEstimate -Model DeepSeek-V3 -Gpu H100-SXM -GpuCount 16; Get-DeepSeekCostEstimate -Model DeepSeek-R1-Distill-Qwen-7B -TargetQps 50 }; Header = 'USD/hour'; Wrapped = 'Option', 'Precision'; Right = 'PriceAsOf' }
        @{ Type = 'Recommendation'; Make = { New-DeepSeekHardware -Gpu H100-SXM -GpuCount 8 -MemoryGB 2048 | Get-DeepSeekRecommendation -Model DeepSeek-V3; New-DeepSeekHardware -MemoryGB 24 | Get-DeepSeekRecommendation -Model DeepSeek-R1 }; Header = 'Title'; Wrapped = 'Title', 'Category'; Right = 'ExpectedEffect' }
        @{ Type = 'HardwareProfile'; Make = { Get-DeepSeekProfile }; Header = 'Description'; Wrapped = 'Description', 'Name'; Right = 'Edition' }
    )
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
}

Describe 'The <Type> table' -ForEach $tables {
    BeforeAll {
        $objects = @(& $Make)
        $objects.Count | Should -BeGreaterThan 0
    }

    It 'is the module''s view, live and deserialized, and fits <_> columns' -ForEach 120, 80 {
        foreach ($set in $objects, @($objects | ConvertTo-Deserialized)) {
            $lines = Get-RenderedLine -InputObject $set -Width $_
            ($lines -join "`n") | Should -Match ([regex]::Escape($Header))
            foreach ($line in $lines) { $line.Length | Should -BeLessOrEqual $_ -Because $line }
        }
    }

    It 'shows whole columns only, the first ones, at <_> columns (all of them at 120)' -ForEach 80, 120 {
        $view = (Get-FormatData -TypeName "DeepSeekHw.$Type").FormatViewDefinition | Where-Object { $_.Control -is [System.Management.Automation.TableControl] }
        $labels = @($view.Control.Headers.Label)
        $lines = @(Get-RenderedLine -InputObject $objects -Width $_)
        $dashes = [array]::FindIndex($lines, [Predicate[string]] { param($line) $line -match '^-{2,}' })
        $shown = @($lines[$dashes - 1] -split '\s+' | Where-Object { $_ })
        $shown | Should -Be $labels[0..($shown.Count - 1)] -Because 'a column squeezed at the edge shows a cut label'
        if ($_ -ge 120) { $shown.Count | Should -Be $labels.Count }
        else { $shown.Count | Should -BeGreaterOrEqual 3 }
    }

    It 'breaks no word of <Wrapped> at 80 or 120 columns, nor of <Right> at 120' {
        foreach ($width in 80, 120) {
            $text = (Get-RenderedLine -InputObject $objects -Width $width) -join "`n"
            $shown = if ($width -ge 120) { @($Wrapped) + @($Right) } else { $Wrapped } # right of the 80 mark: dropped whole at 80
            $words = foreach ($property in $shown) { $objects.$property -split '[\s,]+' }
            foreach ($word in $words | Where-Object { $_.Length -ge 3 } | Select-Object -Unique) {
                $text | Should -Match ('(^|[\s(,])' + [regex]::Escape($word) + '([\s,)]|$)') -Because "'$word' must not be cut at $width columns"
            }
        }
    }
}

Describe 'What the views say' {
    It 'shows why a readiness check failed in the table, without Format-List' {
        $checks = Get-DeepSeekHardware -FactsPath $CpuOnlyBundle | Test-DeepSeekReadiness -Model DeepSeek-R1-Distill-Qwen-1.5B
        $text = ($checks | Out-String -Width 120)
        $text | Should -Match 'No GPU was found on this machine\.'
        $text | Should -Match 'ComputerName: vm \(DeepSeek-R1-Distill-Qwen-1\.5B'
    }

    It 'writes sizes one way in the inventory and in readiness: one decimal, binary units' {
        $inventory = Get-DeepSeekHardware -FactsPath $CpuOnlyBundle
        $free = ($inventory | Test-DeepSeekReadiness -Model DeepSeek-R1-Distill-Qwen-1.5B -IncludeCheck Storage.FreeSpace).Actual
        $free | Should -Match '^\d+\.\d (GiB|TiB) free on '
        ($inventory | Out-String -Width 200) | Should -Match ([regex]::Escape(($free -split ' on ')[0]))
        ($inventory | Out-String) | Should -Not -Match '\d GB\b'
    }

    It 'marks a layout that spans servers in the row, not only in the assumptions' {
        $r1 = Get-DeepSeekSizing -Model DeepSeek-R1 -Gpu RTX-4090
        $r1.Nodes | Should -BeGreaterThan 1
        $row = (Get-RenderedLine -InputObject $r1 -Width 120) | Where-Object { $_ -match '^DeepSeek-R1 ' }
        $row | Should -Match ("\s$($r1.GpuCount)\s+$($r1.Nodes)\s")
    }

    It 'does not present sizing without a GPU as one GPU' {
        $row = (Get-RenderedLine -InputObject (Get-DeepSeekSizing -Model DeepSeek-V3) -Width 120) | Where-Object { $_ -match '^DeepSeek-V3 ' }
        $row | Should -Match '\(not given\)'
        $row | Should -Not -Match 'TP1xPP1'
    }

    It 'shows QLoRA as the NF4 base it sizes' {
        $qlora = Get-DeepSeekSizing -Model DeepSeek-R1-Distill-Llama-8B -Workload QLoRA -Gpu L4 -ContextLength 4096 -Concurrency 4
        $qlora.Precision | Should -Be 'NF4'
        [math]::Round($qlora.WeightBytes / 1GB, 1) | Should -BeLessThan 4.5
    }

    It 'prints published parameter counts as the integers published' {
        (Get-DeepSeekModel -Name DeepSeek-MoE-16B).TotalParameters | Should -Be 16400000000
        (Get-DeepSeekModel -Name DeepSeek-R1-Distill-Llama-8B).TotalParameters | Should -Be 8030000000
        (Get-DeepSeekModel -Name DeepSeek-Coder-33B).TotalParameters | Should -Be 33300000000
        (Get-DeepSeekModel -Name DeepSeek-R1-Distill-Qwen-32B).TotalParameters | Should -Be 32800000000
    }

    It 'keeps terminal control sequences in data out of the table' {
        $check = Get-DeepSeekHardware -FactsPath $CpuOnlyBundle | Test-DeepSeekReadiness -Model DeepSeek-R1-Distill-Qwen-1.5B -IncludeCheck GPU.Present
        $check.Message = "bad`e]0;title`a`e[2Jtext"
        ($check | Out-String -Width 120) | Should -Not -Match "`e"
    }
}
