import { createHash } from 'node:crypto';
import { inspect } from 'node:util';
import type { RateBucket } from '@issuer-errors/core';
import { mockCardda } from '@issuer-errors/testing/nock';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CARDDA_BASE_URL, createCarddaClient } from './create-cardda-client';

const API_KEY = 'cardda_live_key_0123456789';
const COMPANY_ID = '550e8400-e29b-41d4-a716-446655440000';
const api = () => nock('https://api.cardda.com');
const RECIPIENTS = { method: 'POST', path: '/v1/banking/bank_recipients' } as const;

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('createCarddaClient', () => {
  it('calls https://api.cardda.com/v1 with the API key and company-id', async () => {
    api()
      .get('/v1/banking/bank_transactions')
      .matchHeader('authorization', `Bearer ${API_KEY}`)
      .matchHeader('company-id', COMPANY_ID)
      .reply(200, [{ id: 't1' }]);
    const client = createCarddaClient({ apiKey: API_KEY, companyId: COMPANY_ID });
    const ids = await client
      .get<Array<{ id: string }>>('/banking/bank_transactions')
      .map((transactions) => transactions.map((transaction) => transaction.id));
    expect(ids._unsafeUnwrap()).toEqual(['t1']);
    expect(CARDDA_BASE_URL).toBe('https://api.cardda.com/v1');
  });

  it('sends the headers it is given, a company-id among them when companyId is not set', async () => {
    api()
      .get('/v1/banking/bank_transactions')
      .matchHeader('authorization', `Bearer ${API_KEY}`)
      .matchHeader('company-id', COMPANY_ID)
      .matchHeader('x-trace', 'trace-1')
      .reply(200, []);
    const client = createCarddaClient({
      apiKey: API_KEY,
      headers: { 'company-id': COMPANY_ID, 'x-trace': 'trace-1' },
    });
    expect((await client.get('/banking/bank_transactions'))._unsafeUnwrap()).toEqual([]);
  });

  it('waits for Retry-After on a 429, then succeeds, even for a POST', async () => {
    const { scope } = mockCardda(api())
      .reply('rate-limited', RECIPIENTS)
      .replyOk({ id: 'r1' }, { ...RECIPIENTS, status: 201 });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      let retrying = false;
      const call = createCarddaClient({
        apiKey: API_KEY,
        companyId: COMPANY_ID,
        onRetry: () => (retrying = true),
      }).post('/banking/bank_recipients', { json: { name: 'Acme Vendor' } });
      while (!retrying) await new Promise((resolve) => setImmediate(resolve));
      // Retry-After: 1 (the documented example): nothing is resent before the second is up.
      await vi.advanceTimersByTimeAsync(999);
      expect(scope.pendingMocks()).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1);
      expect((await call)._unsafeUnwrap()).toEqual({ id: 'r1' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('returns a baseUrl without its scheme as a configuration error naming it, sending nothing', async () => {
    const client = createCarddaClient({ baseUrl: 'api.cardda.com/v1', apiKey: API_KEY });
    const error = (await client.get('/banking/bank_transactions'))._unsafeUnwrapErr();
    expect(error).toMatchObject({ kind: 'configuration', code: 'invalid_client_setup' });
    expect(error.message).toBe(
      'Cardda: baseUrl needs an absolute http(s) URL, such as https://api.example.com/v1',
    );
  });

  it('refuses a baseUrl with a password as a setup mistake: rejected, nothing sent, the password on no surface', async () => {
    const client = createCarddaClient({
      baseUrl: 'https://user:s3cretpass@api.cardda.com/v1',
      apiKey: API_KEY,
      companyId: COMPANY_ID,
    });
    const error = (await client.get('/banking/bank_transactions'))._unsafeUnwrapErr();
    expect(error).toMatchObject({
      kind: 'configuration',
      code: 'invalid_client_setup',
      outcome: 'rejected',
      message:
        "Cardda: baseUrl holds a user name or password (put credentials in the client's options, not in the URL)",
    });
    expect(inspect(error, { depth: Number.POSITIVE_INFINITY, showHidden: true })).not.toContain(
      's3cretpass',
    );
  });

  it('returns the missing company-id as a configuration error, without retrying', async () => {
    const { scope } = mockCardda(api())
      .reply('missing-company-id', { path: '/v1/banking/bank_transactions' })
      .replyOk([], { path: '/v1/banking/bank_transactions' });
    const error = (
      await createCarddaClient({ apiKey: API_KEY }).get('/banking/bank_transactions')
    )._unsafeUnwrapErr();
    expect(error).toMatchObject({ kind: 'configuration', code: 'missing_company_id', attempts: 1 });
    expect(error.requestId).toBe('req-missing-company-id');
    expect(scope.pendingMocks()).toHaveLength(1);
  });

  it('maps a 422 to field errors and never leaks the API key', async () => {
    mockCardda(api()).reply('validation-error-on-create', RECIPIENTS);
    const error = (
      await createCarddaClient({ apiKey: API_KEY, companyId: COMPANY_ID }).post(
        '/banking/bank_recipients',
        {
          json: { name: 'Acme Vendor' },
        },
      )
    )._unsafeUnwrapErr();
    expect(error.fieldErrors).toEqual({
      rut: ["can't be blank", 'is invalid'],
      account_number: ["can't be blank"],
      bank_id: ['must reference an existing bank'],
    });
    for (const surface of [
      String(error),
      error.stack ?? '',
      JSON.stringify(error),
      inspect(error, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
    ]) {
      expect(surface).not.toContain(API_KEY);
    }
  });

  it('names its budget in a shared store by a hash of the API key, never the key', async () => {
    api().get('/v1/banking/bank_transactions').reply(200, []);
    const take = vi.fn((_bucket: RateBucket) => ({ waitMs: 0, cooldownMs: 0 }));
    const rateStore = { take, coolDown: vi.fn() };
    await createCarddaClient({ apiKey: API_KEY, rateStore }).get('/banking/bank_transactions');
    const hash = createHash('sha256').update(API_KEY).digest('hex').slice(0, 32);
    expect(take.mock.calls.map(([bucket]) => bucket.key)).toEqual([`cardda:${hash}:all`]);
  });

  it('names one budget for a key read with a trailing newline or spaces, as Cardda reads the header', async () => {
    api().get('/v1/banking/bank_transactions').times(3).reply(200, []);
    const take = vi.fn((_bucket: RateBucket) => ({ waitMs: 0, cooldownMs: 0 }));
    const rateStore = { take, coolDown: vi.fn() };
    for (const apiKey of [API_KEY, `${API_KEY}\n`, ` ${API_KEY}\r\n`]) {
      await createCarddaClient({ apiKey, rateStore }).get('/banking/bank_transactions');
    }
    const hash = createHash('sha256').update(API_KEY).digest('hex').slice(0, 32);
    expect(take.mock.calls.map(([bucket]) => bucket.key)).toEqual(
      Array(3).fill(`cardda:${hash}:all`),
    );
  });
});
