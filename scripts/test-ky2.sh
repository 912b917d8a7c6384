#!/usr/bin/env bash
# Runs every client test suite against ky 2 under Node 22 (ky 2 needs Node 22, so it is
# unpacked outside the workspace instead of installed: the workspace's engine-strict
# install on Node 20 would refuse it). The suites resolve `ky` through ISSUER_ERRORS_KY.
set -euo pipefail
cd "$(dirname "$0")/.."

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent ky@2.1.0 >/dev/null && tar -xzf ky-2.1.0.tgz)
node22="$(npx --yes -p node@22 node -p 'process.execPath')"
export PATH="$(dirname "$node22"):$PATH"
export ISSUER_ERRORS_KY="$work/package"

echo "ky $(node -p "require('$work/package/package.json').version") on Node $(node --version)"
for package in core cardda clara; do
  (cd "packages/$package" && node ../../node_modules/vitest/vitest.mjs run --typecheck.enabled=false \
    src/ky src/create-cardda-client.test.ts src/create-clara-client.test.ts src/clara-mtls.test.ts \
    --passWithNoTests=false 2>&1 | sed "s/^/[$package] /") || exit 1
done
