# Tab completion as the shell asks for it (TabExpansion2).
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    function Complete([string] $Line) {
        (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches.CompletionText
    }
}

Describe 'Tab completion' {
    It 'completes <Line>' -ForEach @(
        @{ Line = 'Get-DeepSeekSizing -Model DeepSeek-R1-Distill-Qwen-'; Expect = 'DeepSeek-R1-Distill-Qwen-7B' }
        @{ Line = 'Get-DeepSeekSizing -Model V3 -Gpu H10'; Expect = 'H100-SXM' }
        @{ Line = 'Get-DeepSeekSizing -Model V3 -Precision Q4'; Expect = 'Q4_K_M' }
        @{ Line = 'Test-DeepSeekReadiness -Profile Pro'; Expect = 'Pro-Distributed' }
        @{ Line = 'Test-DeepSeekReadiness -Model V3 -IncludeCheck GPU.'; Expect = 'GPU.Memory' }
        @{ Line = 'New-DeepSeekHardware -Gpu MI3'; Expect = 'MI300X' }
        @{ Line = 'Get-DeepSeekGpuSpec -Name RTX-40'; Expect = 'RTX-4090' }
        @{ Line = 'Get-DeepSeek'; Expect = 'Get-DeepSeekSizing' }
        @{ Line = 'Get-DeepSeekSizing -Model V3 -Engine ll'; Expect = 'llama.cpp' }
        @{ Line = 'Test-DeepSeekReadiness -Model V3 -Engine SG'; Expect = 'SGLang' }
    ) {
        Complete $Line | Should -Contain $Expect
    }

    It 'refuses an engine engines.json does not describe, naming the ones it does' {
        { Get-DeepSeekSizing -Model DeepSeek-V3 -Engine TensorRT -ErrorAction Stop } | Should -Throw -ExpectedMessage '*vLLM, SGLang, llama.cpp, Ollama, Transformers*'
    }

    It 'quotes a completion that holds a space and survives a bracket in the word' {
        { Complete 'Get-DeepSeekModel -Name [' } | Should -Not -Throw
    }
}
