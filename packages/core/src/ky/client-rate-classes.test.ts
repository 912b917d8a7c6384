import { createHash } from 'node:crypto';
import nock from 'nock';
import { describe, expect, it, vi } from 'vitest';
import { BASE_URL, testAdapterDefinition } from '../adapter/__fixtures__/test-adapter';
import { defineAdapter } from '../adapter/define-adapter';
import { createMemoryRateStore } from '../rate/memory-rate-store';
import type { RateBucket, RateStore } from '../rate/rate-types';
import { ORIGIN, testClient, useNock } from './__fixtures__/test-client';

useNock();

/** The test provider's 429 asks for a 1 s pause; `apart`: it limits reads and writes apart, as Clara does. */
const pausingAdapter = (apart: boolean) =>
  defineAdapter({
    ...testAdapterDefinition,
    rules: [{ status: 429, code: 'rate_limited', retryAfterMs: 1000 }],
    retry: { ...testAdapterDefinition.retry, limitsReadsAndWritesApart: apart },
  });

/** A store that records the buckets it is asked about. */
function recordingStore() {
  const memory = createMemoryRateStore();
  const buckets: RateBucket[] = [];
  const store: RateStore = {
    take: (bucket) => {
      buckets.push(bucket);
      return memory.take(bucket);
    },
    coolDown: (bucket, ms) => memory.coolDown(bucket, ms),
  };
  return { store, buckets };
}

const sha256Prefix = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32);

describe('client: reads and writes apart', () => {
  it('pauses only writes after a 429 on a write, when the issuer limits them apart', async () => {
    const scope = nock(ORIGIN)
      .post('/v1/payments')
      .reply(429)
      .get('/v1/cards')
      .reply(200, { cards: [] })
      .post('/v1/payments')
      .reply(201, {});
    const client = testClient({
      adapter: pausingAdapter(true),
      maxAttempts: 1,
      maxRetryDelayMs: 500,
    });
    expect((await client.post('/payments'))._unsafeUnwrapErr().kind).toBe('rate_limited');
    expect((await client.get('/cards'))._unsafeUnwrap()).toEqual({ cards: [] });
    const paused = (await client.post('/payments'))._unsafeUnwrapErr();
    expect(paused).toMatchObject({ kind: 'rate_limited', outcome: 'rejected' });
    expect(paused.status).toBeUndefined();
    expect(scope.pendingMocks()).toEqual(['POST https://issuer.test:443/v1/payments']);
  });

  it('pauses only reads after a 429 on a read', async () => {
    nock(ORIGIN).get('/v1/cards').reply(429).delete('/v1/cards/1').reply(204);
    const client = testClient({
      adapter: pausingAdapter(true),
      maxAttempts: 1,
      maxRetryDelayMs: 500,
    });
    await client.get('/cards');
    expect((await client.delete('/cards/1')).isOk()).toBe(true);
    expect((await client.get('/cards'))._unsafeUnwrapErr().status).toBeUndefined();
  });

  it('pauses every request after a 429 when the issuer has one limit', async () => {
    const scope = nock(ORIGIN).post('/v1/payments').reply(429).get('/v1/cards').reply(200, {});
    const client = testClient({
      adapter: pausingAdapter(false),
      maxAttempts: 1,
      maxRetryDelayMs: 500,
    });
    await client.post('/payments');
    expect((await client.get('/cards'))._unsafeUnwrapErr().kind).toBe('rate_limited');
    expect(scope.pendingMocks()).toEqual(['GET https://issuer.test:443/v1/cards']);
  });

  it('keeps a budget for reads and one for writes when rateLimit gives each its own', async () => {
    nock(ORIGIN).get('/v1/cards').reply(200, {}).post('/v1/payments').reply(201, {});
    // One request per 1,000 s in each class: a shared budget would hold the second request.
    const rateLimit = { read: { requestsPerSecond: 0.001 }, write: { requestsPerSecond: 0.001 } };
    const client = testClient({ rateLimit, totalTimeoutMs: 2000 });
    expect((await client.get('/cards')).isOk()).toBe(true);
    expect((await client.post('/payments')).isOk()).toBe(true);
  });

  it('counts PUT, PATCH and DELETE as writes and GET as a read', async () => {
    nock(ORIGIN)
      .get('/v1/a')
      .reply(200, {})
      .put('/v1/a')
      .reply(200, {})
      .patch('/v1/a')
      .reply(200, {})
      .delete('/v1/a')
      .reply(204);
    const { store, buckets } = recordingStore();
    const client = testClient({ adapter: pausingAdapter(true), rateStore: store, rateKey: 'k' });
    await client.get('/a');
    await client.put('/a');
    await client.patch('/a');
    await client.delete('/a');
    expect(buckets.map((bucket) => bucket.key)).toEqual([
      'test:k:read',
      'test:k:write',
      'test:k:write',
      'test:k:write',
    ]);
  });
});

