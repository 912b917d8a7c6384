/** The callbacks waiting on one signal, and the one listener that calls them. */
interface Subscribers {
  readonly callbacks: Set<() => void>;
  readonly listener: () => void;
}

const subscribersBySignal = new WeakMap<AbortSignal, Subscribers>();

/**
 * Calls `callback` once when `signal` (not aborted yet) aborts, through one listener per signal however many
 * callbacks wait on it: an app's one shutdown signal shared by many calls holds one listener,
 * so Node never warns of a leak. Returns what stops waiting; the listener goes with the last.
 */
export function onAbort(signal: AbortSignal, callback: () => void): () => void {
  let subscribers = subscribersBySignal.get(signal);
  if (subscribers === undefined) {
    const callbacks = new Set<() => void>();
    const listener = () => {
      subscribersBySignal.delete(signal);
      for (const waiting of callbacks) waiting();
    };
    subscribers = { callbacks, listener };
    subscribersBySignal.set(signal, subscribers);
    signal.addEventListener('abort', listener, { once: true });
  }
  const { callbacks, listener } = subscribers;
  // A function of its own, so that one callback given twice is still removed once each.
  const entry = () => callback();
  callbacks.add(entry);
  return () => {
    callbacks.delete(entry);
    // Once the signal has aborted, its listener is gone already.
    if (callbacks.size > 0 || signal.aborted) return;
    subscribersBySignal.delete(signal);
    signal.removeEventListener('abort', listener);
  };
}
