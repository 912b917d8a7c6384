#!/usr/bin/env bash
# Rehearses a release on a copy of the workspace: `changeset version` must turn the pending
# changesets into versions and changelogs, and `pnpm -r publish --dry-run` must pack and
# accept every publishable package. The working tree is left as it was.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
packages=(core cardda clara redis testing cli)

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

turbo run build --output-logs=errors-only
git ls-files --cached --others --exclude-standard -z | xargs -0 cp --parents -t "$work"
ln -s "$root/node_modules" "$work/node_modules"
for package in "${packages[@]}"; do
  cp -r "packages/$package/dist" "$work/packages/$package/dist"
  ln -s "$root/packages/$package/node_modules" "$work/packages/$package/node_modules"
done
cd "$work"
git init --quiet && git add --all && git -c user.name=release -c user.email=release@localhost commit --quiet -m rehearsal

major_of() { node -p "require('./packages/$1/package.json').version.split('.')[0]"; }
declare -A major_before
for package in "${packages[@]}"; do major_before[$package]="$(major_of "$package")"; done
asked_major="$(grep -ho '"@issuer-errors/[a-z]*": major' .changeset/*.md || true)"

changeset version
for package in "${packages[@]}"; do
  manifest="packages/$package/package.json"
  version="$(node -p "require('./$manifest').version")"
  if [ "$version" = "0.0.0" ]; then echo "$manifest: still 0.0.0 after changeset version" >&2; exit 1; fi
  # A new major only where a changeset asks for one, never because a peer dependency moved.
  if [ "$(major_of "$package")" != "${major_before[$package]}" ] &&
    ! grep -q "\"@issuer-errors/$package\": major" <<<"$asked_major"; then
    echo "$manifest: $version is a new major that no changeset asks for" >&2
    exit 1
  fi
  if ! grep -q "^## $version" "packages/$package/CHANGELOG.md"; then
    echo "packages/$package/CHANGELOG.md: no entry for $version" >&2; exit 1
  fi
  echo "@issuer-errors/$package $version: changelog written"
done
if ls .changeset/*.md 2>/dev/null | grep -v README; then echo "changesets left unconsumed" >&2; exit 1; fi

if ! output="$(pnpm -r --filter './packages/*' publish --dry-run --no-git-checks 2>&1)"; then
  echo "$output" >&2
  exit 1
fi
echo "$output" | grep -E '^\+ ' || { echo "$output" >&2; echo "publish --dry-run named no package" >&2; exit 1; }
