# Output does not depend on the user's culture: a German system writes the same numbers.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
}

Describe 'Under de-DE' {
    BeforeAll {
        $saved = [System.Globalization.CultureInfo]::CurrentCulture
        [System.Globalization.CultureInfo]::CurrentCulture = 'de-DE'
    }

    AfterAll {
        [System.Globalization.CultureInfo]::CurrentCulture = $saved
    }

    It 'writes readiness text with invariant decimals' {
        $check = New-DeepSeekHardware -Gpu H100-SXM | Test-DeepSeekReadiness -Model DeepSeek-R1-Distill-Qwen-7B -IncludeCheck GPU.Memory
        $check.Actual + $check.Expected | Should -Not -Match '\d,\d'
        $check.Actual | Should -Match '\d\.\d GiB'
    }

    It 'reads catalog numbers the same' {
        (Get-DeepSeekGpuSpec -Name H100-SXM).DenseBf16Tflops | Should -Be 989.4
        (Get-DeepSeekSizing -Model DeepSeek-V3 -Gpu H200).Fits | Should -BeTrue
    }
}
