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
status=0
npx jest --ci --json --outputFile=test-output/jest-results.json || status=$?
node -e '
  const r = require("./test-output/jest-results.json");
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`);
' || true
exit "$status"
