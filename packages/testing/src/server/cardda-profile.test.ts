import { afterEach, describe, expect, it } from 'vitest';
import type { FakeIssuer } from './fake-issuer-types';
import { startFakeIssuer } from './start-fake-issuer';

let fake: FakeIssuer<'cardda'>;
afterEach(async () => fake?.close());

const get = (path: string, headers: Record<string, string>) =>
  fetch(`${fake.baseUrl}${path}`, { headers });

describe('the fake Cardda', () => {
  it('answers a missing API key with 401 unauthenticated', async () => {
    fake = await startFakeIssuer({ provider: 'cardda', apiKeys: ['good'] });
    fake.route('GET', '/cards', [{ json: [] }]);
    for (const headers of [
      { 'company-id': 'acme' },
      { authorization: 'Bearer bad', 'company-id': 'acme' },
    ]) {
      const response = await get('/cards', headers);
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: 'unauthenticated' });
    }
  });

  it('answers a missing company-id with the bare {"error": "unauthorized"} of the docs', async () => {
    fake = await startFakeIssuer({ provider: 'cardda' });
    fake.route('GET', '/banking/bank_transactions', [{ json: [] }]);
    const response = await get('/banking/bank_transactions', { authorization: 'Bearer key' });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: 'unauthorized' });
  });

  it('answers a company the key is not a member of with 404, not leaking existence', async () => {
    fake = await startFakeIssuer({ provider: 'cardda', companyIds: ['acme'] });
    fake.route('GET', '/cards', [{ json: [] }]);
    const response = await get('/cards', { authorization: 'Bearer key', 'company-id': 'other' });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'not_found' });
  });

  it('puts a fresh X-Request-Id on every response', async () => {
    fake = await startFakeIssuer({ provider: 'cardda' });
    fake.route('GET', '/cards', [{ json: [] }]);
    const headers = { authorization: 'Bearer key', 'company-id': 'acme' };
    const ids = [];
    for (const path of ['/cards', '/cards', '/nowhere'])
      ids.push((await get(path, headers)).headers.get('x-request-id'));
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('rate-limits with the documented 429: Retry-After, rate_limit_exceeded and retry_after', async () => {
    fake = await startFakeIssuer({
      provider: 'cardda',
      rateLimit: { burst: 2, requestsPerSecond: 0.5 },
    });
    fake.route('POST', '/banking/bank_recipients', [{ json: { id: 'r1' }, status: 201 }]);
    const post = () =>
      fetch(`${fake.baseUrl}/banking/bank_recipients`, {
        method: 'POST',
        headers: { authorization: 'Bearer key', 'company-id': 'acme' },
        body: '{}',
      });
    expect([(await post()).status, (await post()).status]).toEqual([201, 201]);
    const limited = await post();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(await limited.json()).toEqual({
      error: 'rate_limit_exceeded',
      message: 'Too many requests. Please retry after 2 seconds.',
      retry_after: 2,
    });
    expect(fake.requests.map((logged) => logged.answer)).toEqual([
      'ok 201',
      'ok 201',
      'rate-limited 429',
    ]);
  });

  it('takes a new rate limit at run time, and drops it again', async () => {
    fake = await startFakeIssuer({ provider: 'cardda' });
    fake.route('GET', '/cards', [{ json: [] }]);
    const call = () => get('/cards', { authorization: 'Bearer key', 'company-id': 'acme' });
    fake.limitRate({ burst: 1, requestsPerSecond: 0.01 });
    expect([(await call()).status, (await call()).status]).toEqual([200, 429]);
    fake.limitRate(undefined);
    expect((await call()).status).toBe(200);
  });

  it('keeps a bucket for each API key, as Cardda counts per key', async () => {
    fake = await startFakeIssuer({
      provider: 'cardda',
      rateLimit: { burst: 1, requestsPerSecond: 0.01 },
    });
    fake.route('GET', '/cards', [{ json: [] }]);
    const call = (key: string) =>
      get('/cards', { authorization: `Bearer ${key}`, 'company-id': 'acme' });
    expect((await call('key-1')).status).toBe(200);
    expect((await call('key-1')).status).toBe(429);
    expect((await call('key-2')).status).toBe(200);
  });
});
