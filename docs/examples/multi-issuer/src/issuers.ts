import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createCarddaClient } from '@issuer-errors/cardda';
import { createClaraClient } from '@issuer-errors/clara';
import type { RetryEvent } from '@issuer-errors/core/ky';
import { type FakeIssuer, type FakeProvider, startFakeIssuer } from '@issuer-errors/testing/server';
import type { ClientsOf } from './scenario.js';

/** A provider the demo talks to: a fake in this process, or the real API when the environment says so. */
export interface Issuer<Provider extends FakeProvider> {
  readonly clients: ClientsOf<Provider>;
  /** Absent against the real API. */
  readonly fake?: FakeIssuer<Provider>;
  close(): Promise<void>;
}

/** What every client of the demo shares. */
export interface SharedOptions {
  readonly timeoutMs: number;
  readonly onRetry: (event: RetryEvent) => void;
}

const FAKE_SECRET = 'demo-client-secret';
const FAKE_COMPANY = '550e8400-e29b-41d4-a716-446655440000';

/** Clara: real when `CLARA_BASE_URL`, `CLARA_TOKEN_URL`, `CLARA_CLIENT_ID` and `CLARA_CLIENT_SECRET` are set (mTLS from `CLARA_CERT_FILE` / `CLARA_KEY_FILE`). */
export async function startClara(
  shared: SharedOptions,
  env = process.env,
): Promise<Issuer<'clara'>> {
  const { CLARA_BASE_URL, CLARA_TOKEN_URL, CLARA_CLIENT_ID, CLARA_CLIENT_SECRET } = env;
  const live = CLARA_BASE_URL && CLARA_TOKEN_URL && CLARA_CLIENT_ID && CLARA_CLIENT_SECRET;
  const fake = live
    ? undefined
    : await startFakeIssuer({ provider: 'clara', clientId: 'demo', clientSecret: FAKE_SECRET });
  const baseUrl = live ? CLARA_BASE_URL : (fake as FakeIssuer).baseUrl;
  const tokenUrl = live ? CLARA_TOKEN_URL : (fake as FakeIssuer).tokenUrl;
  const clientId = live ? CLARA_CLIENT_ID : 'demo';
  const tls =
    env.CLARA_CERT_FILE && env.CLARA_KEY_FILE
      ? { tls: { cert: readFileSync(env.CLARA_CERT_FILE), key: readFileSync(env.CLARA_KEY_FILE) } }
      : {};
  const client = (clientSecret: string) =>
    createClaraClient({ ...shared, ...tls, baseUrl, oauth: { tokenUrl, clientId, clientSecret } });
  return {
    clients: {
      clara: client(live ? CLARA_CLIENT_SECRET : FAKE_SECRET),
      wrongSecret: client('not-the-secret'),
    },
    ...(fake === undefined ? {} : { fake }),
    close: async () => fake?.close(),
  };
}

/** Cardda: real when `CARDDA_BASE_URL`, `CARDDA_API_KEY` and `CARDDA_COMPANY_ID` are set. */
export async function startCardda(
  shared: SharedOptions,
  env = process.env,
): Promise<Issuer<'cardda'>> {
  const { CARDDA_BASE_URL, CARDDA_API_KEY, CARDDA_COMPANY_ID } = env;
  const live = CARDDA_BASE_URL && CARDDA_API_KEY && CARDDA_COMPANY_ID;
  const apiKey = live ? CARDDA_API_KEY : 'demo-api-key';
  const companyId = live ? CARDDA_COMPANY_ID : FAKE_COMPANY;
  const fake = live
    ? undefined
    : await startFakeIssuer({ provider: 'cardda', apiKeys: [apiKey], companyIds: [companyId] });
  const baseUrl = live ? CARDDA_BASE_URL : (fake as FakeIssuer).baseUrl;
  const client = (key: string, company?: string) =>
    createCarddaClient({
      ...shared,
      baseUrl,
      apiKey: key,
      ...(company === undefined ? {} : { companyId: company }),
    });
  return {
    clients: {
      cardda: client(apiKey, companyId),
      withoutCompanyId: client(apiKey),
      revokedKey: client('revoked-demo-key', companyId),
      otherCompany: client(apiKey, randomUUID()),
    },
    ...(fake === undefined ? {} : { fake }),
    close: async () => fake?.close(),
  };
}
