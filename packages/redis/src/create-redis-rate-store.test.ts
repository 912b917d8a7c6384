import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bucket, cooling, fakeRedis, reserved } from './__fixtures__/fake-redis';
import { createRedisRateStore } from './create-redis-rate-store';
import type { IoRedisClientLike, NodeRedisClientLike } from './redis-client';
import { COOL_DOWN_SCRIPT, TAKE_SCRIPT } from './redis-scripts';

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
});
afterEach(() => {
  vi.useRealTimers();
});

const KEY = 'issuer-errors:rate:{cardda:0123456789abcdef0123456789abcdef:all}';

describe('createRedisRateStore: in Redis', () => {
  it("runs one script per take: the bucket's four keys, ms between slots, the burst, the process and the fleet's window", async () => {
    const { redis, commands } = fakeRedis(async () => reserved());
    const store = createRedisRateStore({ redis });
    expect(await store.take(bucket)).toEqual({ waitMs: 0, cooldownMs: 0, reserved: true });
    expect(commands).toHaveLength(1);
    const [command] = commands;
    expect(command?.command).toBe('EVALSHA');
    expect(command?.sha).toBe(TAKE_SCRIPT.sha);
    expect(command?.options.keys).toEqual([
      `${KEY}:budget`,
      `${KEY}:cooldown`,
      `${KEY}:rate`,
      `${KEY}:fleet`,
    ]);
    // 25 ms between requests at 40/s, and 2% more; a burst of 4; this process; 30 s.
    const [interval, burst, processId, window] = command?.options.arguments ?? [];
    expect([interval, burst, window]).toEqual(['25.500', '4', '30000']);
    expect(processId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('names each process apart, whatever jitter source the app gives: two stores never share an id', async () => {
    const { redis, commands } = fakeRedis(async () => reserved());
    await createRedisRateStore({ redis, random: () => 0 }).take(bucket);
    await createRedisRateStore({ redis, random: () => 0 }).take(bucket);
    const [first, second] = commands.map((command) => command.options.arguments[2]);
    expect(first).not.toBe(second);
  });

  it('asks for a cooldown only when the bucket has no budget, under a prefix of yours', async () => {
    const { redis, commands } = fakeRedis(async () => [0, 0, 0, 1, '']);
    const store = createRedisRateStore({ redis, prefix: 'app:' });
    expect(await store.take({ key: 'clara:abc:write', budget: undefined })).toEqual({
      waitMs: 0,
      cooldownMs: 0,
    });
    expect(commands[0]?.options.keys[0]).toBe('app:{clara:abc:write}:budget');
    expect(commands[0]?.options.arguments.slice(0, 2)).toEqual(['0.000', '1']);
  });

  it('passes on the wait of the slot Redis reserved, as a reservation', async () => {
    const { redis } = fakeRedis(async () => reserved(25));
    expect(await createRedisRateStore({ redis }).take(bucket)).toEqual({
      waitMs: 25,
      cooldownMs: 0,
      reserved: true,
    });
  });

  it('keeps a cooldown Redis reports, and wakes waiters with up to a tenth of it as jitter', async () => {
    const { redis, commands } = fakeRedis(async () => cooling(1000));
    const store = createRedisRateStore({ redis, random: () => 0.999 });
    expect(await store.take(bucket)).toEqual({ waitMs: 1100, cooldownMs: 1000 });
    // The next waiter of this process does not ask Redis while the cooldown runs.
    vi.advanceTimersByTime(400);
    expect(await store.take(bucket)).toEqual({ waitMs: 600 + 60, cooldownMs: 600 });
    expect(commands).toHaveLength(1);
  });

  it('caps the wake jitter at 250 ms and adds none with a draw of 0', async () => {
    const { redis } = fakeRedis(async () => cooling(60_000));
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
        options: { keys: [`${KEY}:cooldown`], arguments: ['1501'] },
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
    expect(await store.take(bucket)).toEqual({ waitMs: 0, cooldownMs: 0, reserved: true });
    expect(commands.map((command) => command.command)).toEqual(['EVALSHA', 'EVAL']);
    expect(commands[1]?.sha).toBe(TAKE_SCRIPT.source);
  });

  it('asks Redis for every take while it answers, concurrent ones too', async () => {
    const { redis, commands } = fakeRedis(async () => reserved());
    const store = createRedisRateStore({ redis });
    await Promise.all([store.take(bucket), store.take(bucket), store.take(bucket)]);
    expect(commands).toHaveLength(3);
  });

  it('tells the clients to wait for it exactly its command time limit', () => {
    const { redis } = fakeRedis(async () => reserved());
    expect(createRedisRateStore({ redis }).timeLimitMs).toBe(100);
    expect(createRedisRateStore({ redis, commandTimeoutMs: 2_500 }).timeLimitMs).toBe(2_500);
  });

  it('holds two Lua scripts, each named by the SHA-1 Redis caches it by, reading the server clock', () => {
    for (const script of [TAKE_SCRIPT, COOL_DOWN_SCRIPT]) {
      expect(script.sha).toBe(createHash('sha1').update(script.source).digest('hex'));
      expect(script.source).toContain("redis.call('TIME')");
      expect(script.source).toContain('redis.replicate_commands()');
    }
  });
});

describe('createRedisRateStore: an ioredis client', () => {
  it('sends the script with the number of keys, then the keys and arguments, as ioredis takes them', async () => {
    const calls: unknown[][] = [];
    const redis: IoRedisClientLike = {
      status: 'ready',
      evalsha: async (...values) => {
        calls.push(['evalsha', ...values]);
        throw new Error('NOSCRIPT No matching script. Please use EVAL.');
      },
      eval: async (...values) => {
        calls.push(['eval', ...values]);
        return reserved(7);
      },
    };
    const store = createRedisRateStore({ redis });
    expect(await store.take(bucket)).toEqual({ waitMs: 7, cooldownMs: 0, reserved: true });
    expect(calls.map((call) => call.slice(0, 3))).toEqual([
      ['evalsha', TAKE_SCRIPT.sha, 4],
      ['eval', TAKE_SCRIPT.source, 4],
    ]);
    expect(calls[0]?.slice(3, 7)).toEqual([
      `${KEY}:budget`,
      `${KEY}:cooldown`,
      `${KEY}:rate`,
      `${KEY}:fleet`,
    ]);
  });
});

describe('createRedisRateStore: setup', () => {
  it('takes the widest settings: a command time limit of 60 s, the whole budget without Redis', () => {
    const { redis } = fakeRedis(async () => reserved());
    expect(() =>
      createRedisRateStore({ redis, commandTimeoutMs: 60_000, fallbackShare: 1 }),
    ).not.toThrow();
  });

  const NO_CLIENT =
    'redis needs a connected client of node-redis (createClient() or createCluster() of the redis package, 5 or later) or ioredis (5 or later)';
  const BRACES =
    'prefix needs text without braces: the store puts each budget in braces of its own, so that a cluster keeps its keys in one slot';
  it.each([
    [{ redis: {} }, NO_CLIENT],
    [{ redis: undefined }, NO_CLIENT],
    [{ redis: { eval: async () => [0, 0] } }, NO_CLIENT],
    [{ prefix: '{fleet}:' }, BRACES],
    [{ prefix: 'app:}' }, BRACES],
    [{ prefix: 42 }, BRACES],
    [{ commandTimeoutMs: 0 }, 'commandTimeoutMs needs a number of ms above 0, at most 60 000'],
    [{ commandTimeoutMs: 60_001 }, 'commandTimeoutMs needs a number of ms above 0, at most 60 000'],
    [
      { commandTimeoutMs: Number.NaN },
      'commandTimeoutMs needs a number of ms above 0, at most 60 000',
    ],
    [{ fallbackShare: 0 }, 'fallbackShare needs a number above 0, at most 1'],
    [{ fallbackShare: 1.5 }, 'fallbackShare needs a number above 0, at most 1'],
  ])('throws invalid_client_setup for %o', (options, problem) => {
    const { redis } = fakeRedis(async () => reserved());
    expect(() => createRedisRateStore({ redis, ...options } as never)).toThrow(
      expect.objectContaining({
        code: 'invalid_client_setup',
        message: `createRedisRateStore: ${problem}`,
      }),
    );
  });

  it('takes a client with no state and no events, and uses it', async () => {
    const { redis, commands } = fakeRedis(async () => reserved());
    const bare: NodeRedisClientLike = { evalSha: redis.evalSha, eval: redis.eval };
    const store = createRedisRateStore({ redis: bare });
    expect(await store.take(bucket)).toEqual({ waitMs: 0, cooldownMs: 0, reserved: true });
    expect(commands).toHaveLength(1);
    expect(() => store.close()).not.toThrow();
  });
});
