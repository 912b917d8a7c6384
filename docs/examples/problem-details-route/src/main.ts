import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCarddaClient } from '@issuer-errors/cardda';
import { startFakeIssuer } from '@issuer-errors/testing/server';
import { recipientsRoute } from './recipients-route.js';

const fake = await startFakeIssuer({ provider: 'cardda' });
const cardda = createCarddaClient({
  baseUrl: fake.baseUrl,
  apiKey: 'key',
  companyId: 'co',
  maxAttempts: 1,
});
const server = createServer(recipientsRoute(cardda)).listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/recipients`;
const post = () => fetch(url, { method: 'POST', body: JSON.stringify({ rut: '' }) });

try {
  fake.route('POST', '/banking/bank_recipients', [
    'validation-error-on-create',
    'rate-limited',
    'unauthenticated',
    { json: { id: 'r1' }, status: 201 },
  ]);

  const invalid = await post();
  assert.equal(invalid.status, 422);
  assert.equal(invalid.headers.get('content-type'), 'application/problem+json');
  const problem = await invalid.json();
  assert.equal(problem.type, 'urn:issuer-errors:invalid_field');
  assert.equal(problem.kind, 'validation');
  assert.equal(problem.instance, `urn:issuer-errors:request:${problem.requestId}`);
  assert.deepEqual(problem.errors.slice(0, 2), [
    { pointer: '#/rut', detail: "can't be blank" },
    { pointer: '#/rut', detail: 'is invalid' },
  ]);

  const limited = await post();
  assert.equal(limited.status, 503);
  assert.equal(limited.headers.get('retry-after'), '1');
  assert.equal((await limited.json()).code, 'rate_limited');

  const misconfigured = await post();
  assert.equal(misconfigured.status, 500);
  assert.equal((await misconfigured.json()).kind, 'authentication');

  const oversized = await fetch(url, { method: 'POST', body: 'x'.repeat(65 * 1024) });
  assert.equal(oversized.status, 400);
  assert.equal(fake.requests.length, 3, 'nothing sent to Cardda');

  const created = await post();
  assert.equal(created.status, 201);
  assert.deepEqual(await created.json(), { id: 'r1' });
  console.log('problem-details-route: 422, 503 with Retry-After, 500 and 201 from one route');
} finally {
  server.close();
  await fake.close();
}
