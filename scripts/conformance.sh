#!/usr/bin/env bash
# The conformance checks that read ../shared/schemas (or IP_REPORT_SCHEMAS): Microsoft's add-in manifest XSDs and the
# ECMA-376 OOXML schemas. Under CI=true a missing schema set fails them.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-tools.sh
npm run --silent build:cli
mkdir -p test-output
status=0
npx jest --ci --json --outputFile=test-output/conformance-results.json test/manifest test/conformance || status=$?
node -e '
  const r = require("./test-output/conformance-results.json");
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`);
' || true
exit "$status"
