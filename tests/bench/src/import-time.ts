import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { median } from './compare';

/** The goal: importing an adapter adds at most this many milliseconds over an empty script. */
export const IMPORT_TIME_GOAL_MS = 15;

/** Marks the time just before the entry module's imports are loaded. */
const MARK = 'data:text/javascript,globalThis.importStarted=performance.now()';

/**
 * What a static `import` of each adapter adds to an empty script, in fresh Node processes.
 * A preload marks the time before the entry module's imports load, and the entry prints the
 * time since once they have run; the same is measured for an entry without imports, and the
 * medians are subtracted. Process start-up, whose noise on a shared machine (±30 ms) is larger
 * than the goal, is outside both timings. neverthrow alone is measured both ways Node can load
 * its CommonJS build: as core loads it (`require`, through core's `#neverthrow`) and as an
 * `import`, to show its share and what the first way saves.
 */
export function measureImportTime(runs = 21): {
  adapters: Record<string, number>;
  neverthrow: { required: number; imported: number };
} {
  const time = (imports: string) => {
    const code = `${imports}console.log(performance.now() - globalThis.importStarted);`;
    const printed = execFileSync(
      process.execPath,
      ['--import', MARK, '--input-type=module', '--eval', code],
      { cwd: import.meta.dirname },
    );
    return Number(printed.toString());
  };
  const samples: Record<'empty' | 'cardda' | 'clara' | 'required' | 'imported', number[]> = {
    empty: [],
    cardda: [],
    clara: [],
    required: [],
    imported: [],
  };
  // neverthrow as core resolves it: its package has no `exports`, so both ways load its CommonJS build.
  const fromCore = createRequire(createRequire(import.meta.url).resolve('@issuer-errors/core'));
  const neverthrowPath = fromCore.resolve('neverthrow');
  const required = `import { createRequire } from 'node:module'; createRequire(import.meta.url)(${JSON.stringify(neverthrowPath)});`;
  for (let run = 0; run < runs; run += 1) {
    samples.empty.push(time(''));
    samples.cardda.push(time("import '@issuer-errors/cardda';"));
    samples.clara.push(time("import '@issuer-errors/clara';"));
    samples.required.push(time(required));
    samples.imported.push(time(`import '${pathToFileURL(neverthrowPath).href}';`));
  }
  const empty = median(samples.empty);
  return {
    adapters: {
      cardda: median(samples.cardda) - empty,
      clara: median(samples.clara) - empty,
    },
    neverthrow: {
      required: median(samples.required) - empty,
      imported: median(samples.imported) - empty,
    },
  };
}
