# Our objects in pipelines: between our cmdlets, into the built-in ones, through serialization, with common parameters.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $gpuBundle = New-GpuBundle -Path (Join-Path $TestDrive 'gpu-node-07.facts.json')
}

Describe 'Piping between DeepSeekHw cmdlets' {
    It 'sizes models piped from Get-DeepSeekModel' {
        $estimates = Get-DeepSeekModel -Name *Distill-Qwen-1.5B, *Distill-Qwen-7B | Get-DeepSeekSizing -Gpu L4
        $estimates.Model | Should -Be 'DeepSeek-R1-Distill-Qwen-1.5B', 'DeepSeek-R1-Distill-Qwen-7B'
    }

    It 'sizes on GPUs piped from Get-DeepSeekGpuSpec exactly as with -Gpu' {
        $piped = Get-DeepSeekGpuSpec -Name H100-SXM | Get-DeepSeekSizing -Model DeepSeek-V3
        $named = Get-DeepSeekSizing -Model DeepSeek-V3 -Gpu H100-SXM
        $piped.Gpu | Should -Be 'H100-SXM'
        $piped.GpuCount | Should -Be $named.GpuCount
        $piped.Fits | Should -BeTrue
    }

    It 'tests this machine against profiles piped from Get-DeepSeekProfile' {
        $summaries = Get-DeepSeekProfile -Name Basic-* | Test-DeepSeekReadiness -Summary
        $summaries.Target | Should -Be 'Basic-Minimum', 'Basic-Recommended'
        ($summaries.ComputerName | Select-Object -Unique).Count | Should -Be 1
    }

    It 'tests what-if machines built from piped GPUs' {
        $summaries = Get-DeepSeekGpuSpec -Name L40S, A100-PCIe-80GB | New-DeepSeekHardware -GpuCount 4 | Test-DeepSeekReadiness -Model DeepSeek-R1-Distill-Qwen-32B -Summary
        @($summaries).Count | Should -Be 2
    }

    It 'replays bundles piped from Get-ChildItem and sizes on their GPUs' {
        $estimate = Get-ChildItem -LiteralPath $gpuBundle.FullName | Get-DeepSeekHardware | Get-DeepSeekSizing -Model DeepSeek-R1-Distill-Qwen-32B -Precision AWQ_INT4
        $estimate.Gpu | Should -Be 'RTX-4090'
        $estimate.GpuCount | Should -Be 2
    }

    It 'answers the same request as sizing: -MemoryUtilization decides both' {
        $machine = New-DeepSeekHardware -Gpu L4
        $request = @{ Model = 'DeepSeek-R1-Distill-Qwen-7B'; Precision = 'BF16'; ContextLength = 4096 }
        foreach ($fraction in 0.9, 0.5) {
            $sized = $machine | Get-DeepSeekSizing @request -MemoryUtilization $fraction
            $check = $machine | Test-DeepSeekReadiness @request -MemoryUtilization $fraction -IncludeCheck GPU.Memory
            $check.Status | Should -Be $(if ($sized.Fits) { 'Pass' } else { 'Fail' })
        }
        ($machine | Get-DeepSeekSizing @request -MemoryUtilization 0.5).Fits | Should -BeFalse
    }

    It 'refuses an object that is not hardware with the engine''s binding error, and goes on' {
        $results = Get-DeepSeekModel -Name DeepSeek-V3 | Test-DeepSeekReadiness -Model DeepSeek-V3 -ErrorVariable bindErrors -ErrorAction SilentlyContinue
        $results | Should -BeNullOrEmpty
        $bindErrors[0].FullyQualifiedErrorId | Should -BeLike 'InputObjectNotBound,*'
    }
}

Describe 'Into the built-in cmdlets' {
    It 'sorts, selects and groups by property' {
        $top = Get-DeepSeekGpuSpec | Sort-Object MemoryBytes -Descending | Select-Object -First 3 Name, MemoryBytes
        $top[0].MemoryBytes | Should -BeGreaterOrEqual $top[2].MemoryBytes
        $groups = Get-DeepSeekGpuSpec | Group-Object Vendor
        $groups.Name | Should -Contain 'NVIDIA'
        $groups.Name | Should -Contain 'AMD'
    }

    It 'converts to JSON with integer byte counts and enum names' {
        $json = Get-DeepSeekModel -Name DeepSeek-V3 | ConvertTo-Json -Depth 3 | ConvertFrom-Json
        $json.TotalParameters | Should -Be 671000000000
        $json.TotalParameters | Should -BeOfType [long]
        $sizing = Get-DeepSeekSizing -Model DeepSeek-V3 -Gpu H200 | ConvertTo-Json -Depth 3 | ConvertFrom-Json
        $sizing.PerGpuBytes | Should -BeOfType [long]
    }

    It 'exports to CSV and reads back the same values' {
        $path = Join-Path $TestDrive 'gpus.csv'
        Get-DeepSeekGpuSpec -Name H100-SXM, MI300X | Export-Csv -LiteralPath $path -NoTypeInformation
        $rows = Import-Csv -LiteralPath $path
        $rows.Name | Should -Be 'H100-SXM', 'MI300X'
        [long] $rows[0].MemoryBytes | Should -Be (Get-DeepSeekGpuSpec -Name H100-SXM).MemoryBytes
    }
}

