import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { OutageReport } from '../client/outage-report';
import type { Admission, AttemptRecord, HealthStore, HealthVerdict } from '../health/health-types';
import { createMemoryRateStore } from '../rate/memory-rate-store';
import { type LoopbackServer, startLoopbackServer } from './__fixtures__/loopback-server';
import { ORIGIN, testClient, useNock } from './__fixtures__/test-client';

useNock();

/** A probe 40 ms after the breaker opens: short enough to wait for on the real clock. */
const quickProbe = { probeAfterMs: { min: 40, max: 40 } };
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** nock answers `count` GETs of `/v1/x` with 503 and the request id `req-<n>`. */
function failing(count: number) {
  let index = 0;
  return nock(ORIGIN)
    .get('/v1/x')
    .times(count)
    .reply(() => [503, {}, { 'x-request-id': `req-${index++}` }]);
}

describe('client: the breaker', () => {
  it('opens after ten failed attempts in a row: the next call comes back at once, never sent, as breaker_open', async () => {
    const reports: OutageReport[] = [];
    const client = testClient({ maxAttempts: 1, onOutage: (report) => reports.push(report) });
    failing(10);
    for (let index = 0; index < 10; index += 1) await client.get('/x');
    const probeScope = nock(ORIGIN).get('/v1/x').reply(200, {});
    const error = (await client.get('/x'))._unsafeUnwrapErr();
    expect(error).toMatchObject({
      kind: 'unavailable',
      code: 'breaker_open',
      outcome: 'rejected',
      retryable: true,
      attempts: 0,
    });
    expect(error.message).toBe(
      'Test: not sent: the provider is failing persistently; the next probe is in 3 s',
    );
    // The jitter draw is 0.5: the wait is the middle of 2–4 s.
    expect(error.retryAfterMs).toBeGreaterThan(2900);
    expect(error.retryAfterMs).toBeLessThanOrEqual(3000);
    expect(probeScope.isDone()).toBe(false);
    expect(reports).toEqual([
      {
        state: 'started',
        provider: 'test',
        rateClass: 'all',
        advice: "Contact Test's support with the request ids.",
        startedAt: expect.any(Number),
        failedAttempts: 10,
        failedCalls: 10,
        failures: [{ status: 503, code: 'upstream_unavailable', attempts: 10, calls: 10 }],
        requestIds: Array.from({ length: 10 }, (_, index) => `req-${index}`),
      },
    ]);
  });

  it('lets one probe through after its wait; its success closes the breaker and reports the end once', async () => {
    const reports: OutageReport[] = [];
    const client = testClient({
      maxAttempts: 1,
      health: quickProbe,
      onOutage: (report) => reports.push(report),
    });
    failing(10);
    for (let index = 0; index < 10; index += 1) await client.get('/x');
    await wait(60);
    nock(ORIGIN).get('/v1/x').delay(30).reply(200, { probe: true });
    const [probe, held] = await Promise.all([client.get('/x'), client.get('/x')]);
    expect(probe._unsafeUnwrap()).toEqual({ probe: true });
    expect(held._unsafeUnwrapErr().code).toBe('breaker_open');
    nock(ORIGIN).get('/v1/x').reply(200, { back: true });
    expect((await client.get('/x'))._unsafeUnwrap()).toEqual({ back: true });
    expect(reports.map((report) => report.state)).toEqual(['started', 'ended']);
    expect(reports[1]).toMatchObject({ failedAttempts: 10, endedAt: expect.any(Number) });
  });

  it('tells onOutage once, though calls in flight when it opened still fail after it', async () => {
    const reports: OutageReport[] = [];
    const client = testClient({ maxAttempts: 1, onOutage: (report) => reports.push(report) });
    failing(14);
    const results = await Promise.all(Array.from({ length: 14 }, () => client.get('/x')));
    expect(results.filter((result) => result.isErr())).toHaveLength(14);
    expect(reports.map((report) => report.state)).toEqual(['started']);
  });

  it('refuses the retry of the failure that opens it, and says so on the error', async () => {
    failing(1);
    const error = (
      await testClient({ health: { consecutiveFailures: 1 } }).get('/x')
    )._unsafeUnwrapErr();
    expect(error).toMatchObject({
      code: 'upstream_unavailable',
      attempts: 1,
      retryRefusedBy: 'breaker',
    });
  });

  it('reports nothing for a 500 whose retry succeeds', async () => {
    const reports: OutageReport[] = [];
    nock(ORIGIN).get('/v1/x').reply(500).get('/v1/x').reply(200, {});
    const result = await testClient({ onOutage: (report) => reports.push(report) }).get('/x');
    expect(result.isOk()).toBe(true);
    await wait(10);
    expect(reports).toEqual([]);
  });

  it('never opens with health: false', async () => {
    failing(12);
    const client = testClient({ maxAttempts: 1, health: false });
    const codes = [];
    for (let index = 0; index < 12; index += 1)
      codes.push((await client.get('/x'))._unsafeUnwrapErr().code);
    expect(codes).toEqual(Array(12).fill('upstream_unavailable'));
  });

  it('is shared by clients given one store', async () => {
    const rateStore = createMemoryRateStore();
    failing(10);
    const first = testClient({ maxAttempts: 1, rateStore, rateKey: 'shared' });
    for (let index = 0; index < 10; index += 1) await first.get('/x');
    await wait(10);
    const second = testClient({ rateStore, rateKey: 'shared' });
    // The second client learns of the open breaker from its first attempt's record, and retries no more.
    failing(1);
    expect((await second.get('/x'))._unsafeUnwrapErr()).toMatchObject({
      code: 'upstream_unavailable',
      attempts: 1,
      retryRefusedBy: 'breaker',
    });
    expect((await second.get('/x'))._unsafeUnwrapErr().code).toBe('breaker_open');
  });
});

