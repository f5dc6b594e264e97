#!/usr/bin/env bash
# The test command: every test of the platform, on a fresh machine too.
#   1. installs what the tests need (Debian and npm packages) when it is missing,
#   2. lints the .proto contracts with buf, and checks them for breaking changes against the previous commit,
#   3. starts RabbitMQ, Redis and PostgreSQL on loopback (reusing ones that already run),
#   4. builds once and runs every test project: unit, in-process integration, deployment and
#      end-to-end on the real servers,
#   5. stops the servers it started, and prints one closing line "N passed, N failed".
# Options: -c Debug|Release (default Release). Test logs: artifacts/test-results/.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
CONFIG=Release
while getopts "c:" opt; do
  case "$opt" in
    c) CONFIG="$OPTARG" ;;
    *) echo "usage: scripts/test.sh [-c Debug|Release]" >&2; exit 2 ;;
  esac
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

echo "== dependencies"
bash scripts/install-deps.sh

echo "== proto lint (buf)"
tools/node_modules/.bin/buf lint contracts

# A field renamed, renumbered or removed breaks every caller built against the previous contract: refused here
# (buf's FILE rules, contracts/buf.yaml). A merge is compared with its first parent, the main it lands on.
echo "== proto breaking changes (buf) against the previous commit"
if ! git rev-parse -q --verify 'HEAD~1^{commit}' >/dev/null && [[ $(git rev-parse --is-shallow-repository) == true ]]; then
  git fetch -q --deepen=1 2>/dev/null || true
fi
if git rev-parse -q --verify 'HEAD~1^{commit}' >/dev/null; then
  tools/node_modules/.bin/buf breaking contracts --against ".git#ref=HEAD~1,subdir=contracts"
else
  echo "no previous commit in this clone (a single-commit history): nothing to compare with"
fi

echo "== real servers"
bash scripts/servers.sh start
trap 'bash scripts/servers.sh stop >/dev/null 2>&1 || true' EXIT
eval "$(bash scripts/servers.sh env)"
export UWV_RABBITMQ UWV_REDIS UWV_POSTGRES

echo "== build ($CONFIG)"
dotnet build Uwv.OneUwv.slnx -c "$CONFIG" -nologo -clp:ErrorsOnly

RESULTS="$REPO/artifacts/test-results"
rm -rf "$RESULTS"
mkdir -p "$RESULTS"
passed=0
failed=0
status=0
# Sequential on purpose: the machine has two cores, and the end-to-end suite starts seven processes.
for project in tests/Uwv.UnitTests tests/Uwv.IntegrationTests tests/Uwv.DeploymentTests tests/Uwv.EndToEndTests $(ls -d tests/Uwv.*Tests 2>/dev/null | grep -vE 'Uwv\.(Unit|Integration|Deployment|EndToEnd)Tests$' || true); do
  [ -f "$project/$(basename "$project").csproj" ] || continue
  name="$(basename "$project")"
  echo "== $name"
  set +e
  dotnet test "$project" -c "$CONFIG" --no-build --nologo \
    --blame-hang-timeout 10m \
    --logger "trx;LogFileName=$name.trx" --results-directory "$RESULTS" 2>&1 | tee "$RESULTS/$name.log"
  rc=${PIPESTATUS[0]}
  set -e
  summary="$(grep -E '^(Passed|Failed)!' "$RESULTS/$name.log" | tail -n 1 || true)"
  p="$(sed -nE 's/.*Passed: +([0-9]+).*/\1/p' <<<"$summary")"
  f="$(sed -nE 's/.*Failed: +([0-9]+),.*/\1/p' <<<"$summary")"
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
  if [ "$rc" -ne 0 ]; then
    status=1
    [ -n "$f" ] && [ "$f" -gt 0 ] || failed=$((failed + 1))
  fi
done

echo "$passed passed, $failed failed"
exit "$status"
