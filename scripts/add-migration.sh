#!/usr/bin/env bash
# Adds an EF Core migration for one database after its model changed (decision 0026, docs/operations.md):
#   scripts/add-migration.sh <Context> <Name> [--no-build]
#   Context: Handover | Klantbeeld | Audit | Smz | Uitkeren | Werkbedrijf | BezwaarBeroep
#            | Divisions (all four divisions, for a change in their shared model)
# Writes the migration next to the context (e.g. services/Handover/Data/Migrations) and updates its model snapshot.
# Needs only the .NET SDK: the model is built at design time, no database is opened. Review the generated code, then
# commit it with the model change; the services apply it at their next start.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

usage() { sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
[ $# -ge 2 ] || usage
CONTEXT="$1"; NAME="$2"; shift 2

add() { # service context folder
  dotnet tool run dotnet-ef migrations add "$NAME" --project "services/$1" --context "$2" --output-dir "$3" \
    --configuration Release "${EXTRA[@]}"
}

EXTRA=("$@")
dotnet tool restore >/dev/null
case "$CONTEXT" in
  Handover)   add Handover HandoverDbContext Data/Migrations ;;
  Klantbeeld) add Klantbeeld KlantbeeldDbContext Data/Migrations ;;
  Audit)      add Klantbeeld AuditDbContext Audit/Migrations ;;
  Smz|Uitkeren|Werkbedrijf|BezwaarBeroep) add "$CONTEXT" "${CONTEXT}DbContext" Data/Migrations ;;
  Divisions)
    for division in Smz Uitkeren Werkbedrijf BezwaarBeroep; do add "$division" "${division}DbContext" Data/Migrations; done ;;
  *) usage ;;
esac
