#!/usr/bin/env bash
# Mutation testing of core, the adapters and the Redis store with StrykerJS. Stryker 10 needs Node 22, so, like
# ky 2 in test-ky2.sh, it is installed outside the workspace (whose engine-strict install on
# Node 20 would refuse it), into a cache reused by later runs. Arguments go to `stryker run`,
# e.g. `pnpm test:mutation --mutate packages/core/src/http/retry-after.ts`.
set -euo pipefail
cd "$(dirname "$0")/.."

stryker_version=10.1.1
vitest_version="$(node -p "require('./package.json').devDependencies.vitest")"
typescript_version="$(node -p "require('./package.json').devDependencies.typescript")"
export ISSUER_ERRORS_STRYKER_HOME="${XDG_CACHE_HOME:-$HOME/.cache}/issuer-errors/stryker-$stryker_version-vitest-$vitest_version"
export ISSUER_ERRORS_STRYKER_TMP="$(mktemp -d)"
trap 'rm -rf "$ISSUER_ERRORS_STRYKER_TMP"' EXIT

node22="$(npx --yes -p node@22 node -p 'process.execPath')"
export PATH="$(dirname "$node22"):$PATH"

if [ ! -f "$ISSUER_ERRORS_STRYKER_HOME/installed" ]; then
  mkdir -p "$ISSUER_ERRORS_STRYKER_HOME"
  (cd "$ISSUER_ERRORS_STRYKER_HOME" && npm install --silent --no-audit --no-fund \
    "@stryker-mutator/core@$stryker_version" "@stryker-mutator/vitest-runner@$stryker_version" \
    "vitest@$vitest_version" "typescript@$typescript_version" && touch installed)
fi

# The adapters' suites import core and the testing kit from their build.
npx turbo run build --filter=@issuer-errors/core --filter=@issuer-errors/testing --output-logs=errors-only

echo "StrykerJS $stryker_version on Node $(node --version)"
node scripts/mutation/forget-changed-files.mjs scripts/mutation/incremental.json
status=0
node "$ISSUER_ERRORS_STRYKER_HOME/node_modules/@stryker-mutator/core/bin/stryker.js" \
  run scripts/mutation/stryker.config.mjs "$@" || status=$?
# The committed incremental file, with ids that do not change from run to run.
node scripts/mutation/stable-test-ids.mjs scripts/mutation/incremental.json
# The survivors and the critical groups' scores are reported even when the overall score fails.
node scripts/mutation/check-scores.mjs reports/mutation/mutation.json || status=1
exit "$status"
