# Export-DeepSeekReport: the report people read, rendered by a real browser (headless Chromium) and checked in its DOM.
BeforeDiscovery {
    $browser = Get-Command chromium, chromium-browser, google-chrome -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    $noBrowser = -not $browser
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    # Debian's /usr/bin/chromium is a wrapper script that loses stdout under PowerShell; the binary it runs does not.
    $browser = if (Test-Path /usr/lib/chromium/chromium) { '/usr/lib/chromium/chromium' } else { (Get-Command chromium, chromium-browser, google-chrome -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1).Source }
    function ConvertTo-FileUri([string] $Path) { 'file://' + (($Path -split '/' | ForEach-Object { [uri]::EscapeDataString($_) }) -join '/') }
    function Invoke-Browser([string[]] $Arguments) {
        $userData = Join-Path $TestDrive ('chrome-' + [guid]::NewGuid().ToString('N'))
        & $browser --headless --no-sandbox --disable-gpu --hide-scrollbars "--user-data-dir=$userData" @Arguments 2>$null
    }

    # A hostile machine name travels from a bundle into the report: it must arrive as text.
    $hostile = '<img src=x onerror=alert(1)>'
    $bundle = Join-Path $TestDrive 'hostile.facts.json'
    (Get-Content -LiteralPath $CpuOnlyBundle -Raw) -replace '"computerName": *"[^"]*"', ('"computerName": "' + $hostile + '"') | Set-Content -LiteralPath $bundle
    $gpuBundle = New-GpuBundle -Path (Join-Path $TestDrive 'gpu.facts.json')
    $fleet = Get-DeepSeekHardware -LiteralPath $bundle, $gpuBundle -WarningAction SilentlyContinue
    $results = @(
        $fleet
        $fleet | Test-DeepSeekReadiness -Model DeepSeek-R1-Distill-Qwen-7B -Precision AWQ_INT4
        $fleet | Test-DeepSeekReadiness -Model DeepSeek-R1-Distill-Qwen-32B -Precision AWQ_INT4 -Summary
    )
    $html = Join-Path $TestDrive 'fleet report.html'
    $results | Export-DeepSeekReport -LiteralPath $html -Title 'Fleet & <friends>'
}

Describe 'Export-DeepSeekReport' {
    It 'writes one self-contained HTML file: no script, nothing fetched' {
        $text = Get-Content -LiteralPath $html -Raw
        $text | Should -Match '^<!DOCTYPE html>'
        $text | Should -Not -Match '<script|<link|@import|url\('
        ([regex]::Matches($text, 'https?://') | Where-Object { $_.Index -ne $text.IndexOf('http://www.w3.org/2000/svg') }).Count | Should -Be 0
    }

    It 'renders in Chromium with a row per machine and model, a bar per row with memory, and the verdicts per model' -Skip:$noBrowser {
        $dom = (Invoke-Browser '--dump-dom', (ConvertTo-FileUri $html)) -join "`n"

        $dom | Should -Match '<title>Fleet &amp; &lt;friends&gt;</title>'
        ([regex]::Matches($dom, '<tr data-verdict=')).Count | Should -Be 4   # 2 machines x 2 models
        ([regex]::Matches($dom, '<g class="bar"')).Count | Should -Be 3   # not the CPU-only machine's 7B row: no GPU memory, no requirement known
        ([regex]::Matches($dom, '<div class="card" data-target=')).Count | Should -Be 2
        $dom | Should -Match 'data-target="DeepSeek-R1-Distill-Qwen-32B"'
        $dom | Should -Not -Match '<img'                                     # the hostile name stayed text
        $dom | Should -Match '&lt;img src=x onerror=alert\(1\)&gt;'
    }

    It 'screenshots as a page of substance' -Skip:$noBrowser {
        $png = Join-Path $TestDrive 'report.png'
        Invoke-Browser '--window-size=1200,1400', "--screenshot=$png", (ConvertTo-FileUri $html) | Out-Null
        Test-Path -LiteralPath $png | Should -BeTrue
        $bytes = [IO.File]::ReadAllBytes($png)
        [BitConverter]::ToString($bytes, 0, 4) | Should -Be '89-50-4E-47'     # PNG
        $bytes.Length | Should -BeGreaterThan 20000                          # more than a blank page
    }

    It 'writes Markdown for a .md file, with the same tables' {
        $md = Join-Path $TestDrive 'fleet.md'
        $results | Export-DeepSeekReport -Path $md
        $text = Get-Content -LiteralPath $md -Raw
        $text | Should -Match '(?m)^# DeepSeek readiness report$'
        $text | Should -Match '(?m)^\| DeepSeek-R1-Distill-Qwen-32B \| \d+ \| \d+ \| \d+ \|$'
        $text | Should -Match '\\<img src=x onerror=alert\(1\)\\>'
        ([regex]::Matches($text, '(?m)^\| (gpu-node-07|\\<img)')).Count | Should -Be 4
    }

    It 'takes results that went through Export-Clixml' {
        $clixml = Join-Path $TestDrive 'results.clixml'
        $results | Export-Clixml -LiteralPath $clixml
        $back = Join-Path $TestDrive 'back.html'
        Import-Clixml -LiteralPath $clixml | Export-DeepSeekReport -LiteralPath $back
        ([regex]::Matches((Get-Content -LiteralPath $back -Raw), '<tr data-verdict=')).Count | Should -Be 4
    }
}
