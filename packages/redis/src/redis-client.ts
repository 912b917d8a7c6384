/** The keys and arguments of a script, as node-redis takes them. */
export interface ScriptArguments {
  readonly keys: string[];
  readonly arguments: string[];
}

/**
 * What the store uses of a node-redis client or cluster (the `redis` package, 5 or later): its
 * two script commands, and, when it has them, its state, per-command abort signals and events.
 */
export interface NodeRedisClientLike {
  /** Runs a script Redis has cached, by its SHA-1 (`EVALSHA`). */
  evalSha(sha1: string, options: ScriptArguments): Promise<unknown>;
  /** Runs a script, and caches it (`EVAL`). */
  eval(script: string, options: ScriptArguments): Promise<unknown>;
  /** The same client, with commands that `signal` drops while they are still queued. */
  withAbortSignal?(signal: AbortSignal): NodeRedisClientLike;
  /** `false` before `connect()` and after `quit()`/`destroy()`. */
  readonly isOpen?: boolean;
  /** `true` while commands can be sent; `false` while it reconnects. */
  readonly isReady?: boolean;
  /** Listens to the connection's errors. */
  on?(event: 'error', listener: (error: unknown) => void): unknown;
  /** Stops listening. */
  off?(event: 'error', listener: (error: unknown) => void): unknown;
}

/** What the store uses of an ioredis client or `Cluster` (5 or later): its two script commands, its state and events. */
export interface IoRedisClientLike {
  /** Runs a script Redis has cached, by its SHA-1 (`EVALSHA`). */
  evalsha(sha1: string, numberOfKeys: number, ...keysAndArguments: string[]): Promise<unknown>;
  /** Runs a script, and caches it (`EVAL`). */
  eval(script: string, numberOfKeys: number, ...keysAndArguments: string[]): Promise<unknown>;
  /** `'ready'` while commands can be sent; `'wait'` before `connect()` (lazyConnect), `'end'` after `quit()`. */
  readonly status?: string;
  /** Listens to the connection's errors. */
  on?(event: 'error', listener: (error: unknown) => void): unknown;
  /** Stops listening. */
  off?(event: 'error', listener: (error: unknown) => void): unknown;
}

/** A Redis client the app already has: node-redis 5 or later, or ioredis 5 or later, a client or a cluster. */
export type RedisClientLike = NodeRedisClientLike | IoRedisClientLike;

/**
 * Whether a command may be sent now: `ready`; `connecting` while the client connects again
 * (an outage); `closed` when it was never connected or has quit (a setup mistake).
 */
export type ClientState = 'ready' | 'connecting' | 'closed';

/** Whether `value` has the script commands of node-redis or of ioredis. */
export function isRedisClient(value: unknown): value is RedisClientLike {
  const client = value as Partial<NodeRedisClientLike & IoRedisClientLike> | undefined;
  return (
    typeof client?.eval === 'function' &&
    (typeof client.evalSha === 'function' || typeof client.evalsha === 'function')
  );
}

/** The client's state, from what node-redis or ioredis tells; `ready` for a client that tells nothing. */
export function clientState(client: RedisClientLike): ClientState {
  if (isNodeRedis(client)) {
    if (client.isOpen === false) return 'closed';
    return client.isReady === false ? 'connecting' : 'ready';
  }
  const { status } = client;
  if (status === undefined || status === 'ready') return 'ready';
  return status === 'wait' || status === 'end' ? 'closed' : 'connecting';
}

/** Runs a script by its SHA-1 (`EVALSHA`), or by its source (`EVAL`). */
export function evaluate(
  client: RedisClientLike,
  command: 'evalsha' | 'eval',
  shaOrSource: string,
  { keys, arguments: values }: ScriptArguments,
  signal: AbortSignal,
): Promise<unknown> {
  if (isNodeRedis(client)) {
    const withSignal = client.withAbortSignal?.(signal) ?? client;
    return command === 'evalsha'
      ? withSignal.evalSha(shaOrSource, { keys, arguments: values })
      : withSignal.eval(shaOrSource, { keys, arguments: values });
  }
  return command === 'evalsha'
    ? client.evalsha(shaOrSource, keys.length, ...keys, ...values)
    : client.eval(shaOrSource, keys.length, ...keys, ...values);
}

function isNodeRedis(client: RedisClientLike): client is NodeRedisClientLike {
  return typeof (client as NodeRedisClientLike).evalSha === 'function';
}
