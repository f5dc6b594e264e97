#!/usr/bin/env bash
# The benchmark command (not part of the test command: benchmarks are measured, not asserted).
#   scripts/bench.sh [--quick] [--only gateway,reads,events,handover] [--handover-rate 500] [--profile DIR]
# Starts RabbitMQ, Redis and PostgreSQL on loopback when they are not running, builds Release, runs the platform as
# separate processes, drives it with h2load (nghttp2) and a purpose-built event driver, and prints a Markdown table
# for docs/benchmarks.md. The KPI benchmark has its own project: bench/Uwv.Benchmarks.Kpi.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
# A fresh machine may not have read the package lists yet: install, and on failure update them once and try again.
install() {
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null \
    || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null; }
}
if ! command -v h2load >/dev/null 2>&1; then
  install nghttp2-client
fi
if [[ " $* " == *" --profile "* ]] && ! command -v perf >/dev/null 2>&1; then
  install linux-perf
fi
bash scripts/servers.sh start
eval "$(bash scripts/servers.sh env)"
export UWV_RABBITMQ UWV_REDIS UWV_POSTGRES
dotnet build Uwv.OneUwv.slnx -c Release -nologo -clp:ErrorsOnly
dotnet run --project bench/Uwv.Benchmarks.Load -c Release --no-build -- "$@"
