#!/usr/bin/env bash
# Copies the third-party browser assets of the web workplace from tools/node_modules (npm, exact versions in
# tools/package.json) into gateway/Uwv.Gateway/wwwroot/lib/, each with its licence. The result is committed, so
# running the platform needs only the .NET SDK and nothing is fetched from the internet at run time
# (docs/decisions/0010-web-frontend.md). Run it after changing one of these versions in tools/package.json.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MODULES="$REPO/tools/node_modules"
LIB="$REPO/gateway/Uwv.Gateway/wwwroot/lib"

if [ ! -d "$MODULES/echarts" ] || [ ! -d "$MODULES/@rijkshuisstijl-community/components-css" ]; then
  (cd "$REPO/tools" && npm ci --no-audit --no-fund --loglevel=error)
fi

version() { node -p "require('$MODULES/$1/package.json').version"; }

rm -rf "$LIB"
mkdir -p "$LIB/rijkshuisstijl-community" "$LIB/echarts"

rhc="$MODULES/@rijkshuisstijl-community"
cp "$rhc/components-css/dist/index.css" "$LIB/rijkshuisstijl-community/components.css"
cp "$rhc/components-css/LICENSE.md" "$LIB/rijkshuisstijl-community/LICENSE-components-css.md"
cp "$rhc/design-tokens/dist/index.css" "$LIB/rijkshuisstijl-community/design-tokens.css"
cp "$rhc/design-tokens/LICENSE.md" "$LIB/rijkshuisstijl-community/LICENSE-design-tokens.md"

# The ES module build, renamed to .js so every static file server sends it as JavaScript.
cp "$MODULES/echarts/dist/echarts.esm.min.mjs" "$LIB/echarts/echarts.esm.min.js"
cp "$MODULES/echarts/LICENSE" "$LIB/echarts/LICENSE"
cp "$MODULES/echarts/NOTICE" "$LIB/echarts/NOTICE"

cat >"$LIB/VERSIONS.md" <<EOF
# Vendored browser assets

Copied by \`scripts/vendor-web.sh\` from npm; do not edit by hand.

| package | version | licence | files |
|---|---|---|---|
| @rijkshuisstijl-community/components-css | $(version @rijkshuisstijl-community/components-css) | EUPL-1.2 | rijkshuisstijl-community/components.css |
| @rijkshuisstijl-community/design-tokens | $(version @rijkshuisstijl-community/design-tokens) | Rijkshuisstijl (central government and its contractors only) | rijkshuisstijl-community/design-tokens.css |
| echarts | $(version echarts) | Apache-2.0 | echarts/echarts.esm.min.js |
EOF
echo "vendored into ${LIB#"$REPO"/}"
