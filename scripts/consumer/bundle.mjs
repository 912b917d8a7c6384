// Bundles a client for Node as an app does (esbuild, default conditions), then runs the bundle
// from a folder without node_modules: neverthrow must be inside it, and be the one copy there.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

const entry = `
import { createCarddaClient } from '@issuer-errors/cardda';
import { ok } from '@issuer-errors/core';
import { Ok } from 'neverthrow';
if (!(ok(1) instanceof Ok) || typeof createCarddaClient !== 'function') process.exit(1);
console.log('bundled for Node: one neverthrow, no require at run time');
`;
const folder = mkdtempSync(join(tmpdir(), 'issuer-errors-bundle-'));
try {
  const outfile = join(folder, 'app.mjs');
  await build({
    stdin: { contents: entry, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    external: ['ky'],
    outfile,
    logLevel: 'error',
  });
  assert.doesNotMatch(readFileSync(outfile, 'utf8'), /createRequire/);
  writeFileSync(join(folder, 'package.json'), '{"type":"module"}');
  process.stdout.write(execFileSync(process.execPath, [outfile], { cwd: folder }));
} finally {
  rmSync(folder, { recursive: true, force: true });
}
