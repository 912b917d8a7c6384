import type { RedisClientLike } from './redis-client';

type ErrorListener = (error: unknown) => void;

/** The stores listening to one client, and the one listener that tells them all. */
interface Listening {
  readonly stores: Set<ErrorListener>;
  readonly listener: ErrorListener;
}

const listeningByClient = new WeakMap<object, Listening>();

/**
 * Tells `onError` of the client's `error` events through one listener per client, however many
 * stores share it, so the app's client never collects listeners. The app's own listeners still
 * get every error. Returns what stops telling; the listener goes with the last store.
 */
export function listenForErrors(client: RedisClientLike, onError: ErrorListener): () => void {
  if (typeof client.on !== 'function') return () => {};
  let listening = listeningByClient.get(client);
  if (listening === undefined) {
    const stores = new Set<ErrorListener>();
    const listener: ErrorListener = (error) => {
      for (const store of stores) store(error);
    };
    listening = { stores, listener };
    listeningByClient.set(client, listening);
    client.on('error', listener);
  }
  const { stores, listener } = listening;
  // A function of its own, so that one store's stop never removes another's.
  const entry: ErrorListener = (error) => onError(error);
  stores.add(entry);
  return () => {
    stores.delete(entry);
    if (stores.size > 0 || listeningByClient.get(client)?.stores !== stores) return;
    listeningByClient.delete(client);
    client.off?.('error', listener);
  };
}
