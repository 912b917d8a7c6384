import { execFileSync } from 'node:child_process';
import { median } from './compare';

/** The goal: importing an adapter adds at most this many milliseconds over an empty script. */
export const IMPORT_TIME_GOAL_MS = 15;

/**
 * Median time `await import(adapter)` takes in fresh Node processes, timed inside each
 * process: what the import adds to an empty script, without the process start-up, whose
 * noise on a shared machine (±30 ms) is larger than the goal.
 */
export function measureImportTime(runs = 21): { adapters: Record<string, number> } {
  const time = (specifier: string) => {
    const code = `const started = performance.now(); await import('${specifier}'); console.log(performance.now() - started);`;
    const printed = execFileSync(process.execPath, ['--input-type=module', '--eval', code], {
      cwd: import.meta.dirname,
    });
    return Number(printed.toString());
  };
  const samples: Record<string, number[]> = { cardda: [], clara: [] };
  for (let run = 0; run < runs; run += 1) {
    samples.cardda?.push(time('@issuer-errors/cardda'));
    samples.clara?.push(time('@issuer-errors/clara'));
  }
  return {
    adapters: {
      cardda: median(samples.cardda ?? []),
      clara: median(samples.clara ?? []),
    },
  };
}
