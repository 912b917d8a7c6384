import type { AttemptRecord, HealthBucket, HealthSettings } from '@issuer-errors/core';
import { describe, expect, it } from 'vitest';
import { fakeRedis, never } from './__fixtures__/fake-redis';
import { createRedisRateStore } from './create-redis-rate-store';
import { ADMIT_SCRIPT, RECORD_SCRIPT } from './issuer-health-scripts';
import type { RedisStoreError } from './store-reports';

const settings: HealthSettings = {
  retryRatio: 0.2,
  minRetries: 10,
  consecutiveFailures: 10,
  failureRatio: 0.5,
  minimumAttempts: 20,
  probeAfterMs: { min: 2000, max: 4000 },
  probeLeaseMs: 10_000,
};
const bucket: HealthBucket = { key: 'cardda:0123456789abcdef0123456789abcdef:all', settings };
const failure: AttemptRecord = {
  failed: true,
  first: false,
  probe: true,
  wantsRetry: true,
  budgeted: false,
  status: 503,
  code: 'upstream_unavailable',
  requestId: 'req|1',
};

describe("the Redis store's issuer health, as it speaks to Redis", () => {
  it('sends one record script on the bucket’s two keys, with the attempt and the settings in order', async () => {
    const { redis, commands } = fakeRedis(async () => [1, '', 0, '', '1000.5']);
    const store = createRedisRateStore({ redis, prefix: 'p:', random: () => 0.25 });
    expect(await store.health?.record(bucket, failure)).toEqual({ retry: true, openForMs: 0 });
    expect(commands).toEqual([
      {
        command: 'EVALSHA',
        sha: RECORD_SCRIPT.sha,
        options: {
          keys: [`p:{${bucket.key}}:health`, `p:{${bucket.key}}:outage`],
          arguments: [
            '1',
            '0',
            '1',
            '1',
            '0',
            '503',
            'upstream_unavailable',
            'req|1',
            '0.2',
            '10',
            '10',
            '0.5',
            '20',
            '2000',
            '4000',
            '0.25',
          ],
        },
      },
    ]);
  });

  it('sends what a success without a status or request id is: empty fields and the code unknown', async () => {
    const { redis, commands } = fakeRedis(async () => [0, '', 0, '', '1']);
    const store = createRedisRateStore({ redis, random: () => 0 });
    const success = { failed: false, first: true, probe: false, wantsRetry: false, budgeted: true };
    await store.health?.record(bucket, success);
    expect(commands[0]?.options.arguments.slice(0, 8)).toEqual([
      '0',
      '1',
      '0',
      '0',
      '1',
      '',
      'unknown',
      '',
    ]);
  });

  it('reads an opening: the failures by status and code, the request ids in their order, when it started', async () => {
    const reply = [
      0,
      'breaker',
      3000,
      'opened',
      '5000.7',
      'started',
      '4990.2',
      'attempts',
      '10',
      'calls',
      '2',
      'a|503|upstream_unavailable',
      '9',
      'c|503|upstream_unavailable',
      '2',
      'a||timeout',
      '1',
      'r|second|id',
      '2',
      'ids',
      '2',
      'r|first',
      '1',
    ];
    const { redis } = fakeRedis(async () => reply);
    const store = createRedisRateStore({ redis });
    expect(await store.health?.record(bucket, failure)).toEqual({
      retry: false,
      refusedBy: 'breaker',
      openForMs: 3000,
      opened: {
        startedAt: 4990,
        failedAttempts: 10,
        failedCalls: 2,
        failures: [
          { status: 503, code: 'upstream_unavailable', attempts: 9, calls: 2 },
          { status: null, code: 'timeout', attempts: 1, calls: 0 },
        ],
        requestIds: ['first', 'second|id'],
      },
    });
  });

  it('reads a closing, ended at the server’s time', async () => {
    const { redis } = fakeRedis(async () => [
      0,
      '',
      0,
      'closed',
      '9000.9',
      'started',
      '4000',
      'attempts',
      '3',
      // A field without its value (a reply cut short) is left out.
      'calls',
    ]);
    const verdict = await createRedisRateStore({ redis }).health?.record(bucket, failure);
    expect(verdict?.closed).toEqual({
      startedAt: 4000,
      endedAt: 9000,
      failedAttempts: 3,
      failedCalls: 0,
      failures: [],
      requestIds: [],
    });
    expect(verdict?.opened).toBeUndefined();
  });

  it('asks to admit with the process’s belief and the lease, and reads each answer', async () => {
    const answers = [
      ['closed', 0],
      ['probe', 0],
      ['open', 420],
      ['open', 0],
    ];
    const { redis, commands } = fakeRedis(async () => answers.shift());
    const store = createRedisRateStore({ redis });
    const admissions = [];
    for (let index = 0; index < 4; index += 1)
      admissions.push(await store.health?.admit(bucket, 1234.2));
    expect(admissions).toEqual([
      { kind: 'closed' },
      { kind: 'probe' },
      { kind: 'open', waitMs: 420 },
      { kind: 'open', waitMs: 0 },
    ]);
    expect(commands[0]).toMatchObject({
      sha: ADMIT_SCRIPT.sha,
      options: { arguments: ['1235', '10000'] },
    });
  });

  it.each([
    ['a reply of another shape', async () => 'OK'],
    ['an unknown refusal', async () => [0, 'maybe', 0, '', '1']],
    ['a negative wait', async () => [0, '', -1, '', '1']],
    ['an unknown transition', async () => [0, '', 0, 'half-open', '1']],
    ['a retry neither 0 nor 1', async () => [2, '', 0, '', '1']],
  ])('answers nothing for %s, and reports it, so the client decides', async (_name, answer) => {
    const reports: RedisStoreError[] = [];
    const { redis } = fakeRedis(answer as never);
    const store = createRedisRateStore({ redis, onStoreError: (error) => reports.push(error) });
    expect(await store.health?.record(bucket, failure)).toBeUndefined();
    expect(reports).toHaveLength(1);
  });

  it('answers nothing for an admission of another shape', async () => {
    for (const reply of [['open', -5], ['half-open', 0], null]) {
      const { redis } = fakeRedis(async () => reply);
      expect(await createRedisRateStore({ redis }).health?.admit(bucket, 0)).toBeUndefined();
    }
  });

  it('asks nothing of a client not connected, of a closed store, or while Redis is known down', async () => {
    const { redis, commands, state } = fakeRedis(async () => [1, '', 0, '', '1']);
    const store = createRedisRateStore({ redis, commandTimeoutMs: 20 });
    state.isReady = false;
    expect(await store.health?.record(bucket, failure)).toBeUndefined();
    state.isReady = true;
    store.close();
    expect(await store.health?.admit(bucket, 0)).toBeUndefined();
    expect(commands).toEqual([]);

    const silent = fakeRedis(never);
    const other = createRedisRateStore({ redis: silent.redis, commandTimeoutMs: 20 });
    expect(await other.health?.record(bucket, failure)).toBeUndefined();
    expect(await other.health?.record(bucket, failure)).toBeUndefined();
    // The second was not sent: Redis is asked again only after its backoff.
    expect(silent.commands).toHaveLength(1);
  });
});
