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

Describe 'Get-DeepSeekSizing -PromptLength' {
    It 'sizes the prefill of the prompt and the KV cache of the whole context' {
        $common = @{ Model = 'DeepSeek-R1-Distill-Qwen-7B'; Precision = 'BF16'; Gpu = 'A100-SXM4-80GB'; Engine = 'Transformers'; ContextLength = 8192 }
        $short = Get-DeepSeekSizing @common -PromptLength 1024
        $long = Get-DeepSeekSizing @common -PromptLength 6144
        $whole = Get-DeepSeekSizing @common
        $long.PromptLength | Should -Be 6144
        $whole.PromptLength | Should -Be 8192
        $long.KvCacheBytes | Should -Be $short.KvCacheBytes
        $long.ActivationBytes | Should -BeGreaterThan $short.ActivationBytes
        $whole.ActivationBytes | Should -BeGreaterThan $long.ActivationBytes
        $long.TimeToFirstTokenSeconds | Should -BeGreaterThan $short.TimeToFirstTokenSeconds
        $long.Assumptions -join ' ' | Should -Match 'a prompt of 6,144 tokens'
    }

    It 'writes InvalidPromptLength for a prompt longer than the context' {
        $null = Get-DeepSeekSizing -Model DeepSeek-R1-Distill-Qwen-7B -ContextLength 4096 -PromptLength 4097 -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'InvalidPromptLength,*'
        $failures[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
    }

    It 'gives the recommendation''s time to first token for the prompt served' {
        $short = Get-DeepSeekRecommendation -Model DeepSeek-R1-Distill-Qwen-7B -Gpu RTX-4090 -ContextLength 8192 -PromptLength 1024 | Select-Object -First 1
        $whole = Get-DeepSeekRecommendation -Model DeepSeek-R1-Distill-Qwen-7B -Gpu RTX-4090 -ContextLength 8192 | Select-Object -First 1
        $short.Configuration.PromptLength | Should -Be 1024
        $short.Configuration.TimeToFirstTokenSeconds | Should -BeLessThan $whole.Configuration.TimeToFirstTokenSeconds
        $short.ExpectedEffect | Should -Match 'for a 1,024-token prompt'
        $whole.ExpectedEffect | Should -Match 'for a full prompt'
    }

    It 'checks a machine for the prompt it will serve, not only the whole context' {
        $common = @{ Model = 'DeepSeek-R1-Distill-Qwen-7B'; Precision = 'BF16'; Engine = 'Transformers'; ContextLength = 57344; IncludeCheck = 'GPU.Memory' }
        (New-DeepSeekHardware -Gpu RTX-4090 | Test-DeepSeekReadiness @common).Status | Should -Be 'Fail'
        (New-DeepSeekHardware -Gpu RTX-4090 | Test-DeepSeekReadiness @common -PromptLength 2048).Status | Should -Be 'Pass'
        $null = New-DeepSeekHardware -Gpu RTX-4090 | Test-DeepSeekReadiness -Model DeepSeek-R1-Distill-Qwen-7B -ContextLength 1024 -PromptLength 4096 -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'InvalidPromptLength,*'
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

    It 'drafts several tokens a step with -SpeculativeTokens, which implies -MultiTokenPrediction' {
        $common = @{ Model = 'DeepSeek-R1-0528'; Gpu = 'H200-SXM'; GpuCount = 8; Engine = 'SGLang'; ContextLength = 4096 }
        $three = Get-DeepSeekSizing @common -SpeculativeTokens 3
        $one = Get-DeepSeekSizing @common -MultiTokenPrediction
        $three.MultiTokenPrediction | Should -BeTrue
        $three.SpeculativeTokens | Should -Be 3
        $three.DecodeTokensPerSecondPerSequence | Should -BeGreaterThan $one.DecodeTokensPerSecondPerSequence
        (Get-DeepSeekLaunchConfig @common -SpeculativeTokens 3).Text | Should -Match '--speculative-num-steps 3 --speculative-eagle-topk 1 --speculative-num-draft-tokens 4'
        { Get-DeepSeekSizing @common -SpeculativeTokens 4 -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
    }

    It 'writes MultiTokenPredictionNotSupported for a model without an MTP layer' {
        $null = Get-DeepSeekSizing -Model DeepSeek-R1-Distill-Qwen-7B -Gpu H100-SXM -MultiTokenPrediction -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'MultiTokenPredictionNotSupported,*'
    }
}
