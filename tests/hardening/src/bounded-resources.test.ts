import { describe, expect, it } from 'vitest';
import { runScript } from './run-script';

const MiB = 1024 * 1024;

describe('bounded resources', () => {
  it('reads at most 64 KiB of a 100 MiB error body, then lets the connection go', async () => {
    const run = await runScript('huge-error-body.mjs', ['--expose-gc']);
    expect(run.exitCode, run.stderr).toBe(0);
    const { fromResponse, throughClient, readWhole } = run.report as Record<
      string,
      { kind: string; sentBytes: number; peakRiseBytes: number }
    >;
    for (const measured of [fromResponse, throughClient]) {
      expect(measured?.kind).toBe('internal');
      expect(measured?.peakRiseBytes).toBeLessThan(10 * MiB);
      // The server stops once its socket closes: what was sent is what the socket buffers held.
      expect(measured?.sentBytes).toBeLessThan(16 * MiB);
    }
    // The same body read whole: the measurement does see memory.
    expect(readWhole?.peakRiseBytes).toBeGreaterThan(50 * MiB);
  });

  it('settles every call by its deadline, then the process exits on its own', async () => {
    const run = await runScript('settles-and-exits.mjs');
    expect(run.exitCode, run.stderr).toBe(0);
    const { kinds, elapsedMs } = run.report as { kinds: string[]; elapsedMs: number };
    expect(kinds).toEqual([
      'cancelled', // a 30 s Retry-After wait, aborted by the caller after 100 ms
      'rate_limited', // a 30 s wait the 300 ms deadline does not start
      'timeout', // no answer
      'timeout', // a trickling body
      'unavailable', // 503s until the deadline
      'internal', // a 500 whose body never ends, read under a signal
      'timeout', // Clara's token endpoint never answering
    ]);
    expect(elapsedMs).toBeLessThan(2_000);
    // No retry wait, timer or socket outlives the calls.
    expect(run.exitAfterReportMs).toBeLessThan(1_000);
  });

  it("keeps every deadline while garbage collections drop fetch's abort signals", async () => {
    const run = await runScript('deadlines-through-gc.mjs', ['--expose-gc']);
    expect(run.exitCode, run.stderr).toBe(0);
    const { kinds, elapsedMs } = run.report as { kinds: string[]; elapsedMs: number };
    // No answer, a body that never ends, and the same body under a caller's 150 ms signal.
    expect(kinds).toEqual(['timeout', 'timeout', 'cancelled']);
    expect(elapsedMs).toBeLessThan(2_000);
    expect(run.exitAfterReportMs).toBeLessThan(1_000);
  });
});