describe('client: the retry budget', () => {
  it('comes back at once with the attempts made, saying the budget stopped it', async () => {
    const scope = failing(2);
    const error = (
      await testClient({ health: { retryRatio: 0, minRetries: 1 } }).get('/x')
    )._unsafeUnwrapErr();
    expect(error).toMatchObject({
      code: 'upstream_unavailable',
      attempts: 2,
      retryRefusedBy: 'retry_budget',
      requestId: 'req-1',
    });
    expect(scope.isDone()).toBe(true);
  });

  it('spends nothing on a 429, which keeps its own rules', async () => {
    nock(ORIGIN).get('/v1/x').reply(429, {}, { 'Retry-After': '0' }).get('/v1/x').reply(200, {});
    const result = await testClient({ health: { retryRatio: 0, minRetries: 0 } }).get('/x');
    expect(result.isOk()).toBe(true);
  });
});

describe('client: what it tells the health store', () => {
  /** A store that records every attempt it is told of, and answers as the test says. */
  const spyStore = (
    verdictFor: (attempt: AttemptRecord) => HealthVerdict,
    admission?: Admission,
  ) => {
    const records: AttemptRecord[] = [];
    const memory = createMemoryRateStore();
    const health: HealthStore = {
      record: (_bucket, attempt) => {
        records.push(attempt);
        return verdictFor(attempt);
      },
      admit: () => admission,
    };
    return { records, rateStore: { take: memory.take, coolDown: memory.coolDown, health } };
  };
  const allow = () => ({ retry: true, openForMs: 0 });

  it('tells each attempt: first or not, whether a retry is wanted, and the failure’s status, code and request id', async () => {
    const { records, rateStore } = spyStore(allow);
    failing(2);
    nock(ORIGIN).get('/v1/x').reply(200, {});
    expect((await testClient({ rateStore, rateKey: 'k' }).get('/x')).isOk()).toBe(true);
    await wait(10);
    const failed = {
      failed: true,
      probe: false,
      budgeted: true,
      status: 503,
      code: 'upstream_unavailable',
    };
    expect(records).toEqual([
      { ...failed, first: true, wantsRetry: true, requestId: 'req-0' },
      { ...failed, first: false, wantsRetry: true, requestId: 'req-1' },
      { failed: false, first: false, probe: false, wantsRetry: false, budgeted: true },
    ]);
  });

  it('wants no retry of a last attempt, spends no budget on a 429, and tells nothing of a cancelled call', async () => {
    const { records, rateStore } = spyStore(allow);
    failing(1);
    await testClient({ rateStore, rateKey: 'k', maxAttempts: 1 }).get('/x');
    nock(ORIGIN).get('/v1/x').reply(429, {}, { 'Retry-After': '0' }).get('/v1/x').reply(200, {});
    await testClient({ rateStore, rateKey: 'other' }).get('/x');
    nock(ORIGIN).get('/v1/x').delay(200).reply(200, {});
    await testClient({ rateStore, rateKey: 'k' }).get('/x', { signal: AbortSignal.timeout(20) });
    await wait(10);
    expect(
      records.map(({ failed, wantsRetry, budgeted, status }) => ({
        failed,
        wantsRetry,
        budgeted,
        status,
      })),
    ).toEqual([
      { failed: true, wantsRetry: false, budgeted: true, status: 503 },
      { failed: false, wantsRetry: true, budgeted: false, status: 429 },
      { failed: false, wantsRetry: false, budgeted: true, status: undefined },
    ]);
  });

  it('marks the breaker’s probe, its first attempt only', async () => {
    // The first record opens the breaker for 30 ms; every later one allows a retry.
    const verdicts = [{ retry: false, openForMs: 30 }];
    const { records, rateStore } = spyStore(() => verdicts.shift() ?? allow(), { kind: 'probe' });
    const client = testClient({ rateStore, rateKey: 'k' });
    failing(1);
    await client.get('/x');
    await wait(40);
    failing(1);
    nock(ORIGIN).get('/v1/x').reply(200, {});
    expect((await client.get('/x')).isOk()).toBe(true);
    await wait(10);
    expect(records.map((record) => record.probe)).toEqual([false, true, false]);
  });
});

