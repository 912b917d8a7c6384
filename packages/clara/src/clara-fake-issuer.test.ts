import { type FakeIssuer, startFakeIssuer } from '@issuer-errors/testing/server';
import { afterEach, describe, expect, it } from 'vitest';
import { createClaraClient } from './create-clara-client';

const SECRET = 'clara-client-secret-xyz';
let fake: FakeIssuer<'clara'>;
afterEach(async () => fake?.close());

const client = (options: Partial<Parameters<typeof createClaraClient>[0]> = {}) =>
  createClaraClient({
    baseUrl: fake.baseUrl,
    oauth: { tokenUrl: fake.tokenUrl, clientId: 'app', clientSecret: SECRET },
    ...options,
  } as Parameters<typeof createClaraClient>[0]);

describe('createClaraClient against the fake Clara, over sockets', () => {
  it('gets a token, meets an expired one, refreshes once and succeeds', async () => {
    fake = await startFakeIssuer({ provider: 'clara', clientId: 'app', clientSecret: SECRET });
    fake.route('GET', '/cards', [{ json: [{ id: 'c1' }] }]);
    const clara = client();
    expect((await clara.get('/cards'))._unsafeUnwrap()).toEqual([{ id: 'c1' }]);
    fake.expireTokens();
    expect((await clara.get('/cards'))._unsafeUnwrap()).toEqual([{ id: 'c1' }]);
    expect(
      fake.requests.map((logged) => `${logged.method} ${logged.path} ${logged.answer}`),
    ).toEqual([
      'POST /oauth/token token 200',
      'GET /cards ok 200',
      'GET /cards token-expired 401',
      'POST /oauth/token token 200',
      'GET /cards ok 200',
    ]);
  });

  it('returns the 429 of an empty write bucket when the backoff is longer than allowed', async () => {
    fake = await startFakeIssuer({
      provider: 'clara',
      rateLimit: { burst: 1, requestsPerSecond: 0.01 },
    });
    fake.route('POST', '/cards', [{ json: { id: 'c1' }, status: 201 }]);
    const clara = client({ maxRetryDelayMs: 0 });
    expect((await clara.post('/cards', { json: {} })).isOk()).toBe(true);
    const error = (await clara.post('/cards', { json: {} }))._unsafeUnwrapErr();
    expect(error).toMatchObject({
      kind: 'rate_limited',
      status: 429,
      outcome: 'rejected',
      attempts: 1,
    });
  });

  it('never replays a card creation whose response broke off mid-body', async () => {
    fake = await startFakeIssuer({ provider: 'clara' });
    fake.route('POST', '/cards', [{ reset: 'mid-body' }, { json: { id: 'c1' }, status: 201 }]);
    const error = (await client().post('/cards', { json: { userId: 'u1' } }))._unsafeUnwrapErr();
    expect(error.outcome).toBe('unknown');
    expect(error.attempts).toBe(1);
    expect(fake.requests.filter((logged) => logged.path === '/cards')).toHaveLength(1);
  });

  it('gives up on a stalled read after its time limit, as a timeout', async () => {
    fake = await startFakeIssuer({ provider: 'clara' });
    fake.route('GET', '/cards', [{ stall: true }]);
    const error = (
      await client({ timeoutMs: 100, maxAttempts: 1 }).get('/cards')
    )._unsafeUnwrapErr();
    expect(error).toMatchObject({ kind: 'timeout', attempts: 1 });
  });
});
