#!/usr/bin/env bash
# A long fuzz campaign: the CI's deterministic fuzzer (tests/DeepSeekHw.Fuzz) over many more inputs and seeds.
# Usage: bash bench/fuzz/run.sh [inputs per seed, default 250000] [seeds, default 4]
# Prints one line per seed; record the result in docs/security.md with the date and commit.
set -euo pipefail
cd "$(dirname "$0")/../.."
inputs="${1:-250000}"
seeds="${2:-4}"
dotnet build tests/DeepSeekHw.Fuzz -c Release -nologo -v q >/dev/null
for seed in $(seq 1 "$seeds"); do
  dotnet tests/DeepSeekHw.Fuzz/bin/Release/net10.0/DeepSeekHw.Fuzz.dll "$inputs" --seed "$seed"
done
