#!/usr/bin/env bash
# The run command.
#   scripts/run.sh           embedded default: every service and the gateway in ONE process on loopback ports,
#                            in-memory bus, in-process klantbeeld store, SQLite files under ./data, development login.
#                            Needs only the .NET SDK.
#   scripts/run.sh --real    the same services as SEPARATE processes on real RabbitMQ, Redis and PostgreSQL
#                            (started on loopback by scripts/servers.sh when they are not running), on the ports of tye.yaml.
# Ports: config/platform.json (the same as tye.yaml). Ctrl+C stops everything this command started.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
MODE="${1:-embedded}"

if [ "$MODE" != "--real" ]; then
  dotnet build host/Uwv.Host -c Release -nologo -clp:ErrorsOnly
  exec dotnet host/Uwv.Host/bin/Release/net10.0/Uwv.Host.dll --Data:Directory="$REPO/data" "${@:1}"
fi

bash scripts/servers.sh start
eval "$(bash scripts/servers.sh env)"
dotnet build Uwv.OneUwv.slnx -c Release -nologo -clp:ErrorsOnly

export Database__Provider=Postgres ConnectionStrings__postgres="$UWV_POSTGRES"
export Bus__Transport=RabbitMq ConnectionStrings__rabbitmq="$UWV_RABBITMQ"
export KlantbeeldStore__Provider=Redis ConnectionStrings__redis="$UWV_REDIS"
# The separate processes share one development signing key, made for this run (no key ships in a file).
export Auth__EnableDevIssuer=true Auth__DevSigningKey="${Auth__DevSigningKey:-$(head -c 32 /dev/urandom | base64)}"
LOGS="$REPO/.run/logs"
mkdir -p "$LOGS"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM
for project in services/Klantbeeld/Uwv.Klantbeeld services/Smz/Uwv.Smz services/Werkbedrijf/Uwv.Werkbedrijf \
               services/Uitkeren/Uwv.Uitkeren services/BezwaarBeroep/Uwv.BezwaarBeroep services/Handover/Uwv.Handover \
               gateway/Uwv.Gateway/Uwv.Gateway; do
  dir="$(dirname "$project")/bin/Release/net10.0"
  name="$(basename "$project")"
  (cd "$dir" && exec dotnet "$name.dll") >"$LOGS/$name.log" 2>&1 &
  pids+=("$!")
done
for _ in $(seq 1 120); do
  curl -fsS http://127.0.0.1:5100/healthz >/dev/null 2>&1 && break
  sleep 0.5
done
cat <<MSG

1UWV platform (separate processes on RabbitMQ, Redis, PostgreSQL) is running.
  Gateway:      http://127.0.0.1:5100 (web and JSON), http://127.0.0.1:5110 (gRPC)
  Get a token:  curl -s 'http://127.0.0.1:5100/dev/token?user=procesbegeleider.arnhem-noord'
  Logs:         $LOGS
Press Ctrl+C to stop.
MSG
wait
