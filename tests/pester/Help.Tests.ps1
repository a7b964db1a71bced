# Every cmdlet's help, and every help example run as a user would paste it.
BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $cmdlets = (Get-Command -Module DeepSeekHw -CommandType Cmdlet).Name | ForEach-Object { @{ Name = $_ } }

    # Examples that cannot run on a machine without the remote servers they name.
    $notRunnableHere = @{
        'Get-DeepSeekHardware#4'   = 'needs SSH remoting to servers gpu01 and gpu02 (Fleet.Tests.ps1 runs it against loopback nodes)'
        'Get-DeepSeekHardware#5'   = 'needs WinRM remoting to the servers in gpu-nodes.txt'
        'Export-DeepSeekReport#3'  = 'needs SSH remoting to the servers in gpu-nodes.txt'
        'Get-DeepSeekSizing#8'     = 'needs a GGUF file on disk (Gguf.Tests.ps1 writes one and sizes it)'
        'Test-DeepSeekReadiness#2' = 'needs WinRM remoting to the servers in gpu-nodes.txt (Fleet.Tests.ps1 runs it over SSH against loopback nodes)'
    }
    if (-not (Get-DeepSeekHardware -WarningAction SilentlyContinue).Gpus.Spec) {
        $notRunnableHere['Get-DeepSeekSizing#5'] = 'sizes on this machine''s GPUs, and it has none the catalog knows'
    }

    $examples = foreach ($name in (Get-Command -Module DeepSeekHw -CommandType Cmdlet).Name) {
        $index = 0
        foreach ($example in (Get-Help -Name $name -Full).examples.example) {
            $index++
            $key = "$name#$index"
            @{ Key = $key; Code = ($example.code -join "`n").Trim(); Skip = $notRunnableHere.ContainsKey($key); Reason = $notRunnableHere[$key] }
        }
    }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
}

Describe 'Help for <Name>' -ForEach $cmdlets {
    BeforeAll {
        $help = Get-Help -Name $Name -Full
    }

    It 'has a synopsis and a description that are not the generated stub' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -Match "^\s*$Name "
        ($help.description.Text -join ' ') | Should -Not -BeNullOrEmpty
    }

    It 'has at least two examples with an explanation' {
        @($help.examples.example).Count | Should -BeGreaterOrEqual 2
        foreach ($example in $help.examples.example) {
            ($example.remarks.Text -join ' ').Trim() | Should -Not -BeNullOrEmpty
        }
    }

    It 'documents every parameter' {
        $documented = @($help.parameters.parameter | Where-Object { $_.description } | ForEach-Object name)
        $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
        foreach ($parameter in (Get-Command $Name).Parameters.Keys | Where-Object { $_ -notin $common }) {
            $documented | Should -Contain $parameter
        }
    }
}

Describe 'Help example <Key>' -ForEach $examples {
    BeforeAll {
        # Each example runs in a scratch folder holding the files examples name.
        $work = Join-Path $TestDrive ($Key -replace '[^A-Za-z0-9]', '-')
        New-Item -ItemType Directory -Path (Join-Path $work 'fleet') -Force | Out-Null
        Copy-Item -LiteralPath (Join-Path $RepoRoot 'docs/examples/my-models.json'), (Join-Path $RepoRoot 'docs/examples/lab-gpus.json') -Destination $work
        Copy-Item -LiteralPath $CpuOnlyBundle -Destination (Join-Path $work 'fleet/vm.facts.json')
        New-GpuBundle -Path (Join-Path $work 'fleet/gpu-node-07.facts.json') | Out-Null
        # Stands in for the serving engine the readiness example would start when the machine is ready.
        function vllm { "vllm $args" }
    }

    It 'runs without an error and renders' -Skip:$Skip {
        Push-Location -LiteralPath $work
        try {
            $output = . ([scriptblock]::Create($Code)) 2>&1 3>$null
            $errors = @($output | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
            $errors | Should -BeNullOrEmpty -Because ($errors | Out-String)
            { $output | Out-String -Width 120 } | Should -Not -Throw
        }
        finally {
            Pop-Location
        }
    }
}
