import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** What one worker of {@link runFleet} sends and how. */
export interface WorkerPlan {
  readonly provider: 'cardda' | 'clara';
  readonly baseUrl: string;
  readonly tokenUrl?: string;
  /** Cardda's API key, or Clara's OAuth client id. */
  readonly credential: string;
  /** Clara's client secret. */
  readonly secret?: string;
  readonly redisUrl?: string;
  readonly fallbackShare?: number;
  readonly rateLimit: unknown;
  readonly totalTimeoutMs?: number;
  readonly maxAttempts?: number;
  readonly calls: ReadonlyArray<{ readonly method: 'get' | 'post'; readonly path: string }>;
  /** Calls start at this pace (default: all at once). */
  readonly arrivalsPerSecond?: number;
  /** The client's `health` option (default: the client's default). */
  readonly health?: unknown;
  /** The event loop is blocked for `forMs` every `everyMs`, as on a busy host. */
  readonly stall?: { readonly everyMs: number; readonly forMs: number };
}

/** What a worker printed. */
export interface WorkerReport {
  readonly outcomes: ReadonlyArray<{
    /** `<pid>.<index>`, sent as the query's `call`. */
    call: string;
    ok: boolean;
    kind?: string;
    code?: string;
    retryRefusedBy?: string;
    startedAt: number;
    endedAt: number;
  }>;
  readonly storeErrors: number;
  /** The issuer's outage reports this process was given (`onOutage`). */
  readonly outageReports: ReadonlyArray<{ state: string; requestIds: readonly string[] }>;
  readonly elapsedMs: number;
  readonly started: number;
  /** The worker's exit code: 0 unless it threw. */
  readonly exitCode: number | null;
}

/** This package's worker. */
export const WORKER = fileURLToPath(new URL('./fleet-worker.mjs', import.meta.url));

/**
 * Runs one worker process per plan (`worker`: this package's, or the same file in another
 * checkout, to measure another build), all starting their calls at the same moment, and
 * collects their reports.
 */
export async function runFleet(
  plans: readonly WorkerPlan[],
  during?: (startAt: number) => void,
  worker = WORKER,
): Promise<WorkerReport[]> {
  // Room for every process to start (about 300 ms each on a loaded machine) before the calls begin.
  const startAt = Date.now() + 1_500 + 150 * Math.max(0, plans.length - 4);
  const reports = plans.map((plan) => runWorker({ ...plan, startAt }, worker));
  during?.(startAt);
  return Promise.all(reports);
}

function runWorker(plan: WorkerPlan & { startAt: number }, worker: string): Promise<WorkerReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [worker, JSON.stringify(plan)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('error', reject);
    child.once('exit', (exitCode) => {
      const line = output.trim().split('\n').at(-1) ?? '';
      try {
        resolve({ ...(JSON.parse(line) as Omit<WorkerReport, 'exitCode'>), exitCode });
      } catch {
        reject(
          new Error(`A fleet worker ended with ${exitCode} and printed: ${output.slice(-500)}`),
        );
      }
    });
  });
}
