import { createHash } from 'node:crypto';
import type { RateBucket } from '@issuer-errors/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRedisRateStore } from './create-redis-rate-store';
import { COOL_DOWN_SCRIPT, TAKE_SCRIPT } from './redis-scripts';
import type { RedisClientLike, ScriptArguments } from './run-script';

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
});
afterEach(() => {
  vi.useRealTimers();
});

type Answer = (sha: string, options: ScriptArguments) => Promise<unknown>;

/** A node-redis client double: `answer` plays Redis; every command is recorded. */
function fakeRedis(answer: Answer) {
  const commands: Array<{ command: string; sha: string; options: ScriptArguments }> = [];
  const listeners: Array<(error: unknown) => void> = [];
  const redis: RedisClientLike = {
    evalSha: (sha, options) => {
      commands.push({ command: 'EVALSHA', sha, options });
      return answer(sha, options);
    },
    eval: (source, options) => {
      commands.push({ command: 'EVAL', sha: source, options });
      return Promise.resolve([0, 0]);
    },
    on: (event, listener) => {
      if (event === 'error') listeners.push(listener);
    },
  };
  const emitError = (error: unknown) => {
    for (const listener of listeners) listener(error);
  };
  return { redis, commands, emitError };
}

const bucket: RateBucket = {
  key: 'cardda:0123456789abcdef0123456789abcdef:all',
  budget: { requestsPerSecond: 40, burst: 4 },
};
const never = () => new Promise<never>(() => {});

describe('createRedisRateStore: in Redis', () => {
  it('runs one script per take: the budget and cooldown keys of the bucket, ms between slots and the burst', async () => {
    const { redis, commands } = fakeRedis(async () => [0, 0]);
    const store = createRedisRateStore({ redis });
    expect(await store.take(bucket)).toEqual({ waitMs: 0, cooldownMs: 0 });
    expect(commands).toEqual([
      {
        command: 'EVALSHA',
        sha: TAKE_SCRIPT.sha,
        options: {
          keys: [
            'issuer-errors:rate:{cardda:0123456789abcdef0123456789abcdef:all}:budget',
            'issuer-errors:rate:{cardda:0123456789abcdef0123456789abcdef:all}:cooldown',
          ],
          // 25 ms between requests at 40/s, and 2% more.
          arguments: ['25.5', '4'],
        },
      },
    ]);
  });

  it('asks for a cooldown only when the bucket has no budget, under a prefix of yours', async () => {
    const { redis, commands } = fakeRedis(async () => [0, 0]);
    const store = createRedisRateStore({ redis, prefix: 'app:' });
    await store.take({ key: 'clara:abc:write', budget: undefined });
    expect(commands[0]?.options).toEqual({
      keys: ['app:{clara:abc:write}:budget', 'app:{clara:abc:write}:cooldown'],
      arguments: ['0', '1'],
    });
  });

  it('passes on the wait Redis answers', async () => {
    const { redis } = fakeRedis(async () => [25, 0]);
    expect(await createRedisRateStore({ redis }).take(bucket)).toEqual({
      waitMs: 25,
      cooldownMs: 0,
    });
  });

  it('keeps a cooldown Redis reports, and wakes waiters with up to a tenth of it as jitter', async () => {
    const { redis, commands } = fakeRedis(async () => [1000, 1000]);
    const store = createRedisRateStore({ redis, random: () => 0.999 });
    expect(await store.take(bucket)).toEqual({ waitMs: 1100, cooldownMs: 1000 });
    // The next waiter of this process does not ask Redis while the cooldown runs.
    vi.advanceTimersByTime(400);
    expect(await store.take(bucket)).toEqual({ waitMs: 600 + 60, cooldownMs: 600 });
    expect(commands).toHaveLength(1);
  });

  it('caps the wake jitter at 250 ms and adds none with a draw of 0', async () => {
    const { redis } = fakeRedis(async () => [60_000, 60_000]);
    expect(await createRedisRateStore({ redis, random: () => 1 }).take(bucket)).toEqual({
      waitMs: 60_250,
      cooldownMs: 60_000,
    });
    expect(await createRedisRateStore({ redis, random: () => 0 }).take(bucket)).toEqual({
      waitMs: 60_000,
      cooldownMs: 60_000,
    });
  });

  it('sends a cooldown to Redis, and keeps it here at once', async () => {
    const { redis, commands } = fakeRedis(async () => 0);
    const store = createRedisRateStore({ redis, random: () => 0 });
    await store.coolDown(bucket, 1500.2);
    expect(commands).toEqual([
      {
        command: 'EVALSHA',
        sha: COOL_DOWN_SCRIPT.sha,
        options: {
          keys: ['issuer-errors:rate:{cardda:0123456789abcdef0123456789abcdef:all}:cooldown'],
          arguments: ['1501'],
        },
      },
    ]);
    expect(await store.take(bucket)).toEqual({ waitMs: 1501, cooldownMs: 1501 });
    expect(commands).toHaveLength(1);
  });

  it('loads the script again when Redis lost it (NOSCRIPT, after a restart)', async () => {
    const { redis, commands } = fakeRedis(async () => {
      throw new Error('NOSCRIPT No matching script. Please use EVAL.');
    });
    const store = createRedisRateStore({ redis });
    expect(await store.take(bucket)).toEqual({ waitMs: 0, cooldownMs: 0 });
    expect(commands.map((command) => command.command)).toEqual(['EVALSHA', 'EVAL']);
    expect(commands[1]?.sha).toBe(TAKE_SCRIPT.source);
  });
});

