#!/usr/bin/env bash
# The full test suite: what `npm test` runs, locally and in CI (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
# Office add-in tooling reports usage data only when its settings file says so; make sure it says off.
npm run --silent telemetry-off >/dev/null
bash scripts/ensure-tools.sh
npm run --silent build:cli
npm run --silent build >/dev/null
npm run --silent typecheck
npm run --silent lint
mkdir -p test-output
# Only this organisation's CI has ../shared beside the repository: say in one line which checks cannot run here.
schemas="${IP_REPORT_SCHEMAS:-../shared/schemas}"
missing=()
for set in office-addin-manifest ooxml; do [ -d "$schemas/$set" ] || missing+=("$set"); done
if [ ${#missing[@]} -gt 0 ]; then
  echo "conformance checks not run: no ${missing[*]} schemas in $schemas (only this organisation's CI has them; IP_REPORT_SCHEMAS points elsewhere)"
fi
status=0
npx jest --ci --json --outputFile=test-output/jest-results.json || status=$?
node -e '
  const r = require("./test-output/jest-results.json");
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`);
' || true
exit "$status"
