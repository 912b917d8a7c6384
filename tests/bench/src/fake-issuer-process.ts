import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';

/** The fake Cardda in a process of its own, so that its clock and event loop are not the client's. */
export interface FakeIssuerProcess {
  readonly baseUrl: string;
  /** How many requests it answered with each status so far. */
  readonly answered: ReadonlyMap<number, number>;
  close(): Promise<void>;
}

/** Starts `issuer-errors-fake --provider cardda` with a token bucket and one GET route answering `{ data: [] }`. */
export async function startFakeCarddaProcess(
  path: string,
  rateLimit: { readonly burst: number; readonly requestsPerSecond: number },
): Promise<FakeIssuerProcess> {
  const script = join(tmpdir(), `issuer-errors-bench-${process.pid}.json`);
  writeFileSync(
    script,
    JSON.stringify({ routes: [{ method: 'GET', path, outcomes: [{ json: { data: [] } }] }] }),
  );
  const testing = createRequire(import.meta.url).resolve('@issuer-errors/testing/package.json');
  const cli = join(dirname(testing), 'dist', 'cli.js');
  const child = spawn(
    process.execPath,
    [
      cli,
      ...['--provider', 'cardda', '--port', '0', '--script', script],
      ...['--rate-limit', String(rateLimit.burst), '--refill', String(rateLimit.requestsPerSecond)],
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const answered = new Map<number, number>();
  const lines = createInterface({ input: child.stdout as NonNullable<ChildProcess['stdout']> });
  const baseUrl = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the fake issuer exited with ${code}`)));
    lines.on('line', (line) => {
      const listening = /baseUrl (\S+)/.exec(line);
      if (listening?.[1] !== undefined) resolve(listening[1]);
      const status = Number(/ (\d{3})$/.exec(line)?.[1]);
      if (status > 0) answered.set(status, (answered.get(status) ?? 0) + 1);
    });
  });
  return {
    baseUrl,
    answered,
    close: async () => {
      child.kill();
      await once(child, 'exit');
      rmSync(script, { force: true });
    },
  };
}
