import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCarddaClient } from '@issuer-errors/cardda';
import { startRecordingTelemetry } from '@issuer-errors/testing/telemetry';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runs } from './runs';
import { formattedCardNumber, secretValue } from './seeded-secrets';

/** What a run plants: in the client's key, the request's path and query, and the issuer's answers. */
const seeds = fc.record({
  apiKey: secretValue,
  token: secretValue,
  clientSecret: secretValue,
  password: secretValue,
  card: formattedCardNumber,
});

type Seed = typeof seeds extends fc.Arbitrary<infer Value> ? Value : never;

/** A loopback issuer that echoes every secret it can in its error answers, by status in turn. */
async function echoingIssuer(seed: Seed) {
  const statuses = [503, 422, 429, 401, 500];
  let index = 0;
  const server = createServer((request, response) => {
    const status = statuses[index++ % statuses.length] as number;
    const echo = `Authorization: Bearer ${seed.token} client_secret=${seed.clientSecret} card ${seed.card.written} url ${request.url}`;
    response.writeHead(status, {
      'content-type': 'application/json',
      'x-request-id': `req-${index}`,
      'retry-after': '0',
      'set-cookie': `session=${seed.password}`,
    });
    response.end(
      JSON.stringify({ message: echo, errors: { card_number: [echo] }, code: seed.apiKey }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('no secret on the telemetry surface', () => {
  it('span names, attributes and events, and metric attributes hold no key, token, secret, cookie or card number', async () => {
    await fc.assert(
      fc.asyncProperty(seeds, async (seed) => {
        const issuer = await echoingIssuer(seed);
        const recording = startRecordingTelemetry();
        try {
          const cardda = createCarddaClient({
            baseUrl: issuer.baseUrl,
            apiKey: seed.apiKey,
            companyId: 'acme',
            maxAttempts: 2,
            maxRetryDelayMs: 0,
            health: { consecutiveFailures: 3, probeAfterMs: { min: 60_000, max: 60_000 } },
            telemetry: recording.telemetry,
          });
          const digits = seed.card.digits;
          for (let call = 0; call < 6; call += 1) {
            await cardda.get(`/cards/${digits}?api_key=${seed.token}&pan=${seed.card.written}`);
            await cardda.post(`/banking/bank_recipients?secret=${seed.clientSecret}`, {
              json: { account_number: digits, password: seed.password },
            });
          }
          const texts = await recording.everyText();
          expect(texts.length).toBeGreaterThan(50);
          const all = texts.join('\n');
          for (const secret of [seed.apiKey, seed.token, seed.clientSecret, seed.password]) {
            expect(all).not.toContain(secret);
          }
          expect(all.replace(/[\s-]/g, '')).not.toContain(digits.slice(0, -4));
          // The issuer's request ids stay verbatim.
          expect(all).toContain('req-1');
        } finally {
          await recording.shutdown();
          await issuer.close();
        }
      }),
      { numRuns: runs(10) },
    );
  });
});
