# Export-DeepSeekMetric: what node_exporter's textfile collector reads, checked by Prometheus's own promtool.
BeforeDiscovery {
    $noPromtool = -not (Get-Command promtool -CommandType Application -ErrorAction SilentlyContinue)
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $inventory = Get-DeepSeekHardware -FactsPath $CpuOnlyBundle -WarningAction SilentlyContinue
    $gpu = Get-DeepSeekHardware -FactsPath (New-GpuBundle -Path (Join-Path $TestDrive 'gpu.facts.json')) -WarningAction SilentlyContinue
    $results = @(
        $inventory, $gpu
        $inventory, $gpu | Test-DeepSeekReadiness -Model DeepSeek-R1-Distill-Qwen-7B -Summary
        $gpu | Test-DeepSeekReadiness -Model DeepSeek-R1-Distill-Qwen-7B
        $gpu | Test-DeepSeekReadiness -Profile Pro -Summary
    )
}

Describe 'Export-DeepSeekMetric' {
    It 'writes metrics promtool accepts' -Skip:$noPromtool {
        $path = Join-Path $TestDrive 'ok.prom'
        $results | Export-DeepSeekMetric -Path $path
        $lint = Get-Content -LiteralPath $path -Raw | promtool check metrics 2>&1
        $LASTEXITCODE | Should -Be 0 -Because ($lint -join "`n")
    }

    It 'writes the verdict, each check, each GPU and the run time' {
        $path = Join-Path $TestDrive 'all.prom'
        $results | Export-DeepSeekMetric -Path $path
        $text = Get-Content -LiteralPath $path -Raw

        $text | Should -Match '(?m)^deepseekhw_ready\{computer="gpu-node-07",model="DeepSeek-R1-Distill-Qwen-7B",target="[^"]+"\} [01]$'
        $text | Should -Match '(?m)^deepseekhw_ready\{computer="gpu-node-07",profile="Pro",target="Pro"\} [01]$'
        $text | Should -Match '(?m)^deepseekhw_check_status\{computer="gpu-node-07",model="DeepSeek-R1-Distill-Qwen-7B",target="[^"]+",check="GPU.Memory",category="GPU"\} (0|1|2|3|-1)$'
        $text | Should -Match '(?m)^deepseekhw_gpu_memory_bytes\{computer="gpu-node-07",index="1",name="NVIDIA GeForce RTX 4090"\} \d+$'
        $text | Should -Match '(?m)^deepseekhw_last_run_timestamp_seconds \d+(\.\d+)?$'
        ([regex]::Matches($text, '(?m)^# TYPE deepseekhw_ready gauge$')).Count | Should -Be 1
    }

    It 'takes results that went through Export-Clixml' {
        $clixml = Join-Path $TestDrive 'results.clixml'
        $results | Export-Clixml -LiteralPath $clixml
        $path = Join-Path $TestDrive 'back.prom'
        Import-Clixml -LiteralPath $clixml | Export-DeepSeekMetric -Path $path
        (Get-Content -LiteralPath $path -Raw) | Should -BeExactly ((Get-Content -LiteralPath (Join-Path $TestDrive 'all.prom') -Raw) -replace '(?m)^deepseekhw_last_run_timestamp_seconds .*$', (Get-Content -LiteralPath $path | Select-Object -Last 1))
    }

    It 'refuses an object of another kind with an error, and writes the rest' {
        $path = Join-Path $TestDrive 'mixed.prom'
        @($results[0], (Get-DeepSeekModel -Name DeepSeek-V3)) | Export-DeepSeekMetric -Path $path -ErrorVariable bad -ErrorAction SilentlyContinue
        $bad[0].FullyQualifiedErrorId | Should -BeLike 'InputObjectNotSupported,*'
        Get-Content -LiteralPath $path -Raw | Should -Match 'deepseekhw_gpus'
    }

    It 'honours -WhatIf and -NoClobber' {
        $path = Join-Path $TestDrive 'guarded.prom'
        $results | Export-DeepSeekMetric -Path $path -WhatIf
        Test-Path -LiteralPath $path | Should -BeFalse
        $results | Export-DeepSeekMetric -Path $path
        $results | Export-DeepSeekMetric -Path $path -NoClobber -ErrorVariable refused -ErrorAction SilentlyContinue
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'ReportFileExists,*'
    }
}
