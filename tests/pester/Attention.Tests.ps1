# Transformers' attention implementation: eager attention holds the whole prompt's scores, the fused kernels do not.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
}

Describe 'Get-DeepSeekSizing -AttentionImplementation' {
    It 'sizes eager attention with the score matrix and says so' {
        $common = @{ Model = 'DeepSeek-R1-Distill-Qwen-7B'; Gpu = 'H100-SXM'; Engine = 'Transformers'; ContextLength = 8192 }
        $eager = Get-DeepSeekSizing @common -AttentionImplementation Eager
        $sdpa = Get-DeepSeekSizing @common
        $sdpa.AttentionImplementation | Should -Be 'Sdpa'
        $eager.AttentionImplementation | Should -Be 'Eager'
        ($eager.ActivationBytes - $sdpa.ActivationBytes) | Should -Be (28L * 8192 * 8192 * 8)
        $eager.Assumptions -join ' ' | Should -Match 'eager, which holds one layer''s scores'
    }

    It 'writes AttentionImplementationNotSupported for a serving engine' {
        $null = Get-DeepSeekSizing -Model DeepSeek-R1-Distill-Qwen-7B -Gpu H100-SXM -Engine vLLM -AttentionImplementation Eager -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'AttentionImplementationNotSupported,*'
    }

    It 'checks a machine with it' {
        $check = New-DeepSeekHardware -Gpu L4 | Test-DeepSeekReadiness -Model DeepSeek-R1-Distill-Qwen-1.5B -Engine Transformers -ContextLength 16384 -AttentionImplementation Eager -IncludeCheck GPU.Memory
        $check.Status | Should -Be 'Fail'
        (New-DeepSeekHardware -Gpu L4 | Test-DeepSeekReadiness -Model DeepSeek-R1-Distill-Qwen-1.5B -Engine Transformers -ContextLength 16384 -IncludeCheck GPU.Memory).Status | Should -Be 'Pass'
    }
}

Describe '-MultiTokenPrediction' {
    It 'sizes, checks and launches MTP drafting for DeepSeek-R1 on 8 H200s' {
        $common = @{ Model = 'DeepSeek-R1-0528'; Gpu = 'H200-SXM'; GpuCount = 8; Engine = 'SGLang'; ContextLength = 4096 }
        $mtp = Get-DeepSeekSizing @common -MultiTokenPrediction
        $plain = Get-DeepSeekSizing @common
        $mtp.MultiTokenPrediction | Should -BeTrue
        $mtp.DecodeTokensPerSecond | Should -BeGreaterThan (1.5 * $plain.DecodeTokensPerSecond)
        (Get-DeepSeekLaunchConfig @common -MultiTokenPrediction).Text | Should -Match '--speculative-algorithm EAGLE'
        (New-DeepSeekHardware -Gpu H200-SXM -GpuCount 8 | Test-DeepSeekReadiness -Model DeepSeek-R1-0528 -Engine SGLang -MultiTokenPrediction -IncludeCheck GPU.Memory).Status | Should -Be 'Pass'
    }

    It 'writes MultiTokenPredictionNotSupported for a model without an MTP layer' {
        $null = Get-DeepSeekSizing -Model DeepSeek-R1-Distill-Qwen-7B -Gpu H100-SXM -MultiTokenPrediction -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'MultiTokenPredictionNotSupported,*'
    }
}
