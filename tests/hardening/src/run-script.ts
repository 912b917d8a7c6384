import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** What a script printed last, its exit code, and how long it lived after printing it. */
export interface ScriptRun {
  readonly report: unknown;
  readonly exitCode: number | null;
  readonly stderr: string;
  readonly exitAfterReportMs: number;
}

/** Runs `scripts/<name>` in a fresh Node process; the script prints one JSON line when done. */
export function runScript(name: string, nodeOptions: readonly string[] = []): Promise<ScriptRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [...nodeOptions, join(import.meta.dirname, '../scripts', name)],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    let reportedAt: number | undefined;
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      if (stdout.includes('\n')) reportedAt ??= performance.now();
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('exit', (exitCode) => {
      const line = stdout.trim().split('\n').at(-1) ?? '';
      resolve({
        report: line === '' ? undefined : JSON.parse(line),
        exitCode,
        stderr,
        exitAfterReportMs: performance.now() - (reportedAt ?? performance.now()),
      });
    });
  });
}