describe('createRedisRateStore: when Redis fails', () => {
  it('answers from this process at a quarter of the budget when Redis is late, and reports once', async () => {
    const { redis, commands } = fakeRedis(never);
    const reports: Error[] = [];
    const store = createRedisRateStore({ redis, onStoreError: (error) => reports.push(error) });
    const first = store.take(bucket);
    await vi.advanceTimersByTimeAsync(100);
    // A quarter of 40/s with a burst of 4: 10/s, one at a time.
    expect(await first).toEqual({ waitMs: 0, cooldownMs: 0 });
    expect(await store.take(bucket)).toEqual({ waitMs: 100, cooldownMs: 0 });
    expect(commands).toHaveLength(1);
    expect(reports.map((error) => error.message)).toEqual([
      'Redis rate store: Redis is not answering; each process keeps 25% of each budget in memory until it does',
    ]);
    expect(reports[0]?.cause).toMatchObject({ message: 'Redis did not answer within 100 ms' });
  });

  it('asks Redis again after a backoff, one request at a time, and uses it once it answers', async () => {
    let up = false;
    const { redis, commands } = fakeRedis(async () => {
      if (!up) throw new Error('connect ECONNREFUSED 127.0.0.1:6390');
      return [0, 0];
    });
    const reports: Error[] = [];
    const store = createRedisRateStore({
      redis,
      random: () => 1,
      fallbackShare: 1,
      onStoreError: (error) => reports.push(error),
    });
    await store.take(bucket);
    await store.take(bucket);
    expect(commands).toHaveLength(1);
    vi.advanceTimersByTime(100);
    await store.take(bucket);
    expect(commands).toHaveLength(2);
    // Failed again: the next ask waits twice as long.
    vi.advanceTimersByTime(199);
    await store.take(bucket);
    expect(commands).toHaveLength(2);
    vi.advanceTimersByTime(1);
    up = true;
    await store.take(bucket);
    await store.take(bucket);
    expect(commands).toHaveLength(4);
    expect(reports).toHaveLength(1);
  });

  it('reports a new outage after Redis has answered since', async () => {
    let up = false;
    const { redis, emitError } = fakeRedis(async () => {
      if (!up) throw new Error('down');
      return [0, 0];
    });
    const reports: Error[] = [];
    const store = createRedisRateStore({ redis, onStoreError: (error) => reports.push(error) });
    emitError(new Error('Socket closed unexpectedly'));
    emitError(new Error('Socket closed unexpectedly'));
    expect(reports).toHaveLength(1);
    vi.advanceTimersByTime(5_000);
    up = true;
    await store.take(bucket);
    up = false;
    await store.take(bucket);
    expect(reports).toHaveLength(2);
  });

  it.each([
    ['an answer of another shape', async () => 'OK'],
    ['a negative wait', async () => [-1, 0]],
    ['a rejection', async () => Promise.reject(new Error('READONLY You cannot write'))],
  ])('falls back on %s, never failing the request', async (_name, answer) => {
    const { redis } = fakeRedis(answer);
    const store = createRedisRateStore({
      redis,
      onStoreError: () => {
        throw new Error('a logger that throws');
      },
    });
    expect(await store.take(bucket)).toEqual({ waitMs: 0, cooldownMs: 0 });
  });

  it('keeps a cooldown here and sends nothing while Redis is down', async () => {
    const { redis, commands } = fakeRedis(async () => {
      throw new Error('down');
    });
    const store = createRedisRateStore({ redis, random: () => 0 });
    await store.take(bucket);
    await store.coolDown(bucket, 1000);
    expect(commands).toHaveLength(1);
    expect(await store.take(bucket)).toEqual({ waitMs: 1000, cooldownMs: 1000 });
  });

  it('keeps at least one request at a time of a small budget', async () => {
    const { redis } = fakeRedis(async () => {
      throw new Error('down');
    });
    const store = createRedisRateStore({ redis, fallbackShare: 0.5 });
    const small = { key: 'cardda:k:all', budget: { requestsPerSecond: 2 } };
    expect(await store.take(small)).toEqual({ waitMs: 0, cooldownMs: 0 });
    expect(await store.take(small)).toEqual({ waitMs: 1000, cooldownMs: 0 });
  });
});