describe('client: a 429 and the store', () => {
  it('asks the store to pause the class for a wait the issuer named, and for nothing else', async () => {
    nock(ORIGIN).get('/v1/a').reply(429, {}, { 'Retry-After': '2' }).get('/v1/b').reply(429);
    const pauses: number[] = [];
    const memory = createMemoryRateStore();
    const rateStore: RateStore = {
      take: () => ({ waitMs: 0, cooldownMs: 0 }),
      coolDown: (bucket, ms) => {
        pauses.push(ms);
        memory.coolDown(bucket, ms);
      },
    };
    const client = testClient({ rateStore, rateKey: 'k', maxAttempts: 1 });
    await client.get('/a');
    await client.get('/b');
    expect(pauses).toEqual([2000]);
  });
});

describe('client: a shared rateStore', () => {
  it('names budgets by a hash of the credential, never the credential itself', async () => {
    nock(ORIGIN).get('/v1/a').reply(200, {});
    const { store, buckets } = recordingStore();
    const rateLimit = { requestsPerSecond: 5, burst: 2 };
    await testClient({ rateStore: store, rateCredential: 'sk_live_secret', rateLimit }).get('/a');
    expect(buckets).toEqual([
      { key: `test:${sha256Prefix('sk_live_secret')}:all`, budget: rateLimit },
    ]);
    expect(JSON.stringify(buckets)).not.toContain('sk_live_secret');
  });

  it('hashes the base URL when no credential is given, and keeps a rateKey as given', async () => {
    nock(ORIGIN).get('/v1/a').times(2).reply(200, {});
    const { store, buckets } = recordingStore();
    await testClient({ rateStore: store }).get('/a');
    await testClient({ rateStore: store, rateKey: 'payments-fleet' }).get('/a');
    expect(buckets.map((bucket) => bucket.key)).toEqual([
      `test:${sha256Prefix(BASE_URL)}:all`,
      'test:payments-fleet:all',
    ]);
  });

  it('shares one budget between clients of one credential, and none between two', async () => {
    // A real wait: the second client's call must end by its own time limit, unsent.
    const scope = nock(ORIGIN).get('/v1/a').times(3).reply(200, {});
    const rateStore = createMemoryRateStore();
    const options = { rateStore, rateLimit: { requestsPerSecond: 0.001 }, totalTimeoutMs: 200 };
    const first = testClient({ ...options, rateCredential: 'key-1' });
    const sameKey = testClient({ ...options, rateCredential: 'key-1' });
    const otherKey = testClient({ ...options, rateCredential: 'key-2' });
    expect((await first.get('/a')).isOk()).toBe(true);
    expect((await sameKey.get('/a'))._unsafeUnwrapErr().kind).toBe('timeout');
    expect((await otherKey.get('/a')).isOk()).toBe(true);
    expect(scope.pendingMocks()).toHaveLength(1);
  });
});

describe('client: rate setup', () => {
  it.each([
    [{ read: { requestsPerSecond: 1 }, write: { requestsPerSecond: 0 } }, 'rateLimit.write'],
    [
      { read: { requestsPerSecond: 1, burst: 0 }, write: { requestsPerSecond: 1 } },
      'rateLimit.read',
    ],
  ])('answers invalid_client_setup for split budgets %o', async (rateLimit, name) => {
    const error = (await testClient({ rateLimit }).get('/x'))._unsafeUnwrapErr();
    expect(error.code).toBe('invalid_client_setup');
    expect(error.message).toBe(`Test: ${name} needs requestsPerSecond > 0 and a whole burst ≥ 1`);
  });

  it.each([
    ['no methods', {}],
    ['no coolDown', { take: () => ({ waitMs: 0, cooldownMs: 0 }) }],
    ['null', null],
  ])('answers invalid_client_setup for a rateStore with %s', async (_name, rateStore) => {
    const client = testClient({ rateStore: rateStore as unknown as RateStore });
    const error = (await client.get('/x'))._unsafeUnwrapErr();
    expect(error.code).toBe('invalid_client_setup');
    expect(error.message).toBe(
      'Test: rateStore needs take and coolDown methods, such as createRedisRateStore returns',
    );
  });

  it('needs Web Crypto to hash the credential for a shared store, unless a rateKey names the budget', async () => {
    nock(ORIGIN).get('/v1/x').reply(200, {});
    const rateStore = createMemoryRateStore();
    vi.stubGlobal('crypto', undefined);
    try {
      const error = (await testClient({ rateStore }).get('/x'))._unsafeUnwrapErr();
      expect(error.message).toBe(
        'Test: rateStore needs Web Crypto (globalThis.crypto.subtle) to hash the credential, or a rateKey',
      );
      expect((await testClient({ rateStore, rateKey: 'fleet' }).get('/x')).isOk()).toBe(true);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
