# The script sent to remote nodes is generated from the module's sources table and redaction rules: run here, it must
# produce the same sources as the module's own collector, and redact exactly as the module does.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script = [DeepSeekHw.Collection.RemoteCollector]::Script
    $tokens = $errors = $null
    $ast = [System.Management.Automation.Language.Parser]::ParseInput($script, [ref]$tokens, [ref]$errors)

    # The redaction half of the script, on its own: the $Redaction patterns and the two functions that apply them.
    $pieces = $ast.FindAll({
            param($node)
            ($node -is [System.Management.Automation.Language.FunctionDefinitionAst] -and $node.Name -in 'Protect-Text', 'Get-Hash') -or
            ($node -is [System.Management.Automation.Language.AssignmentStatementAst] -and $node.Left.Extent.Text -eq '$Redaction')
        }, $true)
    . ([scriptblock]::Create(($pieces | ForEach-Object { $_.Extent.Text }) -join "`n"))
    $IncludeIdentifier = $false
}

Describe 'The remote collector script' {
    It 'parses, in the PowerShell language that Windows PowerShell 5.1 also speaks' {
        $errors | Should -BeNullOrEmpty
        $script | Should -Not -Match '\?\?|\?\.|ForEach-Object -Parallel|&&|\|\|' # no 7-only operators
    }

    It 'is generated from the sources table: every row''s id is in it' {
        foreach ($row in [DeepSeekHw.Facts.FactSourceTable]::Linux + [DeepSeekHw.Facts.FactSourceTable]::Windows) {
            $script | Should -Match ([regex]::Escape(($row.Id -replace "'", "''")))
        }
    }

    It 'collects the same sources as the module''s collector, with the same content where the machine holds still' -Skip:(-not $IsLinux) {
        $remote = [DeepSeekHw.Facts.FactBundleJson]::Read((& ([scriptblock]::Create($script)) -TimeoutSec 15))
        $local = [DeepSeekHw.Collection.FactCollector]::Collect([DeepSeekHw.Collection.CollectorOptions]::new())

        ($remote.Sources.Id | Sort-Object) | Should -Be ($local.Sources.Id | Sort-Object)
        foreach ($source in $local.Sources) {
            $other = $remote.Get($source.Id)
            $other.Status | Should -Be $source.Status -Because $source.Id
            $other.ExitCode | Should -Be $source.ExitCode -Because $source.Id
        }

        $still = '/etc/os-release', '/proc/sys/kernel/osrelease', 'lsblk -J -b -o NAME,TYPE,SIZE,ROTA,TRAN,MODEL,RM', '/sys/fs/cgroup/memory.max'
        $still += $local.Sources.Id | Where-Object { $_ -match '^/sys/class/net/[^/]+/(type|mtu)$|^/sys/block/' }
        foreach ($id in $still | Where-Object { $local.Get($_) }) {
            $remote.Get($id).Output | Should -BeExactly $local.Get($id).Output -Because $id
        }
    }

    It 'redacts exactly as the module does: <Name>' -ForEach @(
        @{ Name = 'a GPU process list, serial and UUID'; Text = '<gpu><serial>1650123456789</serial><uuid>GPU-8f1e2d3c-aaaa-bbbb-cccc-0123456789ab</uuid><processes><process_info><pid>42</pid><process_name>python serve.py --hf-token=hf_PlantedSecretToken0123456789</process_name></process_info></processes></gpu>' }
        @{ Name = 'rocm-smi identifiers'; Text = '{"card0": {"Serial Number": "692231000131", "Unique ID": "0x2150e7d042a1124", "Card series": "MI100", "PID4242": "python"}}' }
        @{ Name = 'CIM owners and MAC addresses'; Text = '[{"UserName":"CORP\\alice","PrimaryOwnerName":"Alice","MACAddress":"00:11:22:33:44:55","NetworkAddresses":["001122334455"],"Name":"gpu01"}]' }
        @{ Name = 'amd-smi serial lines'; Text = "ASIC:`n        ASIC_SERIAL: 0x7E8F7E20764E2714`n        MARKET_NAME: MI300A`n" }
        @{ Name = 'home paths and credentials'; Text = "/home/alice/models 1000 500 /home/alice`nexport HF_TOKEN=hf_abcdefghijklmnopqrstu`napi_key: sk-proj-abcdefghijklmnop1234 AKIA0123456789ABCDEF" }
        @{ Name = 'text with nothing to hide'; Text = "MemTotal:       65536000 kB`nMemAvailable:   60000000 kB`n" }
    ) {
        Protect-Text $Text | Should -BeExactly ([DeepSeekHw.Collection.FactRedaction]::Text($Text))
    }
}
