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
  /** The ratio of the mean times, where each operation was timed: pauses (GC, the neighbours) count here. */
  readonly meanRatio?: number;
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

/** How many operations {@link compareEachAsync} times. */
export interface CompareEachOptions {
  /** Operations per side that are timed. */
  readonly operations: number;
  /** Operations per side run first and not timed. */
  readonly warmup: number;
}

/**
 * Times two operations that return a promise one operation at a time, taking turns (one side
 * first, then the other, swapping every time), so that both meet the same moment of a noisy
 * machine. The figure is the median operation of each side: the time a typical request takes.
 */
export async function compareEachAsync(
  baseline: Contender<() => Promise<unknown>>,
  candidate: Contender<() => Promise<unknown>>,
  options: CompareEachOptions,
): Promise<Comparison> {
  const baselineTimes: number[] = [];
  const candidateTimes: number[] = [];
  const timeOne = async (run: () => Promise<unknown>, times: number[], timed: boolean) => {
    const started = performance.now();
    await run();
    if (timed) times.push(performance.now() - started);
  };
  for (let index = 0; index < options.warmup + options.operations; index += 1) {
    const timed = index >= options.warmup;
    if (index % 2 === 0) {
      await timeOne(baseline.run, baselineTimes, timed);
      await timeOne(candidate.run, candidateTimes, timed);
    } else {
      await timeOne(candidate.run, candidateTimes, timed);
      await timeOne(baseline.run, baselineTimes, timed);
    }
  }
  const baselineMs = median(baselineTimes);
  const candidateMs = median(candidateTimes);
  return {
    baselineMs,
    candidateMs,
    ratio: candidateMs / baselineMs,
    meanRatio: mean(candidateTimes) / mean(baselineTimes),
  };
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
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
