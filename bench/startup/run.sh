#!/usr/bin/env bash
# Whole-process start-up of the deepseekhw host for one readiness verdict: what a user waits for when they type
#   deepseekhw Test-DeepSeekReadiness -Model DeepSeek-R1-Distill-Qwen-1.5B
# Packs the host as a .NET tool two ways (portable, and ReadyToRun for this platform as the README installs it),
# installs each into a scratch tool path, runs the command RUNS times after two warm-up runs, and prints the median,
# minimum and maximum wall time per variant as a Markdown row labelled with the date and commit.
# Usage: bash bench/startup/run.sh [RUNS]   (default 15; run on an idle machine)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-15}"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

command=(Test-DeepSeekReadiness -Model DeepSeek-R1-Distill-Qwen-1.5B)

install() { # $1 variant name, then extra dotnet pack arguments
  local name="$1"; shift
  dotnet pack src/DeepSeekHw.Shell -c Release -o "$scratch/$name-pkg" "$@" >/dev/null
  dotnet tool install deepseekhw --tool-path "$scratch/$name" --add-source "$scratch/$name-pkg" >/dev/null
}

measure() { # $1 variant name; prints "median min max" in seconds
  local tool="$scratch/$1/deepseekhw" times=()
  "$tool" "${command[@]}" >/dev/null 2>&1 || true
  "$tool" "${command[@]}" >/dev/null 2>&1 || true
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    "$tool" "${command[@]}" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { printf "%.3f %.3f %.3f\n", a[int((NR + 1) / 2)] / 1000, a[1] / 1000, a[NR] / 1000 }'
}

install portable
install readytorun --use-current-runtime

commit="$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src module || echo '+changes')"
cores="$(nproc)"
for variant in readytorun portable; do
  read -r median min max < <(measure "$variant")
  echo "| $(date -u +%Y-%m-%d) | $commit | $variant tool | $(uname -m), $cores cores | $runs | $median s | $min–$max s |"
done
