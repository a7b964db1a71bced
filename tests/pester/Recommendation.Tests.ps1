# Get-DeepSeekRecommendation as a user runs it: the acceptance cases of the advice, read through the cmdlet.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
}

Describe 'Get-DeepSeekRecommendation' {
    It 'puts a configuration that fits first for DeepSeek-V3 on one 8 x H100 node, and why' {
        $advice = @(New-DeepSeekHardware -Gpu H100-SXM -GpuCount 8 -MemoryGB 2048 | Get-DeepSeekRecommendation -Model DeepSeek-V3)
        $advice[0].PSObject.TypeNames | Should -Contain 'DeepSeekHw.Recommendation'
        $advice[0].Priority | Should -Be 1
        $advice[0].Fits | Should -BeTrue
        $advice[0].Rationale | Should -Match 'As asked \(FP8 weights.*needs .* per GPU of a .* budget'
        $sized = Get-DeepSeekSizing -Model DeepSeek-V3 -Precision $advice[0].Configuration.Precision -Gpu H100-SXM -GpuCount 8
        $sized.Fits | Should -BeTrue
        @($advice | Where-Object Category -EQ 'Hardware').Title | Should -Contain '16 x H100-SXM run it as asked over 2 nodes'
    }

    It 'gives a 4-bit plan for the 32B distill on one RTX 4090 whose command lines match Get-DeepSeekSizing' {
        $plan = @(Get-DeepSeekRecommendation -Model DeepSeek-R1-Distill-Qwen-32B -Gpu RTX-4090 | Select-Object -First 2)
        $plan.Configuration.Engine | Should -Be 'vLLM', 'llama.cpp'
        foreach ($step in $plan) {
            $c = $step.Configuration
            $sizing = Get-DeepSeekSizing -Model $c.Model -Precision $c.Precision -Engine $c.Engine -Gpu RTX-4090 -GpuCount 1 -ContextLength $c.ContextLength -KvCacheType $c.KvCacheType -MemoryUtilization $(if ($c.Engine -eq 'vLLM') { $c.MemoryUtilization } else { $null })
            $sizing.Fits | Should -BeTrue
            $sizing.PerGpuBytes | Should -Be $c.PerGpuBytes
            $launch = Get-DeepSeekLaunchConfig -Model $c.Model -Precision $c.Precision -Engine $c.Engine -Gpu RTX-4090 -GpuCount 1 -ContextLength $c.ContextLength -KvCacheType $c.KvCacheType -MemoryUtilization $(if ($c.Engine -eq 'vLLM') { $c.MemoryUtilization } else { $null })
            $step.Action | Should -Be $launch.Text.TrimEnd("`n")
        }
        $plan[0].Action | Should -Match '--quantization awq_marlin'
        $plan[1].Action | Should -Match '^llama-server -m DeepSeek-R1-Distill-Qwen-32B-Q4_K_M\.gguf -c 8192'
    }

    It 'gives a CPU-only machine with 24 GiB a runnable distill with llama.cpp and its tokens/s' {
        $advice = @(New-DeepSeekHardware -MemoryGB 24 -CpuCores 8 | Get-DeepSeekRecommendation -Model DeepSeek-R1 -Category CpuInference)
        $advice[0].Configuration.Model | Should -Be 'DeepSeek-R1-Distill-Qwen-14B'
        $advice[0].Title | Should -Match 'runs on the CPU at about [0-9.]+ tokens/s'
        $advice[0].Action | Should -Match '-ngl 0$'
        $advice.Category | Sort-Object -Unique | Should -Be 'CpuInference'
    }

    It 'reads a named server CPU''s RAM at its platform''s channels, and a given figure over it' {
        # Two EPYC 9654 sockets: 24 channels of DDR5-4800, 921.6 GB/s, where an unnamed CPU is assumed at 409.6.
        $epyc = New-DeepSeekHardware -MemoryGB 1536 -CpuModel 'AMD EPYC 9654 96-Core Processor' -CpuSockets 2 -CpuCores 192
        $named = @($epyc | Get-DeepSeekRecommendation -Model DeepSeek-R1 -Category CpuInference)[0]
        $unnamed = @(New-DeepSeekHardware -MemoryGB 1536 -CpuSockets 2 -CpuCores 192 | Get-DeepSeekRecommendation -Model DeepSeek-R1 -Category CpuInference)[0]
        $given = @($epyc | Get-DeepSeekRecommendation -Model DeepSeek-R1 -Category CpuInference -CpuMemoryBandwidthGBps 409.6)[0]

        $epyc.Cpu.Model | Should -Be 'AMD EPYC 9654 96-Core Processor'
        $named.Configuration.Model | Should -Be 'DeepSeek-R1'
        $named.Rationale | Should -Match '921\.6 GB/s, the peak of 24 channel\(s\) at 4,800 MT/s: AMD EPYC 9004'
        $unnamed.Rationale | Should -Match 'an assumed 409\.6 GB/s'
        $named.Configuration.DecodeTokensPerSecond | Should -BeGreaterThan (1.8 * $unnamed.Configuration.DecodeTokensPerSecond)
        $given.Configuration.DecodeTokensPerSecond | Should -Be $unnamed.Configuration.DecodeTokensPerSecond
    }

    It 'answers readiness checks piped from another machine with their remedies' {
        $checks = New-DeepSeekHardware -Gpu H100-SXM -DriverVersion 470.82.01 -ComputerName gpu-old | Test-DeepSeekReadiness -Model DeepSeek-R1-Distill-Qwen-7B
        $advice = @($checks | Get-DeepSeekRecommendation -WarningVariable warned 3>$null)
        $advice.Category | Sort-Object -Unique | Should -Be 'Remedy'
        $advice.ComputerName | Sort-Object -Unique | Should -Be 'gpu-old'
        $advice.CheckId | Should -Contain 'Driver.NvidiaMinimum'
        $warned | Should -Match 'pipe its inventory'
    }

    It 'advises on each GPU option of a seed tier piped from Get-DeepSeekProfile' {
        $advice = @(Get-DeepSeekProfile -Name Basic-Recommended | Get-DeepSeekRecommendation -Model DeepSeek-R1-Distill-Qwen-14B)
        $machines = $advice.ComputerName | Sort-Object -Unique
        $machines | Should -Contain 'Basic-Recommended (1x A100-PCIe-40GB)'
        $machines | Should -Contain 'Basic-Recommended (2x RTX-3090)'
        ($advice | Where-Object ComputerName -EQ 'Basic-Recommended (2x RTX-3090)')[0].Configuration.Gpu | Should -Be 'RTX-3090'
    }

    It 'survives remoting serialization with its view' {
        $advice = Get-DeepSeekRecommendation -Model DeepSeek-R1-Distill-Qwen-7B -Gpu L4 | ConvertTo-Deserialized
        ($advice | Out-String -Width 120) | Should -Match 'Priority\s+Category\s+Title'
        $advice[0].Configuration | Should -Not -BeNullOrEmpty
    }

    It 'writes <ErrorId> for <Case>' -ForEach @(
        @{ Case = 'an unknown model'; ErrorId = 'ModelNotFound'; Arguments = @{ Model = 'DeepSeek-V9'; Gpu = 'L4' } }
        @{ Case = 'a concurrency of zero'; ErrorId = 'InvalidConcurrency'; Arguments = @{ Model = 'DeepSeek-V3'; Gpu = 'H100-SXM'; Concurrency = 0 } }
        @{ Case = 'an unknown GPU'; ErrorId = 'GpuNotFound'; Arguments = @{ Model = 'DeepSeek-V3'; Gpu = 'Voodoo2' } }
    ) {
        $null = Get-DeepSeekRecommendation @Arguments -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
    }

    It 'refuses what is not an inventory or readiness check' {
        $null = Get-DeepSeekModel -Name DeepSeek-V3 | Get-DeepSeekRecommendation -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'InputObjectNotSupported,*'
    }
}
