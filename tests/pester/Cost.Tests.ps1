# Get-DeepSeekCostEstimate as a user runs it: dated prices, hand-checkable arithmetic, errors by id.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
}

Describe 'Get-DeepSeekCostEstimate' {
    It 'prices the seed guide''s power example exactly: 1,200 W all year at 0.12 USD/kWh' {
        $onPrem = Get-DeepSeekCostEstimate -Model DeepSeek-R1-Distill-Qwen-14B -Gpu RTX-4090 -PowerWatts 1200 -Provider GCP |
            Where-Object Provider -EQ 'OnPrem'
        $onPrem.PSObject.TypeNames | Should -Contain 'DeepSeekHw.Cost.CostEstimate'
        $onPrem.PowerCostPerYearUsd | Should -Be 1261.44
        $onPrem.Formula | Should -Match '1\.2 kW x 8760 h x \$0\.12/kWh = \$1261\.44'
    }

    It 'lists only instances the model fits on, cheapest first, each with a dated source' {
        $options = @(Get-DeepSeekCostEstimate -Model DeepSeek-V3)
        $options.Count | Should -BeGreaterThan 3
        $options | ForEach-Object { $_.Fits | Should -BeTrue; $_.GpuCount | Should -BeGreaterOrEqual 8; $_.PriceAsOf | Should -Not -BeNullOrEmpty; $_.Source | Should -Not -BeNullOrEmpty }
        $hourly = $options.CostPerHourUsd
        $hourly | Should -Be ($hourly | Sort-Object)
        ($options | Where-Object Option -EQ 'AWS p5.48xlarge').Instances | Should -Be 2
    }

    It 'sizes replicas for a target load and compares the seed guide''s QPS tier' {
        $options = @(Get-DeepSeekCostEstimate -Model DeepSeek-R1-Distill-Qwen-32B -Precision FP8 -TargetQps 20 -Provider AWS)
        $options | ForEach-Object { ($_.Replicas * $_.ReplicaQps) | Should -BeGreaterOrEqual 19.999 }
        $options[0].Notes -join ' ' | Should -Match 'seed guide puts 20 QPS on a single A100 server'
    }

    It 'narrows to instances by wildcard and takes a negotiated price' {
        $options = @(Get-DeepSeekCostEstimate -Model DeepSeek-R1-Distill-Llama-70B -Precision AWQ_INT4 -Instance 'g6e.*' -PricePerHour 7.5)
        $options.Count | Should -BeGreaterThan 0
        $options | ForEach-Object { $_.Option | Should -BeLike 'AWS g6e.*'; $_.CostPerHourUsd | Should -Be (7.5 * $_.Instances); $_.Source | Should -Be '-PricePerHour' }
    }

    It 'prices the hardware piped in, planned or inventoried' {
        $onPrem = New-DeepSeekHardware -Gpu H100-SXM -GpuCount 8 | Get-DeepSeekCostEstimate -Model DeepSeek-R1-Distill-Qwen-7B -PurchasePrice 300000 -Provider Azure |
            Where-Object Provider -EQ 'OnPrem'
        $onPrem.GpuCount | Should -Be 8
        $onPrem.Replicas | Should -Be 8
        $onPrem.ThreeYearTcoUsd | Should -Be ([math]::Round(300000 + 3 * (5.6 * 8760 * 0.12), 4))
    }

    It 'sizes and prices an inventoried board at the power limit its driver enforces' {
        # Two RTX 4090s capped at 300 W (the capture says 450): prefill is power-limited, and the power bill uses 300 W.
        $bundle = New-GpuBundle -Path (Join-Path $TestDrive 'capped.facts.json')
        (Get-Content -LiteralPath $bundle -Raw).Replace('<current_power_limit>450.00 W</current_power_limit>', '<current_power_limit>300.00 W</current_power_limit>') |
            Set-Content -LiteralPath $bundle -NoNewline
        $inventory = Get-DeepSeekHardware -FactsPath $bundle -WarningAction SilentlyContinue
        $inventory.Gpus.PowerLimitWatts | Should -Be 300, 300

        foreach ($machine in $inventory, ($inventory | ConvertTo-Deserialized)) { # live, and as remoting hands it back
            $sizing = $machine | Get-DeepSeekSizing -Model DeepSeek-R1-Distill-Llama-8B -Precision FP16 -Engine llama.cpp -ContextLength 768 -PromptLength 512
            $sizing.Assumptions | Where-Object { $_ -like 'Power-limited: RTX-4090''s 300 W (the power limit nvidia-smi reports on this machine*' } | Should -HaveCount 1
        }
        $onPrem = $inventory | Get-DeepSeekCostEstimate -Model DeepSeek-R1-Distill-Llama-8B -HostOverheadWatts 0 -Utilization 1 | Where-Object Provider -EQ 'OnPrem'
        $onPrem.PowerWatts | Should -Be 600
        $onPrem.Source | Should -BeLike '300 W: the power limit nvidia-smi reports*'
    }

    It 'writes <ErrorId> for <Case>' -ForEach @(
        @{ Case = 'an unknown instance'; ErrorId = 'InstanceNotFound'; Arguments = @{ Model = 'DeepSeek-R1-Distill-Qwen-7B'; Instance = 'p9.mega' } }
        @{ Case = 'a context of zero'; ErrorId = 'InvalidContextLength'; Arguments = @{ Model = 'DeepSeek-V3'; ContextLength = 0 } }
        @{ Case = 'an unknown GPU'; ErrorId = 'GpuNotFound'; Arguments = @{ Model = 'DeepSeek-V3'; Gpu = 'Voodoo2' } }
        @{ Case = 'no instance of one provider fitting'; ErrorId = 'NoFittingOption'; Arguments = @{ Model = 'DeepSeek-V3'; Precision = 'BF16'; Instance = 'g6.xlarge' } }
    ) {
        $null = Get-DeepSeekCostEstimate @Arguments -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
    }

    It 'refuses rates out of range before any work' {
        { Get-DeepSeekCostEstimate -Model DeepSeek-V3 -PricePerKWh -1 } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
        { Get-DeepSeekCostEstimate -Model DeepSeek-V3 -Utilization 1.5 } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
    }

    It 'completes -Instance from the price list' {
        $line = 'Get-DeepSeekCostEstimate -Model DeepSeek-V3 -Instance p5'
        $completions = TabExpansion2 -inputScript $line -cursorColumn $line.Length
        $completions.CompletionMatches.CompletionText | Should -Contain 'p5.48xlarge'
    }
}