describe('client: a store that cannot keep the health', () => {
  const withHealth = (health: HealthStore) => {
    const memory = createMemoryRateStore();
    return { take: memory.take, coolDown: memory.coolDown, timeLimitMs: 50, health };
  };

  it('decides in the process when the store throws or never answers', async () => {
    for (const health of [
      {
        record: () => {
          throw new Error('down');
        },
        admit: () => {
          throw new Error('down');
        },
      },
      { record: () => new Promise<never>(() => {}), admit: () => new Promise<never>(() => {}) },
    ] satisfies HealthStore[]) {
      failing(10);
      const client = testClient({ maxAttempts: 1, rateStore: withHealth(health), rateKey: 'k' });
      for (let index = 0; index < 10; index += 1) await client.get('/x');
      // A record nobody waits for falls back when the store's 50 ms run out: wait well past them.
      await wait(250);
      expect((await client.get('/x'))._unsafeUnwrapErr().code).toBe('breaker_open');
    }
  });
});

describe('client: the breaker over real sockets', () => {
  let server: LoopbackServer | undefined;
  beforeAll(() => nock.enableNetConnect('127.0.0.1'));
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('stops sending to an issuer that answers 503, and sends the probe when it is back', async () => {
    let down = true;
    server = await startLoopbackServer((_request, response, index) => {
      response.writeHead(down ? 503 : 200, {
        'content-type': 'application/json',
        'x-request-id': `r${index}`,
      });
      response.end('{}');
    });
    const client = testClient({ baseUrl: `${server.url}/v1`, health: quickProbe });
    const results = [];
    for (let index = 0; index < 20; index += 1) results.push(await client.get('/x'));
    const sentWhileDown = server.requests.length;
    // The test adapter retries a 503 twice: four calls and a failure of the fifth reach ten.
    expect(sentWhileDown).toBeLessThanOrEqual(11);
    expect(results.at(-1)?._unsafeUnwrapErr().code).toBe('breaker_open');
    down = false;
    await wait(60);
    expect((await client.get('/x')).isOk()).toBe(true);
    expect(server.requests.length).toBe(sentWhileDown + 1);
  });
});
