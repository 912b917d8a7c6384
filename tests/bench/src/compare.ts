import { performance } from 'node:perf_hooks';

/** One side of a comparison: a name and the operation to time. */
export interface Contender<Operation> {
  readonly name: string;
  readonly run: Operation;
}

/** Median time per operation of each side, and the candidate's time over the baseline's. */
export interface Comparison {
  readonly baselineMs: number;
  readonly candidateMs: number;
  readonly ratio: number;
}

/** How long and how often to measure. */
export interface CompareOptions {
  /** Rounds; each times both sides once, in alternating order. */
  readonly rounds: number;
  /** Operations per side per round. */
  readonly operationsPerRound: number;
}

/**
 * Times two synchronous operations side by side: both run in every round, first one then the
 * other in turn, so that a noisy neighbour slows both alike; the figure is the median round.
 */
export function compareSync(
  baseline: Contender<(index: number) => unknown>,
  candidate: Contender<(index: number) => unknown>,
  options: CompareOptions,
): Comparison {
  const time = (run: (index: number) => unknown) => {
    const started = performance.now();
    for (let index = 0; index < options.operationsPerRound; index += 1) run(index);
    return (performance.now() - started) / options.operationsPerRound;
  };
  return measure(options.rounds, (round) => {
    if (round % 2 === 0) return { baseline: time(baseline.run), candidate: time(candidate.run) };
    const candidateMs = time(candidate.run);
    return { baseline: time(baseline.run), candidate: candidateMs };
  });
}

/** As {@link compareSync}, for operations that return a promise; one runs at a time. */
export async function compareAsync(
  baseline: Contender<(index: number) => Promise<unknown>>,
  candidate: Contender<(index: number) => Promise<unknown>>,
  options: CompareOptions,
): Promise<Comparison> {
  const time = async (run: (index: number) => Promise<unknown>) => {
    const started = performance.now();
    for (let index = 0; index < options.operationsPerRound; index += 1) await run(index);
    return (performance.now() - started) / options.operationsPerRound;
  };
  const rounds: { baseline: number; candidate: number }[] = [];
  for (let round = 0; round < options.rounds; round += 1) {
    if (round % 2 === 0) {
      const baselineMs = await time(baseline.run);
      rounds.push({ baseline: baselineMs, candidate: await time(candidate.run) });
    } else {
      const candidateMs = await time(candidate.run);
      rounds.push({ baseline: await time(baseline.run), candidate: candidateMs });
    }
  }
  return summarize(rounds);
}

function measure(
  rounds: number,
  runRound: (round: number) => { baseline: number; candidate: number },
): Comparison {
  return summarize(Array.from({ length: rounds }, (_, round) => runRound(round)));
}

function summarize(rounds: readonly { baseline: number; candidate: number }[]): Comparison {
  const baselineMs = median(rounds.map((round) => round.baseline));
  const candidateMs = median(rounds.map((round) => round.candidate));
  return { baselineMs, candidateMs, ratio: candidateMs / baselineMs };
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
