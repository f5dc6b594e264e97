#!/usr/bin/env bash
# The mutation-testing command (not part of the test command: a full run takes tens of minutes).
#   scripts/mutation.sh [--since <ref>] [--only handover,klantbeeld,...] [--mutate <glob>]... [--concurrency N]
# Mutates the rule code of every service with Stryker.NET (the local tool pinned in .config/dotnet-tools.json) and
# runs the unit tests against every mutant. One Stryker configuration per target in stryker/<target>.json says which
# files are rule code and how coverage is analysed. Prints one score per target and a total; reports (HTML and JSON)
# are written to artifacts/mutation/<target>/.
#   --since <ref>   only the rule code changed since that commit (targets without a changed rule file are skipped)
#   --only a,b      only these targets (names of the files in stryker/)
#   --mutate <glob> only these files of the target (Stryker's glob, relative to the project folder; repeatable), for
#                   a run on a subset, e.g. --only handover --mutate 'Domain/NazorgGate.cs'
#   --concurrency N parallel test runners per target (default 1: the machine's cores are shared)
# Score: (killed + timeout) / (killed + timeout + survived + no coverage), as Stryker counts it; mutants that do not
# compile and mutants excluded by configuration are not counted.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"

since=""
only=""
concurrency=1
mutate=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --since) since="${2:?--since needs a commit}"; shift 2 ;;
    --since=*) since="${1#--since=}"; shift ;;
    --only) only="${2:?--only needs target names}"; shift 2 ;;
    --only=*) only="${1#--only=}"; shift ;;
    --mutate) mutate+=("${2:?--mutate needs a glob}"); shift 2 ;;
    --mutate=*) mutate+=("${1#--mutate=}"); shift ;;
    --concurrency) concurrency="${2:?--concurrency needs a number}"; shift 2 ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

# target name -> project folder (the files each mutates are in stryker/<target>.json)
declare -A folder=(
  [handover]=services/Handover
  [klantbeeld]=services/Klantbeeld
  [calendar]=services/Calendar
  [servicedefaults]=services/ServiceDefaults
  [bezwaarberoep]=services/BezwaarBeroep
  [smz]=services/Smz
  [uitkeren]=services/Uitkeren
  [werkbedrijf]=services/Werkbedrijf
)
order=(handover klantbeeld calendar servicedefaults bezwaarberoep smz uitkeren werkbedrijf)
if [[ -n "$only" ]]; then
  IFS=',' read -r -a order <<<"$only"
  for t in "${order[@]}"; do
    [[ -n "${folder[$t]:-}" ]] || { echo "unknown target: $t (known: ${!folder[*]})" >&2; exit 2; }
  done
fi

dotnet tool restore >/dev/null

# The rule files a target mutates, as paths from the repository root (from the "mutate" globs of its configuration).
rule_files_changed() {
  local target="$1" dir="${folder[$1]}" pattern changed
  changed="$(git diff --name-only "$since" -- "$dir" | sed "s#^$dir/##")"
  [[ -n "$changed" ]] || return 1
  while read -r pattern; do
    [[ "$pattern" == '!'* ]] && continue
    # glob to regex: ** any folders, * within a folder
    local regex
    regex="^$(printf '%s' "$pattern" | sed -e 's/[.]/\\./g' -e 's#\*\*/#\x01#g' -e 's/\*/[^\/]*/g' -e 's#\x01#(.*/)?#g')$"
    if grep -Eq "$regex" <<<"$changed"; then
      return 0
    fi
  done < <(sed -n '/"mutate"/,/]/p' "stryker/$target.json" | grep -o '"[^"]*\.cs"' | tr -d '"')
  return 1
}

count() { { grep -oE "\"status\" *: *\"$1\"" "$2" || true; } | wc -l; }

total_detected=0
total_counted=0
summary=()
for target in "${order[@]}"; do
  dir="${folder[$target]}"
  if [[ -n "$since" ]] && ! rule_files_changed "$target"; then
    summary+=("$(printf '%-16s no rule code changed since %s' "$target" "$since")")
    continue
  fi
  out="$REPO/artifacts/mutation/$target"
  rm -rf "$out"
  mkdir -p "$out"
  args=(-f "$REPO/stryker/$target.json" -O "$out" --concurrency "$concurrency" --skip-version-check)
  [[ -n "$since" ]] && args+=("--since:$since")
  for glob in "${mutate[@]}"; do args+=(-m "$glob"); done
  echo "== $target ($dir)"
  if ! (cd "$dir" && dotnet tool run dotnet-stryker "${args[@]}") >"$out/stryker.log" 2>&1; then
    echo "   Stryker failed; see $out/stryker.log" >&2
    summary+=("$(printf '%-16s FAILED (see artifacts/mutation/%s/stryker.log)' "$target" "$target")")
    continue
  fi
  report="$(find "$out" -name mutation-report.json | head -n 1)"
  if [[ -z "$report" ]]; then
    summary+=("$(printf '%-16s no mutants to test' "$target")")
    continue
  fi
  killed=$(count Killed "$report"); timeout=$(count Timeout "$report")
  survived=$(count Survived "$report"); nocov=$(count NoCoverage "$report")
  detected=$((killed + timeout)); counted=$((detected + survived + nocov))
  total_detected=$((total_detected + detected)); total_counted=$((total_counted + counted))
  score="n/a"
  [[ $counted -gt 0 ]] && score="$(awk -v d="$detected" -v c="$counted" 'BEGIN { printf "%.1f %%", 100 * d / c }')"
  summary+=("$(printf '%-16s %8s  (killed %d, timeout %d, survived %d, no coverage %d)' "$target" "$score" "$killed" "$timeout" "$survived" "$nocov")")
  echo "   ${summary[-1]}"
done

echo
echo "Mutation score per target (report: artifacts/mutation/<target>/reports/mutation-report.html)"
printf '%s\n' "${summary[@]}"
if [[ $total_counted -gt 0 ]]; then
  printf '%-16s %s  (%d of %d mutants detected)\n' total "$(awk -v d="$total_detected" -v c="$total_counted" 'BEGIN { printf "%.1f %%", 100 * d / c }')" "$total_detected" "$total_counted"
fi
