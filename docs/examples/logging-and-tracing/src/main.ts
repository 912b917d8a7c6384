import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import type { SpanLike } from '@issuer-errors/core';
import { startFakeIssuer } from '@issuer-errors/testing/server';
import { createObservedClient } from './traced-client.js';

const API_KEY = 'sk_live_4f9a2b7c1d8e3f60';
const CARD = '4111 1111 1111 1111';
const fake = await startFakeIssuer({ provider: 'cardda', apiKeys: [API_KEY] });
const lines: string[] = [];
const logger = {
  error: (fields: object, message: string) => lines.push(JSON.stringify({ ...fields, message })),
  warn: (fields: object, message: string) => lines.push(JSON.stringify({ ...fields, message })),
};
const attributes: Record<string, unknown> = {};
const exceptions: unknown[] = [];
let status: unknown;
const span: SpanLike = {
  setAttributes: (added) => Object.assign(attributes, added),
  setStatus: (set) => {
    status = set;
  },
  recordException: (exception) => exceptions.push(exception),
};
const cardda = createObservedClient(
  { baseUrl: fake.baseUrl, apiKey: API_KEY, companyId: 'co', maxAttempts: 2 },
  logger,
  () => span,
);

try {
  fake.route('GET', '/banking/bank_transactions', [
    { json: { error: 'internal_error', message: `card ${CARD} token=${API_KEY}` }, status: 500 },
  ]);
  const result = await cardda.get('/banking/bank_transactions', {
    searchParams: { api_key: API_KEY },
  });
  assert.ok(result.isErr());
  const requestId = result.error.requestId;
  assert.ok(requestId !== undefined, 'Cardda sends X-Request-Id on every response');

  assert.equal(lines.length, 2); // one retry, one final error
  const final = JSON.parse(lines[1] ?? '{}');
  assert.equal(final['issuer.request_id'], requestId);
  assert.equal(final['issuer.attempts'], 2);
  assert.equal(final.message, 'issuer call failed');
  assert.equal(typeof attributes['issuer.total_retry_delay_ms'], 'number');
  delete attributes['issuer.total_retry_delay_ms'];
  assert.deepEqual(attributes, {
    'error.type': 'internal',
    'http.response.status_code': 500,
    'issuer.provider': 'cardda',
    'issuer.kind': 'internal',
    'issuer.code': 'internal_error',
    'issuer.provider_code': 'internal_error',
    'issuer.request_id': requestId,
    'issuer.retryable': true,
    'issuer.outcome': 'unknown',
    'issuer.attempts': 2,
  });
  assert.deepEqual(status, { code: 2, message: 'internal_error' });
  assert.deepEqual(exceptions, [
    { name: 'IssuerError', message: result.error.message, code: 'internal_error' },
  ]);

  const everything = [
    ...lines,
    inspect(
      { attributes, status, exceptions },
      { depth: Number.POSITIVE_INFINITY, showHidden: true },
    ),
  ].join('\n');
  assert.ok(!everything.includes(API_KEY), 'no API key in logs or spans');
  assert.ok(!everything.includes(CARD.replaceAll(' ', '')) && !everything.includes(CARD));
  console.log(`logging-and-tracing: 2 log lines and 1 span for request ${requestId}, no secrets`);
} finally {
  await fake.close();
}
