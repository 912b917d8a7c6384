#!/usr/bin/env bash
# Runs the whole test suite (every package's tests and every example) on Node 22 and 24,
# whose binaries come from the npm registry's node@22 and node@24 packages, then the
# client suites on ky 2 under Node 22. `pnpm test` covers Node 20, the machine's own.
set -euo pipefail
cd "$(dirname "$0")/.."

for major in 22 24; do
  node_binary="$(npx --yes -p "node@$major" node -p 'process.execPath')"
  echo "Node $("$node_binary" --version): every package's tests and every example"
  # --force: turbo's cache key does not include the Node version.
  PATH="$(dirname "$node_binary"):$PATH" turbo run test example --force --output-logs=errors-only
done
bash scripts/test-ky2.sh
