#!/usr/bin/env bash
# Times Get-DeepSeekHardware against systeminformation (cpu, mem, graphics, diskLayout, osInfo, networkInterfaces) on
# this machine, in the same run, and prints the lines for docs/benchmarks.md. Needs the .NET SDK, node and npm.
set -euo pipefail
cd "$(dirname "$0")"
RUNS="${1:-15}"
npm ci --no-audit --no-fund --silent
dotnet build ../../src/DeepSeekHw.Shell -c Release -nologo -v q >/dev/null
SHELL_DLL=$(ls ../../src/DeepSeekHw.Shell/bin/Release/net10.0/DeepSeekHw.Shell.dll)

# Interleave the tools so neither gets a warmer machine: ours, theirs, ours, theirs.
OURS_A=$(dotnet "$SHELL_DLL" -OutputFormat Json -File ./deepseekhw-inventory.ps1 "$RUNS")
THEIRS_A=$(node si-inventory.js "$RUNS")
OURS_B=$(dotnet "$SHELL_DLL" -OutputFormat Json -File ./deepseekhw-inventory.ps1 "$RUNS")
THEIRS_B=$(node si-inventory.js "$RUNS")

python3 - "$OURS_A" "$OURS_B" "$THEIRS_A" "$THEIRS_B" <<'PY'
import json, sys, platform, os
ours = [json.loads(a)[0] for a in sys.argv[1:3]]
theirs = [json.loads(a) for a in sys.argv[3:5]]
o = min(r["medianMs"] for r in ours)
t = min(r["medianMs"] for r in theirs)
print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, {platform.platform()}")
for r in ours + theirs:
    print(f"  {r['tool']}: first {r['firstMs']:.1f} ms, median {r['medianMs']:.1f} ms, min {r['minMs']:.1f} ms over {r['runs']} runs")
print(f"best median: Get-DeepSeekHardware {o:.1f} ms, systeminformation {t:.1f} ms, ratio {o / t:.2f}")
PY
