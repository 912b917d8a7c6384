import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const WORKER = fileURLToPath(new URL('../src/__fixtures__/fleet-worker.mjs', import.meta.url));

/**
 * The fleet worker of an earlier build of this repository (`revision`), to measure it beside this
 * one in the same run: a detached worktree in the temporary folder, installed and built once
 * (about a minute), with this checkout's worker copied in, so that both builds run the same plans.
 */
export function baselineWorker(revision: string): string {
  const directory = join(tmpdir(), `issuer-errors-baseline-${revision}`);
  const run = (command: string, args: string[], cwd = directory) =>
    execFileSync(command, args, { cwd, stdio: ['ignore', 'ignore', 'inherit'] });
  if (!existsSync(join(directory, 'packages/redis/dist/index.js'))) {
    if (!existsSync(directory))
      run('git', ['worktree', 'add', '--detach', directory, revision], ROOT);
    run('npx', ['--yes', 'pnpm@10.34.9', 'install', '--frozen-lockfile', '--prefer-offline']);
    run('npx', [
      'turbo',
      'run',
      'build',
      '--filter=@issuer-errors/redis...',
      '--output-logs=errors-only',
    ]);
  }
  const worker = join(directory, 'packages/redis/src/__fixtures__/fleet-worker-of-today.mjs');
  copyFileSync(WORKER, worker);
  return worker;
}
