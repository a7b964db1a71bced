# The parallel layout as a user gives it: sized, checked and launched the same way by the three cmdlets.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
}

Describe 'Explicit layouts' {
    It 'sizes and launches DeepSeek-V3 with data-parallel attention on 8 H200s' {
        $layout = @{ Model = 'DeepSeek-V3'; Gpu = 'H200-SXM'; TensorParallel = 1; DataParallel = 8; DataParallelAttention = $true; Concurrency = 64; Engine = 'SGLang' }
        $sizing = Get-DeepSeekSizing @layout
        $sizing.GpuCount | Should -Be 8
        $sizing.DataParallel | Should -Be 8
        # Each rank keeps only its own sequences' latent cache; SGLang reserves more of each GPU for DP attention (0.769 of it
        # against 0.897 at TP 8), which still leaves room for more than twice the sequences.
        $sizing.MemoryUtilization | Should -BeLessThan 0.8
        $sizing.MaxConcurrency | Should -BeGreaterThan (2 * (Get-DeepSeekSizing -Model DeepSeek-V3 -Gpu H200-SXM -Concurrency 64 -Engine SGLang).MaxConcurrency)
        ($sizing | Out-String -Width 120) | Should -Match 'TP1xDP8'
        $launch = Get-DeepSeekLaunchConfig @layout
        $launch.Text | Should -Match '--tp 8 --dp 8 --enable-dp-attention --ep-size 8'
    }

    It 'checks the layout on the machine: two pipeline stages need twice the GPUs of one node' {
        $summary = New-DeepSeekHardware -Gpu H200-SXM -GpuCount 8 | Test-DeepSeekReadiness -Model DeepSeek-V3 -TensorParallel 8 -PipelineParallel 2 -Summary
        $summary.FailedChecks | Should -Contain 'GPU.Count'
        $fits = New-DeepSeekHardware -Gpu H200-SXM -GpuCount 8 | Test-DeepSeekReadiness -Model DeepSeek-V3 -TensorParallel 8 -IncludeCheck GPU.Memory, GPU.Count
        $fits.Status | Sort-Object -Unique | Should -Be 'Pass'
    }

    It 'writes InvalidLayout for <Case>' -ForEach @(
        @{ Case = 'a tensor-parallel degree that does not divide the heads'; Arguments = @{ TensorParallel = 3 } }
        @{ Case = 'a GPU count that is not the product'; Arguments = @{ TensorParallel = 8; GpuCount = 16 } }
    ) {
        $null = Get-DeepSeekSizing -Model DeepSeek-V3 -Gpu H200-SXM @Arguments -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'InvalidLayout,*'
    }
}