describe('createRedisRateStore: setup', () => {
  it('takes the widest settings: a command time limit of 60 s, the whole budget without Redis', () => {
    const { redis } = fakeRedis(async () => [0, 0]);
    expect(() =>
      createRedisRateStore({ redis, commandTimeoutMs: 60_000, fallbackShare: 1 }),
    ).not.toThrow();
  });

  it.each([
    [
      { redis: {} },
      'redis needs a connected node-redis client (createClient() of the redis package, 5 or later)',
    ],
    [
      { redis: undefined },
      'redis needs a connected node-redis client (createClient() of the redis package, 5 or later)',
    ],
    [{ commandTimeoutMs: 0 }, 'commandTimeoutMs needs a number of ms above 0, at most 60 000'],
    [{ commandTimeoutMs: 60_001 }, 'commandTimeoutMs needs a number of ms above 0, at most 60 000'],
    [
      { commandTimeoutMs: Number.NaN },
      'commandTimeoutMs needs a number of ms above 0, at most 60 000',
    ],
    [{ fallbackShare: 0 }, 'fallbackShare needs a number above 0, at most 1'],
    [{ fallbackShare: 1.5 }, 'fallbackShare needs a number above 0, at most 1'],
    [
      { redis: { eval: async () => [0, 0] } },
      'redis needs a connected node-redis client (createClient() of the redis package, 5 or later)',
    ],
  ])('throws invalid_client_setup for %o', (options, problem) => {
    const { redis } = fakeRedis(async () => [0, 0]);
    expect(() => createRedisRateStore({ redis, ...options } as never)).toThrow(
      expect.objectContaining({
        code: 'invalid_client_setup',
        message: `createRedisRateStore: ${problem}`,
      }),
    );
  });
});

describe('createRedisRateStore: asking Redis', () => {
  it('asks Redis for every take while it answers, concurrent ones too', async () => {
    const { redis, commands } = fakeRedis(async () => [0, 0]);
    const store = createRedisRateStore({ redis });
    await Promise.all([store.take(bucket), store.take(bucket), store.take(bucket)]);
    expect(commands).toHaveLength(3);
  });

  it('counts requests that fail together as one failure, and probes with one request at a time', async () => {
    const { redis, commands } = fakeRedis(async () => {
      throw new Error('down');
    });
    const store = createRedisRateStore({ redis, random: () => 0, fallbackShare: 1 });
    await Promise.all([store.take(bucket), store.take(bucket), store.take(bucket)]);
    expect(commands).toHaveLength(3);
    // One failure: the first wait, 100 ms, drawn down to half of it.
    vi.advanceTimersByTime(50);
    await Promise.all([store.take(bucket), store.take(bucket)]);
    expect(commands).toHaveLength(4);
  });

  it('works with a client that has no error events', async () => {
    const { redis, commands } = fakeRedis(async () => [0, 0]);
    const { on: _on, ...withoutEvents } = redis;
    expect(await createRedisRateStore({ redis: withoutEvents }).take(bucket)).toEqual({
      waitMs: 0,
      cooldownMs: 0,
    });
    expect(commands).toHaveLength(1);
  });

  it('never aborts a command that answered, and ignores one that fails after its time limit', async () => {
    const signals: AbortSignal[] = [];
    let fail: (error: Error) => void = () => {};
    let answers = 0;
    const redis: RedisClientLike = {
      evalSha: () => {
        answers += 1;
        if (answers === 1) return Promise.resolve([0, 0]);
        return new Promise((_, reject) => {
          fail = reject;
        });
      },
      eval: () => Promise.resolve([0, 0]),
      withAbortSignal(signal) {
        signals.push(signal);
        return redis;
      },
    };
    const store = createRedisRateStore({ redis });
    await store.take(bucket);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(signals[0]?.aborted).toBe(false);
    const late = store.take(bucket);
    await vi.advanceTimersByTimeAsync(100);
    expect(await late).toEqual({ waitMs: 0, cooldownMs: 0 });
    expect(signals[1]?.aborted).toBe(true);
    // An answer after the time limit has nobody to tell: no unhandled rejection.
    fail(new Error('Socket closed unexpectedly'));
    await vi.advanceTimersByTimeAsync(0);
  });

  it('says what Redis answered instead of [wait, cooldown]', async () => {
    const reports: Error[] = [];
    const { redis } = fakeRedis(async () => [1, 2, 3]);
    await createRedisRateStore({ redis, onStoreError: (error) => reports.push(error) }).take(
      bucket,
    );
    expect(reports[0]?.cause).toMatchObject({
      message: 'Redis answered the rate script with something else than [wait, cooldown]',
    });
  });

  it('holds two Lua scripts, each named by the SHA-1 Redis caches it by', () => {
    for (const script of [TAKE_SCRIPT, COOL_DOWN_SCRIPT]) {
      expect(script.sha).toBe(createHash('sha1').update(script.source).digest('hex'));
      expect(script.source).toContain("redis.call('TIME')");
    }
    expect(TAKE_SCRIPT.source).toContain("redis.call('SET', KEYS[1]");
    expect(COOL_DOWN_SCRIPT.source).toContain("redis.call('SET', KEYS[1]");
  });
});
