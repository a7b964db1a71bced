# Sizing a GGUF file the user has: only its header is read, and the weights come out to the byte.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')

    # A two-block qwen2-shaped Q4_K_M file: width 256, 2 heads of 128, 1 KV head, FFN 512, vocab 64.
    function New-TinyGguf([string] $Path) {
        $stream = [IO.File]::Create($Path)
        $w = [IO.BinaryWriter]::new($stream)
        function Str([string] $s) { $b = [Text.Encoding]::UTF8.GetBytes($s); $w.Write([long]$b.Length); $w.Write($b) }
        $meta = [ordered]@{ 'general.architecture' = 'qwen2'; 'qwen2.block_count' = 2; 'qwen2.embedding_length' = 256; 'qwen2.feed_forward_length' = 512
            'qwen2.attention.head_count' = 2; 'qwen2.attention.head_count_kv' = 1; 'qwen2.context_length' = 4096; 'general.file_type' = 15 }
        $tensors = [Collections.Generic.List[object]]::new()
        function T([string] $name, [int] $type, [long[]] $shape) {
            $rows = 1; foreach ($d in $shape[1..($shape.Count)]) { if ($null -ne $d) { $rows *= $d } }
            $bytes = switch ($type) { 0 { $shape[0] * 4 * $rows } 12 { $shape[0] / 256 * 144 * $rows } 14 { $shape[0] / 256 * 210 * $rows } }
            $tensors.Add([pscustomobject]@{ Name = $name; Type = $type; Shape = $shape; Bytes = [long]$bytes })
        }
        T 'token_embd.weight' 12 @(256, 64); T 'output_norm.weight' 0 @(256); T 'output.weight' 14 @(256, 64)
        foreach ($i in 0, 1) {
            T "blk.$i.attn_q.weight" 12 @(256, 256); T "blk.$i.attn_k.weight" 12 @(256, 128); T "blk.$i.attn_v.weight" 14 @(256, 128)
            T "blk.$i.attn_output.weight" 12 @(256, 256); T "blk.$i.ffn_gate.weight" 12 @(256, 512); T "blk.$i.ffn_up.weight" 12 @(256, 512)
            T "blk.$i.ffn_down.weight" 14 @(512, 256); T "blk.$i.attn_norm.weight" 0 @(256); T "blk.$i.ffn_norm.weight" 0 @(256)
        }
        $w.Write([uint32]0x46554747); $w.Write([uint32]3); $w.Write([long]$tensors.Count); $w.Write([long]$meta.Count)
        foreach ($k in $meta.Keys) {
            Str $k
            if ($meta[$k] -is [string]) { $w.Write([uint32]8); Str $meta[$k] } else { $w.Write([uint32]4); $w.Write([uint32]$meta[$k]) }
        }
        $offset = 0L
        foreach ($t in $tensors) {
            Str $t.Name; $w.Write([uint32]$t.Shape.Count); foreach ($d in $t.Shape) { $w.Write([long]$d) }
            $w.Write([uint32]$t.Type); $w.Write([long]$offset); $offset += [long]([math]::Ceiling($t.Bytes / 32) * 32)
        }
        $w.Flush(); $w.Write([byte[]]::new((32 - $stream.Length % 32) % 32)); $w.Write([byte[]]::new($offset)); $w.Dispose()
        ($tensors | Measure-Object -Property Bytes -Sum).Sum
    }
}

Describe 'Get-DeepSeekSizing -GgufPath' {
    It 'sizes the file from its header: exact tensor bytes, architecture, file type and llama.cpp' {
        $path = Join-Path $TestDrive 'tiny [q4].gguf'
        $bytes = New-TinyGguf $path
        $estimate = Get-DeepSeekSizing -GgufLiteralPath $path -ContextLength 2048
        $estimate.WeightBytes | Should -Be $bytes
        $estimate.Precision | Should -Be 'Q4_K_M'
        $estimate.Engine | Should -Be 'llama.cpp'
        $estimate.Assumptions -join ' ' | Should -Match 'read from the header of tiny \[q4\]\.gguf'
        $estimate.KvCacheBytes | Should -Be (2 * 2 * 1 * 128 * 2 * 2048)
        Get-DeepSeekSizing -GgufPath (Join-Path $TestDrive 'tiny*.gguf') | Select-Object -ExpandProperty WeightBytes | Should -Be $bytes
    }

    It 'writes <Id> for <Case>' -ForEach @(
        @{ Case = 'a file that is not GGUF'; Id = 'InvalidGgufFile'; Content = 'not a gguf file at all'; Model = $null }
        @{ Case = 'a file for another model than -Model'; Id = 'GgufModelMismatch'; Content = $null; Model = 'DeepSeek-R1-Distill-Qwen-7B' }
    ) {
        $path = Join-Path $TestDrive "case-$Id.gguf"
        if ($Content) { Set-Content -LiteralPath $path -Value $Content } else { $null = New-TinyGguf $path }
        $extra = if ($Model) { @{ Model = $Model } } else { @{} }
        $null = Get-DeepSeekSizing -GgufLiteralPath $path @extra -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike "$Id,*"
        $failures[0].TargetObject | Should -Be $path
    }

    It 'sizes every GGUF type the product names, ordered by bits' {
        $types = 'Q8_0', 'Q6_K', 'Q5_K_M', 'Q4_K_M', 'IQ4_XS', 'Q3_K_M', 'IQ2_XXS', 'IQ1_S'
        $sizes = Get-DeepSeekSizing -Model DeepSeek-R1-Distill-Qwen-32B -Precision $types -Engine llama.cpp | Select-Object -ExpandProperty WeightBytes
        $sizes | Should -Be ($sizes | Sort-Object -Descending)
    }
}
