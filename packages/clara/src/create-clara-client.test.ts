import { execFileSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import {
  computeBackoffMs,
  type IssuerError,
  type IssuerResultAsync,
  type RateBucket,
} from '@issuer-errors/core';
import type { RetryEvent } from '@issuer-errors/core/ky';
import { mockClara } from '@issuer-errors/testing/nock';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { clara } from './clara';
import { createClaraClient } from './create-clara-client';

const BASE_URL = 'https://api.clara.test/v2';
const SECRET = 'clara-client-secret-xyz';
const oauth = {
  tokenUrl: 'https://api.clara.test/oauth/token',
  clientId: 'id',
  clientSecret: SECRET,
};
const api = () => nock('https://api.clara.test');
const tokens = (...values: string[]) => {
  const mock = mockClara(api());
  for (const accessToken of values) mock.token({ accessToken });
  return mock;
};

/** Records the first retry the client decides on, then cancels the call instead of waiting. */
async function firstRetry(
  call: (
    client: ReturnType<typeof createClaraClient>,
    signal: AbortSignal,
  ) => IssuerResultAsync<unknown>,
) {
  const controller = new AbortController();
  let event: RetryEvent | undefined;
  const client = createClaraClient({
    baseUrl: BASE_URL,
    getAccessToken: () => 'token',
    random: () => 0.5,
    onRetry: (retry) => {
      event = retry;
      controller.abort();
    },
  });
  await call(client, controller.signal);
  return event;
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('createClaraClient', () => {
  it('gets a token with the client credentials and sends it as a bearer token', async () => {
    tokens('t1');
    api()
      .get('/v2/cards')
      .matchHeader('authorization', 'Bearer t1')
      .reply(200, [{ id: 'c1' }]);
    const result = await createClaraClient({ baseUrl: BASE_URL, oauth }).get('/cards');
    expect(result._unsafeUnwrap()).toEqual([{ id: 'c1' }]);
  });

  it('refreshes an expired token once, then retries even a card creation', async () => {
    tokens('expired', 'fresh');
    mockClara(api().matchHeader('authorization', 'Bearer expired')).reply('token-expired', {
      method: 'POST',
      path: '/v2/cards',
    });
    api().post('/v2/cards').matchHeader('authorization', 'Bearer fresh').reply(201, { id: 'c2' });
    const result = await createClaraClient({ baseUrl: BASE_URL, oauth }).post('/cards', {
      json: { userId: 'u' },
    });
    expect(result._unsafeUnwrap()).toEqual({ id: 'c2' });
  });

  it('fails with invalid_credentials when the secret is rejected, never leaking it', async () => {
    mockClara(api()).reply('oauth-invalid-client', { method: 'POST', path: '/oauth/token' });
    const error = (
      await createClaraClient({ baseUrl: BASE_URL, oauth }).get('/cards')
    )._unsafeUnwrapErr();
    expect(error).toMatchObject({
      kind: 'authentication',
      code: 'invalid_credentials',
      attempts: 1,
    });
    expect(JSON.stringify(error)).not.toContain(SECRET);
  });

  it('retries a 500 after 2 s, the lower end of Clara’s 2–5 s', async () => {
    mockClara(api()).reply('b033-core-service-failure', { path: '/v2/cards' });
    const event = await firstRetry((client, signal) => client.get('/cards', { signal }));
    expect(event?.delayMs).toBe(2000);
    expect(event?.error.code).toBe('core_service_failure');
  });

  it('backs off a 429 by 2^attempt s plus up to 1 s of jitter', async () => {
    mockClara(api()).reply('rate-limited', { path: '/v2/cards' });
    const event = await firstRetry((client, signal) => client.get('/cards', { signal }));
    expect(event?.delayMs).toBe(1500);
    const policy = clara.retry.byKind?.rate_limited?.backoff;
    if (policy === undefined) throw new Error('Clara has a 429 policy');
    expect([0, 1, 2, 3].map((attempt) => computeBackoffMs(policy, attempt, () => 0))).toEqual([
      1000, 2000, 4000, 8000,
    ]);
    expect([0, 1, 2, 3].map((attempt) => computeBackoffMs(policy, attempt, () => 1))).toEqual([
      2000, 3000, 5000, 9000,
    ]);
  });

  it('never retries a card creation after a 500: the card may exist', async () => {
    const { scope } = mockClara(api())
      .reply('internal-server-error', { method: 'POST', path: '/v2/cards' })
      .replyOk({}, { method: 'POST', path: '/v2/cards', status: 201 });
    const client = createClaraClient({ baseUrl: BASE_URL, getAccessToken: () => 'token' });
    const error = (await client.post('/cards', { json: {} }))._unsafeUnwrapErr();
    expect(error).toMatchObject({ kind: 'internal', outcome: 'unknown', attempts: 1 });
    expect(scope.pendingMocks()).toHaveLength(1);
  });

  it('returns a missing client certificate (511) as a configuration error at once', async () => {
    mockClara(api()).reply('network-authentication-required', { path: '/v2/cards' });
    const client = createClaraClient({ baseUrl: BASE_URL, getAccessToken: () => 'token' });
    const error: IssuerError = (await client.get('/cards'))._unsafeUnwrapErr();
    expect(error).toMatchObject({
      kind: 'configuration',
      code: 'client_certificate_missing',
      attempts: 1,
    });
  });

  it('keeps reads and writes apart, and a 429 without a wait delays only the refused request', async () => {
    const { scope } = mockClara(api())
      .reply('rate-limited', { method: 'POST', path: '/v2/cards' })
      .replyOk([], { path: '/v2/cards' })
      .replyOk({}, { method: 'POST', path: '/v2/cards', status: 201 });
    // One request per 1,000 s in each class: a budget shared by reads and writes would hold the GET.
    const client = createClaraClient({
      baseUrl: BASE_URL,
      getAccessToken: () => 'token',
      maxAttempts: 1,
      rateLimit: { requestsPerSecond: 0.001, burst: 2 },
      totalTimeoutMs: 2_000,
    });
    expect((await client.post('/cards', { json: {} }))._unsafeUnwrapErr().status).toBe(429);
    expect((await client.get('/cards'))._unsafeUnwrap()).toEqual([]);
    // Clara's 429 names no wait: the next write goes as soon as its budget allows, here at once.
    expect((await client.post('/cards', { json: {} })).isOk()).toBe(true);
    expect(scope.isDone()).toBe(true);
  });

  it.each([
    ['baseUrl', { baseUrl: 'https://user:s3cretpass@api.clara.test/v2', oauth }],
    [
      'oauth.tokenUrl',
      {
        baseUrl: BASE_URL,
        oauth: { ...oauth, tokenUrl: 'https://id:s3cretpass@api.clara.test/oauth/token' },
      },
    ],
  ])(
    'refuses a %s with a password as a setup mistake: rejected, nothing sent, the password on no surface',
    async (name, options) => {
      const scope = tokens('t1').replyOk([], { path: '/v2/cards' }).scope;
      const error = (await createClaraClient(options).get('/cards'))._unsafeUnwrapErr();
      expect(error).toMatchObject({
        kind: 'configuration',
        code: 'invalid_client_setup',
        outcome: 'rejected',
        message: `Clara: ${name} holds a user name or password (put credentials in the client's options, not in the URL)`,
      });
      expect(scope.pendingMocks()).toHaveLength(2);
      expect(inspect(error, { depth: Number.POSITIVE_INFINITY, showHidden: true })).not.toContain(
        's3cretpass',
      );
    },
  );

  it("asks for rateKey or rateCredential with a shared store and only a token source: tokens may be any tenant's", async () => {
    const scope = mockClara(api()).replyOk([], { path: '/v2/cards' }).scope;
    const rateStore = { take: vi.fn(() => ({ waitMs: 0, cooldownMs: 0 })), coolDown: vi.fn() };
    const shared = { baseUrl: BASE_URL, getAccessToken: () => 'token', rateStore };
    const error = (await createClaraClient(shared).get('/cards'))._unsafeUnwrapErr();
    expect(error).toMatchObject({ kind: 'configuration', code: 'invalid_client_setup' });
    expect(error.message).toContain('rateStore needs rateKey or rateCredential');
    expect(rateStore.take).not.toHaveBeenCalled();
    await createClaraClient({ ...shared, rateCredential: 'tenant-a-client' }).get('/cards');
    const sha = createHash('sha256').update('tenant-a-client').digest('hex').slice(0, 32);
    expect(rateStore.take.mock.calls).toEqual([[{ key: `clara:${sha}:read`, budget: undefined }]]);
    expect(scope.isDone()).toBe(true);
  });

  it('asks the rate store for a slot only once the token has come, so a cold write leaves at its slot', async () => {
    mockClara(api()).replyOk({ id: 'c1' }, { method: 'POST', path: '/v2/cards' });
    const events: string[] = [];
    let giveToken: (token: string) => void = () => {};
    const rateStore = {
      take: vi.fn(() => {
        events.push('slot taken');
        return { waitMs: 0, cooldownMs: 0 };
      }),
      coolDown: vi.fn(),
    };
    const client = createClaraClient({
      baseUrl: BASE_URL,
      rateStore,
      rateKey: 'tenant-a',
      getAccessToken: () =>
        new Promise<string>((resolve) => {
          giveToken = (token) => {
            events.push('token came');
            resolve(token);
          };
        }),
    });
    const call = client.post('/cards', { json: {} });
    // Time for a slot to be asked for, were it asked before the token.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(rateStore.take).not.toHaveBeenCalled();
    giveToken('token');
    expect((await call).isOk()).toBe(true);
    expect(events).toEqual(['token came', 'slot taken']);
  });

  it('names its budgets in a shared store by a hash of the certificate, else of the OAuth client', async () => {
    mockClara(api()).replyOk([], { path: '/v2/cards' }).replyOk([], { path: '/v2/cards' });
    tokens('t1');
    const take = vi.fn((_bucket: RateBucket) => ({ waitMs: 0, cooldownMs: 0 }));
    const rateStore = { take, coolDown: vi.fn() };
    const sha = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32);
    await createClaraClient({ baseUrl: BASE_URL, oauth, rateStore }).get('/cards');
    // The bucket is asked for before anything is sent: whether this fake certificate connects does not matter.
    const tls = { cert: 'CERT-PEM', key: 'KEY-PEM' };
    await createClaraClient({
      baseUrl: BASE_URL,
      getAccessToken: () => 'token',
      rateStore,
      tls,
    }).get('/cards');
    expect(take.mock.calls.map(([bucket]) => bucket.key)).toEqual([
      `clara:${sha('id')}:read`,
      `clara:${sha('CERT-PEM')}:read`,
    ]);
  });

  it('names one budget for a certificate however a process read it: LF or CRLF, text or bytes, PEM or DER, alone or first of a chain', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'clara-cert-'));
    try {
      const makeCertificate = (name: string) => {
        execFileSync(
          'openssl',
          [
            'req',
            '-x509',
            '-newkey',
            'ec',
            '-pkeyopt',
            'ec_paramgen_curve:P-256',
            '-nodes',
            '-keyout',
            `${name}.key`,
            '-out',
            `${name}.crt`,
            '-subj',
            `/CN=${name}`,
            '-days',
            '1',
          ],
          { cwd: directory, stdio: 'ignore' },
        );
        return readFileSync(join(directory, `${name}.crt`), 'latin1');
      };
      const pem = makeCertificate('client');
      const der = new X509Certificate(pem).raw;
      const forms = [
        pem,
        pem.replace(/\n/g, '\r\n'),
        new TextEncoder().encode(pem),
        new Uint8Array(der),
        `${pem}${makeCertificate('intermediate')}`,
      ];
      const take = vi.fn((_bucket: RateBucket) => ({ waitMs: 0, cooldownMs: 0 }));
      const rateStore = { take, coolDown: vi.fn() };
      // The bucket is asked for before anything is sent: nothing listens, nothing connects.
      for (const cert of forms) {
        await createClaraClient({
          baseUrl: 'http://127.0.0.1:9/v2',
          getAccessToken: () => 'token',
          rateStore,
          tls: { cert, key: 'KEY-PEM' },
          maxAttempts: 1,
        }).get('/cards');
      }
      const hash = createHash('sha256').update(der).digest('hex').slice(0, 32);
      expect(take.mock.calls.map(([bucket]) => bucket.key)).toEqual(
        Array(forms.length).fill(`clara:${hash}:read`),
      );
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
