import { inspect } from 'node:util';
import { createCarddaClient } from '@issuer-errors/cardda';
import { createClaraClient } from '@issuer-errors/clara';
import type { IssuerError, OutageReport } from '@issuer-errors/core';
import type { IssuerClient } from '@issuer-errors/core/ky';
import { startFakeIssuer } from '@issuer-errors/testing/server';
import { describe, expect, it } from 'vitest';
import { errorSurfaces } from './error-surfaces';

const API_KEY = 'cardda_live_Zq8Xv2Lm9Rt4Wp6Ys1Nb3Kd7';
const CLIENT_SECRET = 'clara_secret_Hf5Jg8Qe2Uo9Ti4Ry7Wk1';

/** Calls until the breaker has opened and one call was refused by it. */
async function throughAnOutage(client: IssuerClient, reports: OutageReport[]) {
  const errors: IssuerError[] = [];
  while (errors.at(-1)?.code !== 'breaker_open') {
    const result = await client.get('/cards');
    if (result.isErr()) errors.push(result.error);
  }
  return { reports, errors };
}

describe('no secret in an outage report or the errors of an outage', () => {
  it('Cardda: the API key is in no report and on no surface of an error, breaker_open included', async () => {
    const fake = await startFakeIssuer({
      provider: 'cardda',
      outage: { error: 'service-unavailable-empty' },
    });
    try {
      const reports: OutageReport[] = [];
      const cardda = createCarddaClient({
        baseUrl: fake.baseUrl,
        apiKey: API_KEY,
        companyId: 'acme',
        maxAttempts: 1,
        onOutage: (report) => reports.push(report),
      });
      const { errors } = await throughAnOutage(cardda, reports);
      expect(reports).toHaveLength(1);
      for (const text of [
        JSON.stringify(reports),
        inspect(reports, { showHidden: true, depth: 10 }),
      ]) {
        expect(text).not.toContain(API_KEY);
      }
      for (const error of errors) {
        for (const surface of Object.values(errorSurfaces(error)))
          expect(surface).not.toContain(API_KEY);
      }
    } finally {
      await fake.close();
    }
  });

  it('Clara: neither the client secret nor a token is in a report', async () => {
    const fake = await startFakeIssuer({
      provider: 'clara',
      outage: { error: 'b033-core-service-failure' },
    });
    try {
      const reports: OutageReport[] = [];
      const clara = createClaraClient({
        baseUrl: fake.baseUrl,
        oauth: { tokenUrl: fake.tokenUrl, clientId: 'client', clientSecret: CLIENT_SECRET },
        // Clara retries a 500 once, 2 s later: one attempt a call keeps the test short.
        maxAttempts: 1,
        onOutage: (report) => reports.push(report),
      });
      await throughAnOutage(clara, reports);
      const tokens = fake.requests
        .map((request) => request.headers.authorization?.replace(/^Bearer /, ''))
        .filter((token): token is string => token !== undefined);
      expect(tokens.length).toBeGreaterThan(0);
      const text = `${JSON.stringify(reports)} ${inspect(reports, { showHidden: true, depth: 10 })}`;
      for (const secret of [CLIENT_SECRET, ...tokens]) expect(text).not.toContain(secret);
      expect(reports[0]).toMatchObject({ provider: 'clara', rateClass: 'read', requestIds: [] });
    } finally {
      await fake.close();
    }
  });
});