Describe 'Export-Clixml and Import-Clixml round trips' {
    It 'hands back an inventory that sizing and readiness take as the live one' {
        $path = Join-Path $TestDrive 'inventory.clixml'
        Get-DeepSeekHardware -LiteralPath $gpuBundle.FullName | Export-Clixml -LiteralPath $path
        $copy = Import-Clixml -LiteralPath $path
        $copy.PSObject.TypeNames[0] | Should -Be 'Deserialized.DeepSeekHw.HardwareInventory'
        ($copy | Get-DeepSeekSizing -Model DeepSeek-R1-Distill-Qwen-32B -Precision AWQ_INT4).GpuCount | Should -Be 2
        $live = Get-DeepSeekHardware -LiteralPath $gpuBundle.FullName | Test-DeepSeekReadiness -Model DeepSeek-R1-Distill-Qwen-7B
        $replayed = $copy | Test-DeepSeekReadiness -Model DeepSeek-R1-Distill-Qwen-7B
        ($replayed | ForEach-Object { "$($_.CheckId)=$($_.Status)" }) | Should -Be ($live | ForEach-Object { "$($_.CheckId)=$($_.Status)" })
    }

    It 'keeps readiness results and profiles readable and pipeable' {
        $path = Join-Path $TestDrive 'results.clixml'
        $live = New-DeepSeekHardware -Gpu T4 | Test-DeepSeekReadiness -Model DeepSeek-R1-Distill-Qwen-7B
        $live | Export-Clixml -LiteralPath $path
        $checks = Import-Clixml -LiteralPath $path
        $checks[0].PSObject.TypeNames[0] | Should -Be 'Deserialized.DeepSeekHw.ReadinessCheck'
        ($checks | ForEach-Object { "$($_.CheckId)=$($_.Status)" }) | Should -Be ($live | ForEach-Object { "$($_.CheckId)=$($_.Status)" })
        ($checks | Where-Object Status -NE Pass | Select-Object -First 1).Remediation + ($checks | Where-Object Status -NE Pass | Select-Object -First 1).Message | Should -Not -BeNullOrEmpty
        Get-DeepSeekProfile -Name Pro | Export-Clixml -LiteralPath (Join-Path $TestDrive 'profile.clixml')
        (Import-Clixml -LiteralPath (Join-Path $TestDrive 'profile.clixml') | Test-DeepSeekReadiness -Summary).Target | Should -Be 'Pro'
    }

    It 'hands back a GPU that sizes like the live one' {
        $copy = Get-DeepSeekGpuSpec -Name H200 | ConvertTo-Deserialized
        ($copy | Get-DeepSeekSizing -Model DeepSeek-V3).GpuCount | Should -Be (Get-DeepSeekSizing -Model DeepSeek-V3 -Gpu H200).GpuCount
    }
}

Describe 'Common parameters' {
    It 'writes a non-terminating error with our ErrorId that -ErrorAction decides about' {
        Get-DeepSeekModel -Name NoSuchModel -ErrorAction SilentlyContinue -ErrorVariable notFound | Should -BeNullOrEmpty
        $notFound[0].FullyQualifiedErrorId | Should -Be 'ModelNotFound,DeepSeekHw.Commands.GetDeepSeekModelCommand'
        $notFound[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        { Get-DeepSeekSizing -Model NoSuchModel -ErrorAction Stop } | Should -Throw -ErrorId 'ModelNotFound,DeepSeekHw.Commands.GetDeepSeekSizingCommand'
        (Get-DeepSeekModel -Name NoSuchModel, DeepSeek-V3 -ErrorAction SilentlyContinue).Name | Should -Be 'DeepSeek-V3'
    }

    It 'reports a bad wildcard pattern as an ErrorRecord with our ErrorId' {
        Get-DeepSeekModel -Name '[' -ErrorAction SilentlyContinue -ErrorVariable bad | Should -BeNullOrEmpty
        $bad[0].FullyQualifiedErrorId | Should -Be 'InvalidWildcardPattern,DeepSeekHw.Commands.GetDeepSeekModelCommand'
        Get-DeepSeekGpuSpec -Name 'H100[' -ErrorAction SilentlyContinue -ErrorVariable badGpu | Should -BeNullOrEmpty
        $badGpu[0].FullyQualifiedErrorId | Should -BeLike 'InvalidWildcardPattern,*'
    }

    It 'changes nothing under -WhatIf' {
        $path = Join-Path $TestDrive 'whatif.facts.json'
        Export-DeepSeekFactBundle -Path $path -WhatIf
        $path | Should -Not -Exist
        $catalog = Join-Path $TestDrive 'whatif-catalog.json'
        (Get-Content -LiteralPath (Join-Path $RepoRoot 'docs/examples/lab-gpus.json') -Raw) -replace 'MyLab-L40S', 'WhatIf-GPU' | Set-Content -LiteralPath $catalog
        Import-DeepSeekCatalog -Path $catalog -WhatIf
        Get-DeepSeekGpuSpec -Name WhatIf-* | Should -BeNullOrEmpty
    }
}
