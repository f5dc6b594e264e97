#!/usr/bin/env bash
# Installs what the tests and the real-server mode need, when it is missing:
# Debian packages (the servers are installed by servers.sh itself) and the npm tools in tools/.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

missing=()
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
command -v chromium >/dev/null 2>&1 || missing+=(chromium fonts-dejavu-core)
[ -d /usr/share/zoneinfo/Europe ] || missing+=(tzdata)
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "missing packages: ${missing[*]} (run as root to install them)" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null 2>&1 \
    || { apt-get update -q >/dev/null && apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null; }
fi

if [ ! -x "$REPO/tools/node_modules/.bin/buf" ] || [ "$REPO/tools/package-lock.json" -nt "$REPO/tools/node_modules/.package-lock.json" ]; then
  (cd "$REPO/tools" && npm ci --no-audit --no-fund --loglevel=error)
fi
