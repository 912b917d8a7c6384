#!/usr/bin/env node
// The installed command. In a fresh clone of the repository it exists before the build, so an
// install links it without a warning, and running it says what to do first.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (existsSync(cli)) {
  await import(cli.href);
} else {
  console.error('issuer-errors: dist/cli.js is missing; run `pnpm build` in the repository first');
  process.exitCode = 1;
}
