import { MAX_TIMER_MS } from '../http/time-limits';

/** How long a store may take to answer before the client goes on without it, unless the store says. */
export const DEFAULT_STORE_TIME_LIMIT_MS = 1_000;

/**
 * A store's answer, or `undefined` when it fails or is later than `limitMs`. The verdict waits one
 * more turn of the event loop: after a stall, timers run before sockets are read, and an answer
 * already on its way (the store's own, at its own time limit) must win over this timer.
 */
export async function withinTimeLimit<T>(
  answer: PromiseLike<T>,
  limitMs: number,
): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(
      () => {
        timer = setTimeout(() => resolve(undefined), 0);
      },
      Math.min(limitMs, MAX_TIMER_MS),
    );
  });
  try {
    return await Promise.race([Promise.resolve(answer), late]);
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}
