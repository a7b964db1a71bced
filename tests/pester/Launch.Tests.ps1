# Get-DeepSeekLaunchConfig as a user runs it: the same inputs as Get-DeepSeekSizing give the same numbers.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
}

Describe 'Get-DeepSeekLaunchConfig' {
    It 'launches what Get-DeepSeekSizing sized: <Model> <Precision> on <Gpu> with <Engine>' -ForEach @(
        @{ Model = 'DeepSeek-V3'; Precision = 'Native'; Gpu = 'H200-SXM'; Engine = 'vLLM'; Context = 32768 }
        @{ Model = 'DeepSeek-R1-Distill-Qwen-32B'; Precision = 'AWQ_INT4'; Gpu = 'RTX-4090'; Engine = 'vLLM'; Context = 16384 }
        @{ Model = 'DeepSeek-R1-Distill-Llama-70B'; Precision = 'FP8'; Gpu = 'L40S'; Engine = 'SGLang'; Context = 8192 }
        @{ Model = 'DeepSeek-R1-Distill-Qwen-32B'; Precision = 'Q4_K_M'; Gpu = 'RTX-4090'; Engine = 'llama.cpp'; Context = 8192 }
    ) {
        $common = @{ Model = $Model; Precision = $Precision; Gpu = $Gpu; Engine = $Engine; ContextLength = $Context; Concurrency = 2 }
        $sizing = Get-DeepSeekSizing @common
        $launch = Get-DeepSeekLaunchConfig @common

        $launch.PSObject.TypeNames | Should -Contain 'DeepSeekHw.Launch.LaunchConfig'
        $launch.GpuCount | Should -Be $sizing.GpuCount
        $launch.TensorParallel | Should -Be $sizing.TensorParallel
        $launch.PipelineParallel | Should -Be $sizing.PipelineParallel
        $launch.ContextLength | Should -Be $sizing.ContextLength
        $launch.Concurrency | Should -Be $sizing.Concurrency
        $launch.Fits | Should -Be $sizing.Fits
        $launch.Text | Should -Match ([regex]::Escape($launch.Arguments[0]))
        ($launch | Out-String -Width 120) | Should -Match 'Text'
    }

    It 'takes the hardware from the pipeline, planned or inventoried' {
        $launch = New-DeepSeekHardware -Gpu L40S -GpuCount 2 | Get-DeepSeekLaunchConfig -Model DeepSeek-R1-Distill-Llama-70B -Precision FP8 -Engine SGLang
        $launch.GpuCount | Should -Be 2
        $launch.Arguments | Should -Contain '--tp'
    }

    It "plans Ollama at the num_ctx Ollama picks itself on the hardware it is given" {
        # One 24 GB card: Ollama's automatic 32k does not fit a 32B Q4_K_M with its cache, so it steps down to 4k.
        $hardware = New-DeepSeekHardware -Gpu RTX-4090 -GpuCount 1
        $sizing = $hardware | Get-DeepSeekSizing -Model DeepSeek-R1-Distill-Qwen-32B -Precision Q4_K_M -Engine Ollama
        $launch = $hardware | Get-DeepSeekLaunchConfig -Model DeepSeek-R1-Distill-Qwen-32B -Precision Q4_K_M -Engine Ollama

        $sizing.ContextLength | Should -Be 4096
        $sizing.Assumptions[0] | Should -Match 'lowered to 4,096 as it does when that does not fit'
        $launch.ContextLength | Should -Be 4096
        $launch.Text | Should -Match '(?m)^PARAMETER num_ctx 4096$'
    }

    It 'sizes and launches the file `ollama run` pulls when no precision is given' {
        # deepseek-r1:7b is the Q4_K_M file (4.7 GB), not the 15 GB BF16 release; the Modelfile pulls that same tag.
        $sizing = Get-DeepSeekSizing -Model deepseek-r1:7b -Engine Ollama -Gpu RTX-4090 -GpuCount 1
        $launch = Get-DeepSeekLaunchConfig -Model deepseek-r1:7b -Engine Ollama -Gpu RTX-4090 -GpuCount 1

        $sizing.Precision | Should -Be 'Q4_K_M'
        $sizing.WeightBytes | Should -BeLessThan 5GB
        @($sizing.Assumptions -match '^Precision: Q4_K_M, the file .ollama run deepseek-r1:7b. pulls').Count | Should -Be 1
        $launch.Text | Should -Match '(?m)^FROM deepseek-r1:7b$'
        (Get-DeepSeekModel deepseek-r1:7b).OllamaTagPrecision | Should -Be 'Q4_K_M'
    }

    It 'writes a Kubernetes Deployment for kubectl' {
        $manifest = Get-DeepSeekLaunchConfig -Model DeepSeek-R1-Distill-Qwen-7B -Gpu L4 -Kubernetes
        $manifest.Kind | Should -Be 'Kubernetes'
        $manifest.Text | Should -Match '(?m)^kind: Deployment$'
        $manifest.Text | Should -Match '(?m)^\s+nvidia\.com/gpu: 1$'
    }

    It 'refuses Transformers, a library with no server, with the engine error id' {
        Get-DeepSeekLaunchConfig -Model DeepSeek-R1-Distill-Qwen-7B -Gpu L4 -Engine Transformers -ErrorVariable refused -ErrorAction SilentlyContinue
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'UnknownEngine,*'
    }
}
