#!/usr/bin/env bash
# Installs the publishable packages as a user does: `pnpm pack` each one, install the
# tarballs with npm into a fresh project outside the workspace, then import them (ESM on Node,
# Bun and Deno, require() on Node, bundled for Node), type-check a consumer under nodenext and bundler with
# TypeScript 5.9 and 7, and run publint and attw on what was installed.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
packages=(core cardda clara testing cli)

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/packs" "$work/app"

turbo run build --output-logs=errors-only
for package in "${packages[@]}"; do
  (cd "packages/$package" && pnpm pack --pack-destination "$work/packs" >/dev/null)
done

cp scripts/consumer/* "$work/app/"
cd "$work/app"
node - "$work/packs" "$root" <<'NODE'
const { readdirSync, writeFileSync } = require('node:fs');
const [packs, root] = process.argv.slice(2);
const versionOf = (name) => require(`${root}/package.json`).devDependencies[name];
const dependencies = {};
for (const file of readdirSync(packs)) {
  const name = `@issuer-errors/${file.replace(/^issuer-errors-/, '').replace(/-\d+\.\d+\.\d+.*\.tgz$/, '')}`;
  dependencies[name] = `file:${packs}/${file}`;
}
writeFileSync('package.json', JSON.stringify({
  name: 'issuer-errors-consumer',
  private: true,
  type: 'module',
  dependencies: { ...dependencies, ky: '1.14.3', neverthrow: '8.2.0', nock: '14.0.9' },
  devDependencies: {
    '@arethetypeswrong/cli': versionOf('@arethetypeswrong/cli'),
    '@types/node': versionOf('@types/node'),
    bun: '1.4.5',
    deno: '2.9.6',
    esbuild: '0.28.2',
    publint: versionOf('publint'),
    typescript: versionOf('typescript'),
    typescript7: 'npm:typescript@7.0.2',
  },
}, null, 2));
NODE
npm install --no-audit --no-fund --loglevel=error >/dev/null
echo "installed: $(ls node_modules/@issuer-errors | tr '\n' ' ')"

node esm.mjs
node require.cjs
node bundle.mjs
echo "Bun $(node_modules/.bin/bun --version):"
node_modules/.bin/bun esm.mjs
echo "Deno $(node_modules/.bin/deno --version | head -1 | cut -d' ' -f2):"
node_modules/.bin/deno run --allow-net --allow-read --allow-env --allow-sys esm.mjs
explained="$(node_modules/.bin/issuer-errors explain --provider cardda --status 429 --header 'Retry-After: 7' --json)"
node -e 'const e = JSON.parse(process.argv[1]).error; if (e.kind !== "rate_limited" || e.retryAfterMs !== 7000) process.exit(1)' "$explained"
echo "bin: issuer-errors explain answers"
for compiler in typescript typescript7; do
  version="$(node -p "require('./node_modules/$compiler/package.json').version")"
  for config in nodenext bundler; do
    node "node_modules/$compiler/bin/tsc" -p "tsconfig.$config.json"
    echo "types: TypeScript $version, moduleResolution $config"
  done
done
for package in "${packages[@]}"; do
  node_modules/.bin/publint "node_modules/@issuer-errors/$package" --strict >/dev/null
done
echo "publint: ${packages[*]} clean"
for pack in "$work"/packs/*.tgz; do
  node_modules/.bin/attw "$pack" --profile esm-only --format table-flipped >/dev/null
done
echo "attw: ${packages[*]} clean (esm-only profile)"
