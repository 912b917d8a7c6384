import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { median } from './compare';

/** The goal: importing an adapter adds at most this many milliseconds over an empty script. */
export const IMPORT_TIME_GOAL_MS = 15;

/** Median wall time of fresh Node processes: an empty script against one importing each adapter. */
export function measureImportTime(runs = 21): {
  emptyMs: number;
  adapters: Record<string, number>;
} {
  const time = (code: string) => {
    const started = performance.now();
    execFileSync(process.execPath, ['--input-type=module', '--eval', code], {
      cwd: import.meta.dirname,
    });
    return performance.now() - started;
  };
  const samples: Record<string, number[]> = { empty: [], cardda: [], clara: [] };
  for (let run = 0; run < runs; run += 1) {
    samples.empty?.push(time(''));
    samples.cardda?.push(time("import '@issuer-errors/cardda';"));
    samples.clara?.push(time("import '@issuer-errors/clara';"));
  }
  const emptyMs = median(samples.empty ?? []);
  return {
    emptyMs,
    adapters: {
      cardda: median(samples.cardda ?? []) - emptyMs,
      clara: median(samples.clara ?? []) - emptyMs,
    },
  };
}
