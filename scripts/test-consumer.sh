#!/usr/bin/env bash
# Installs the publishable packages as a user does: `pnpm pack` each one, install the
# tarballs with npm into a fresh project outside the workspace, then import them (ESM on Node,
# Bun and Deno, require() on Node, bundled for Node), type-check a consumer and the README's
# snippets under nodenext and bundler with TypeScript 5.9 and 7, check what each tarball ships,
# and run publint and attw on what was installed. The app's neverthrow is the newest in core's
# peer range, then the lowest: the fallback chain compiles and runs with both.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
packages=(core cardda clara redis testing cli)

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/packs" "$work/app"

turbo run build --output-logs=errors-only
for package in "${packages[@]}"; do
  (cd "packages/$package" && pnpm pack --pack-destination "$work/packs" >/dev/null)
done

cp scripts/consumer/* "$work/app/"
# The README's snippets, with the files of their example that they import.
for example in $(grep -o 'generated:include docs/examples/[^/]*' README.md | sort -u | cut -d/ -f3); do
  mkdir -p "$work/app/snippets/$example"
  cp "docs/examples/$example/src/"*.ts "$work/app/snippets/$example/"
done
cd "$work/app"
node - "$work/packs" "$root" <<'NODE'
const { readdirSync, writeFileSync } = require('node:fs');
const [packs, root] = process.argv.slice(2);
const versionOf = (name) => require(`${root}/package.json`).devDependencies[name];
const neverthrowRange = require(`${root}/packages/core/package.json`).peerDependencies.neverthrow;
const redisVersion = require(`${root}/packages/redis/package.json`).devDependencies.redis;
const dependencies = {};
for (const file of readdirSync(packs)) {
  const name = `@issuer-errors/${file.replace(/^issuer-errors-/, '').replace(/-\d+\.\d+\.\d+.*\.tgz$/, '')}`;
  dependencies[name] = `file:${packs}/${file}`;
}
writeFileSync('package.json', JSON.stringify({
  name: 'issuer-errors-consumer',
  private: true,
  type: 'module',
  dependencies: {
    ...dependencies,
    ky: '1.14.3',
    neverthrow: neverthrowRange,
    nock: '14.0.9',
    redis: redisVersion,
  },
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
node packed-contents.mjs "${packages[@]}"

node esm.mjs
node require.cjs
node bundle.mjs
echo "Bun $(node_modules/.bin/bun --version):"
node_modules/.bin/bun esm.mjs
echo "Deno $(node_modules/.bin/deno --version | head -1 | cut -d' ' -f2):"
node_modules/.bin/deno run --allow-net --allow-read --allow-env --allow-sys esm.mjs
# An app with Clara's client and no undici (the main app gets one through its tools).
mkdir "$work/no-undici"
cp clara-without-undici.mjs "$work/no-undici/"
(
  cd "$work/no-undici"
  node -e 'const [core, clara, range] = process.argv.slice(1); require("node:fs").writeFileSync("package.json", JSON.stringify({ name: "no-undici", private: true, type: "module", dependencies: { "@issuer-errors/core": `file:${core}`, "@issuer-errors/clara": `file:${clara}`, ky: "1.14.3", neverthrow: range } }))' \
    "$work"/packs/issuer-errors-core-*.tgz "$work"/packs/issuer-errors-clara-*.tgz \
    "$(node -p "require('$root/packages/core/package.json').peerDependencies.neverthrow")"
  npm install --no-audit --no-fund --loglevel=error >/dev/null
  # pnpm's NODE_PATH reaches the workspace's own undici; an app has no such path.
  env -u NODE_PATH node clara-without-undici.mjs
)
explained="$(node_modules/.bin/issuer-errors explain --provider cardda --status 429 --header 'Retry-After: 7' --json)"
node -e 'const e = JSON.parse(process.argv[1]).error; if (e.kind !== "rate_limited" || e.retryAfterMs !== 7000) process.exit(1)' "$explained"
echo "bin: issuer-errors explain answers"
for compiler in typescript typescript7; do
  version="$(node -p "require('./node_modules/$compiler/package.json').version")"
  for config in nodenext bundler; do
    node "node_modules/$compiler/bin/tsc" -p "tsconfig.$config.json"
    echo "types: TypeScript $version, moduleResolution $config"
  done
  node "node_modules/$compiler/bin/tsc" -p tsconfig.snippets.json
  echo "README snippets: TypeScript $version, moduleResolution nodenext"
done
for package in "${packages[@]}"; do
  node_modules/.bin/publint "node_modules/@issuer-errors/$package" --strict >/dev/null
done
echo "publint: ${packages[*]} clean"
for pack in "$work"/packs/*.tgz; do
  node_modules/.bin/attw "$pack" --profile esm-only --format table-flipped >/dev/null
done
echo "attw: ${packages[*]} clean (esm-only profile)"

# The Redis store takes a node-redis client of every major in its peer range: the newest, then the lowest.
lowest_redis="$(node -p "require('$root/packages/redis/package.json').peerDependencies.redis.match(/\\d+\\.\\d+\\.\\d+/)[0]")"
for version in "$(node -p "require('redis/package.json').version")" "$lowest_redis"; do
  npm install --no-audit --no-fund --loglevel=error "redis@$version" >/dev/null
  node node_modules/typescript/bin/tsc -p tsconfig.nodenext.json
  echo "redis $version: createRedisRateStore type-checks with its client"
done

# The fallback chain mixes the app's Results with core's: with the newest neverthrow in range, then the lowest.
lowest="$(node -p "require('$root/packages/core/package.json').peerDependencies.neverthrow.match(/\\d+\\.\\d+\\.\\d+/)[0]")"
for version in "$(node -p "require('neverthrow/package.json').version")" "$lowest"; do
  npm install --no-audit --no-fund --loglevel=error "neverthrow@$version" >/dev/null
  node fallback.mjs
  node esm.mjs >/dev/null
  node require.cjs >/dev/null
  node node_modules/typescript/bin/tsc -p tsconfig.nodenext.json
  node node_modules/typescript/bin/tsc -p tsconfig.snippets.json
  echo "neverthrow $version: the fallback chain type-checks and runs; core's results are the app's"
done
