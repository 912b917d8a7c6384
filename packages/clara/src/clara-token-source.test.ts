import { inspect } from 'node:util';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createClaraTokenSource } from './clara-token-source';

const TOKEN_URL = 'https://auth.clara.test/oauth/token';
const SECRET = 'clara-client-secret-xyz';
const options = { tokenUrl: TOKEN_URL, clientId: 'client-1', clientSecret: SECRET };

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

/** Every surface an error reaches: its text, stack, JSON and a full inspection. */
function surfacesOf(error: unknown): string[] {
  return [
    String(error),
    (error as Error).stack ?? '',
    JSON.stringify(error),
    inspect(error, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
  ];
}

/** What the client passes the source: whether to refresh, and the ask's signal. */
const ask = (forceRefresh: boolean) => ({ forceRefresh, signal: new AbortController().signal });

function tokenEndpoint(token: string, expiresIn: number) {
  return nock('https://auth.clara.test')
    .matchHeader('accept', 'application/json')
    .post('/oauth/token', {
      grant_type: 'client_credentials',
      client_id: 'client-1',
      client_secret: SECRET,
    })
    .reply(200, { access_token: token, expires_in: expiresIn, token_type: 'Bearer' });
}

describe('createClaraTokenSource', () => {
  it('fetches a token with client credentials and caches it until the margin before expiry', async () => {
    let now = 0;
    const source = createClaraTokenSource(options, { now: () => now });
    tokenEndpoint('t1', 3600);
    expect(await source(ask(false))).toBe('t1');
    now = 3_540_000 - 1;
    expect(await source(ask(false))).toBe('t1');
    tokenEndpoint('t2', 3600);
    now = 3_540_000;
    expect(await source(ask(false))).toBe('t2');
  });

  it('keeps a tenth of a short lifetime as margin', async () => {
    let now = 0;
    const source = createClaraTokenSource(options, { now: () => now });
    tokenEndpoint('short', 100);
    await source(ask(false));
    tokenEndpoint('next', 100);
    now = 90_000 - 1;
    expect(await source(ask(false))).toBe('short');
    now = 90_000;
    expect(await source(ask(false))).toBe('next');
  });

  it('refreshes the given margin before expiry', async () => {
    let now = 0;
    const source = createClaraTokenSource(
      { ...options, refreshMarginMs: 300_000 },
      { now: () => now },
    );
    tokenEndpoint('t1', 3600);
    await source(ask(false));
    tokenEndpoint('t2', 3600);
    now = 3_300_000 - 1;
    expect(await source(ask(false))).toBe('t1');
    now = 3_300_000;
    expect(await source(ask(false))).toBe('t2');
  });

  it('fetches a new token when forced, even if the cached one is fresh', async () => {
    const source = createClaraTokenSource(options);
    tokenEndpoint('t1', 3600);
    tokenEndpoint('t2', 3600);
    await source(ask(false));
    expect(await source(ask(true))).toBe('t2');
  });

  it('throws the normalized error of a rejected secret, without the secret', async () => {
    nock('https://auth.clara.test')
      .post('/oauth/token')
      .reply(401, { error: 'invalid_client', error_description: 'Client authentication failed' });
    const thrown = await createClaraTokenSource(options)(ask(false)).catch(
      (error: unknown) => error,
    );
    expect(thrown).toMatchObject({
      kind: 'authentication',
      code: 'invalid_credentials',
      providerCode: 'invalid_client',
    });
    for (const surface of surfacesOf(thrown)) expect(surface).not.toContain(SECRET);
  });

  it('keeps the secret off the error when the token endpoint echoes the form it was sent', async () => {
    const echoed = `grant_type=client_credentials&client_id=client-1&client_secret=${SECRET}`;
    nock('https://auth.clara.test')
      .post('/oauth/token')
      .reply(400, { error: 'invalid_request', error_description: `Cannot read body: ${echoed}` });
    const thrown = await createClaraTokenSource(options)(ask(false)).catch(
      (error: unknown) => error,
    );
    expect(thrown).toMatchObject({
      provider: 'clara',
      status: 400,
      providerCode: 'invalid_request',
    });
    for (const surface of surfacesOf(thrown)) expect(surface).not.toContain(SECRET);
  });

  it('throws unexpected_response, naming the missing fields, when the token response lacks them', async () => {
    nock('https://auth.clara.test').post('/oauth/token').reply(200, { token: 'x' });
    const thrown = await createClaraTokenSource(options)(ask(false)).catch(
      (error: unknown) => error,
    );
    expect(thrown).toMatchObject({
      provider: 'clara',
      kind: 'invalid_response',
      code: 'unexpected_response',
      status: 200,
    });
    expect((thrown as Error).message).toMatch(/access_token/);
    expect((thrown as Error).message).toMatch(/expires_in/);
  });

  it('keeps the secret and a received token off the error of an unusable token response', async () => {
    const token = 'clara-access-token-abc';
    nock('https://auth.clara.test')
      .post('/oauth/token')
      .reply(200, { access_token: token, expires_in: 'soon', client_secret: SECRET });
    const thrown = await createClaraTokenSource(options)(ask(false)).catch(
      (error: unknown) => error,
    );
    expect(thrown).toMatchObject({ code: 'unexpected_response' });
    for (const surface of surfacesOf(thrown)) {
      expect(surface).not.toContain(SECRET);
      expect(surface).not.toContain(token);
    }
  });

  it("stops a token request that never answers when the ask's signal aborts", async () => {
    nock('https://auth.clara.test').post('/oauth/token').delay(10_000).reply(200, {});
    // The wall clock: AbortSignal.timeout runs outside fake timers; 2 s is 40× the limit, for a loaded machine.
    const started = Date.now();
    const thrown = await createClaraTokenSource(options)({
      forceRefresh: false,
      signal: AbortSignal.timeout(50),
    }).catch((error: unknown) => error);
    expect(thrown).toMatchObject({ name: 'TimeoutError' });
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
