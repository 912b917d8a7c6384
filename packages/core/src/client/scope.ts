import { onAbort } from './abort-listeners';

/** Why a scope stopped: the caller aborted, or a time limit ran out. */
export type StopReason = 'cancelled' | 'timeout';

/** An abort signal that remembers why it fired: a whole call, or one attempt inside it. */
export interface Scope {
  /** Aborts when the scope stops; `undefined` when nothing can stop it (no parent signal, no time limit). */
  readonly signal: AbortSignal | undefined;
  /** Why it stopped, once it has. */
  readonly stopReason: () => StopReason | undefined;
  /** Clears its timer and listeners; call it when the work settles. */
  readonly dispose: () => void;
}

const UNSTOPPABLE: Scope = {
  signal: undefined,
  stopReason: () => undefined,
  dispose: () => {},
};

/**
 * A scope that stops when `parent` stops (with the parent's reason; a caller's
 * signal counts as `cancelled`) or when `timeoutMs` runs out (`timeout`).
 */
export function createScope(parent: Scope | AbortSignal | undefined, timeoutMs?: number): Scope {
  const parentSignal = parent instanceof AbortSignal ? parent : parent?.signal;
  // No signal when none can fire: see "A request's overhead" in docs/architecture.md.
  if (parentSignal === undefined && timeoutMs === undefined) return UNSTOPPABLE;
  const controller = new AbortController();
  let reason: StopReason | undefined;
  const stop = (why: StopReason) => {
    if (reason !== undefined) return;
    reason = why;
    controller.abort(why);
  };
  const onParentAbort = () =>
    stop(parent instanceof AbortSignal ? 'cancelled' : (parent?.stopReason() ?? 'cancelled'));
  let stopListening: (() => void) | undefined;
  if (parentSignal?.aborted) onParentAbort();
  else if (parentSignal !== undefined) stopListening = onAbort(parentSignal, onParentAbort);
  const timer =
    timeoutMs === undefined || reason !== undefined
      ? undefined
      : setTimeout(() => stop('timeout'), timeoutMs);
  return {
    signal: controller.signal,
    stopReason: () => reason,
    dispose: () => {
      clearTimeout(timer);
      stopListening?.();
    },
  };
}
