# Fleet audits over real SSH remoting: three nodes with their own host names and no DeepSeekHw, one that rejects our
# key and one address where nothing listens, all on loopback. Every process started here is stopped here.
BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'SshNodes.ps1')
    $skipFleet = Get-SshNodeSupport
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    . (Join-Path $PSScriptRoot 'SshNodes.ps1')
    if (-not (Get-SshNodeSupport)) {
        $fleet = Start-SshFleet -Accepting 127.0.0.2, 127.0.0.3, 127.0.0.4 -Rejecting 127.0.0.5 -Directory (Join-Path $TestDrive 'fleet')
        $reachable = '127.0.0.2', '127.0.0.3', '127.0.0.4'
        $all = @($reachable) + '127.0.0.5', '127.0.0.6' # .5 rejects the key, nothing listens on .6
        $ssh = @{ Port = $fleet.Port; UserName = 'root'; KeyFilePath = $fleet.Key; SSHOption = $fleet.Options }
    }
}

AfterAll {
    if ($fleet) { Stop-SshFleet $fleet }
}

Describe 'A fleet audit over SSH' -Skip:([bool]$skipFleet) {
    It 'returns one summary per reachable node and one error per failed node, in one run' {
        $summaries = Test-DeepSeekReadiness -HostName $all @ssh -Model DeepSeek-R1-Distill-Qwen-7B -Summary -ErrorVariable failures -ErrorAction SilentlyContinue

        @($summaries).Count | Should -Be 3
        ($summaries.ComputerName | Sort-Object) | Should -Be 'fleet-node-2', 'fleet-node-3', 'fleet-node-4'
        $summaries | ForEach-Object { $_.PSObject.TypeNames | Should -Contain 'DeepSeekHw.ReadinessSummary' }
        @($failures).Count | Should -Be 2 -Because (($failures | ForEach-Object { $_.FullyQualifiedErrorId + " " + $_.TargetObject }) -join "; ")
        ($failures.FullyQualifiedErrorId | ForEach-Object { $_.Split(',')[0] } | Sort-Object) | Should -Be 'RemoteAccessDenied', 'RemoteConnectionFailed'
        ($failures.TargetObject | Sort-Object) | Should -Be '127.0.0.5', '127.0.0.6'
    }

    It 'collects through open sessions the same way' {
        $sessions = New-PSSession -HostName $reachable -Port $fleet.Port -UserName root -KeyFilePath $fleet.Key -Options $fleet.Options
        try {
            $summaries = Test-DeepSeekReadiness -Session $sessions -Model DeepSeek-R1-Distill-Qwen-7B -Summary
            ($summaries.ComputerName | Sort-Object) | Should -Be 'fleet-node-2', 'fleet-node-3', 'fleet-node-4'
            $inventories = Get-DeepSeekHardware -Session $sessions -WarningAction SilentlyContinue
            @($inventories).Count | Should -Be 3
            $inventories | ForEach-Object { $_.Memory.TotalBytes | Should -BeGreaterThan 0; $_.Cpu.Threads | Should -BeGreaterThan 0 }
        }
        finally {
            $sessions | Remove-PSSession
        }
    }

    It 'needs nothing on the nodes: DeepSeekHw is not on their module path' {
        $session = New-PSSession -HostName $reachable[0] -Port $fleet.Port -UserName root -KeyFilePath $fleet.Key -Options $fleet.Options
        try {
            Invoke-Command -Session $session { @(Get-Module -ListAvailable -Name DeepSeekHw).Count } | Should -Be 0
        }
        finally {
            Remove-PSSession $session
        }
    }

    It 'hands back inventories that survive Export-Clixml and render with our views' {
        $path = Join-Path $TestDrive 'fleet.clixml'
        Get-DeepSeekHardware -HostName $reachable @ssh -WarningAction SilentlyContinue | Export-Clixml -LiteralPath $path
        $back = Import-Clixml -LiteralPath $path

        @($back).Count | Should -Be 3
        ($back | Test-DeepSeekReadiness -Model DeepSeek-R1-Distill-Qwen-1.5B -Precision Q4_K_M -Summary).ComputerName | Sort-Object | Should -Be 'fleet-node-2', 'fleet-node-3', 'fleet-node-4'
        ($back | Out-String -Width 120) | Should -Match 'fleet-node-2'
    }
}
