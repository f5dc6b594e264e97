#!/usr/bin/env bash
# Regenerates docs/openapi.json, the OpenAPI document of the gateway's JSON routes, from the protos in contracts/uwv.
# The test that compares the checked-in copy with the document the gateway serves writes it instead when
# UWV_UPDATE_OPENAPI=1. Commit the result with the proto change.
set -euo pipefail
cd "$(dirname "$0")/.."
UWV_UPDATE_OPENAPI=1 dotnet test tests/Uwv.IntegrationTests -c Release -nologo \
  --filter "FullyQualifiedName~OpenApiDocumentTests.CheckedInDocument_IsTheOneTheContractsMake"
git --no-pager diff --stat -- docs/openapi.json
