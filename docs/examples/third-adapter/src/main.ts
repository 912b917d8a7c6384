import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { matchError } from '@issuer-errors/core';
import { acme, createAcmeClient } from './acme.js';
import { acmeGuidance } from './acme-guidance.js';
import { acmeRules } from './acme-rules.js';

// Each row has its guidance, under its id.
assert.deepEqual(Object.keys(acmeGuidance).sort(), acmeRules.map((rule) => rule.id).sort());

// The adapter, on each documented response.
const invalid = acme.normalize({
  status: 400,
  headers: { 'X-Request-Id': 'req_1' },
  body: '{"code":"invalid","message":"2 errors","errors":[{"field":"amount","message":"must be positive"},{"field":"account.clabe","message":"is invalid"}]}',
});
assert.equal(invalid.kind, 'validation');
assert.deepEqual(invalid.fieldErrors, {
  amount: ['must be positive'],
  'account.clabe': ['is invalid'],
});
assert.equal(invalid.requestId, 'req_1');

const funds = acme.normalize({ status: 402, body: '{"code":"insufficient_funds","message":"x"}' });
assert.equal(funds.code, 'business_rule_violation');
assert.equal(funds.outcome, 'rejected');

const limited = acme.normalize({ status: 429, body: '{"code":"rate_limited","retry_in":2}' });
assert.deepEqual([limited.kind, limited.retryAfterMs], ['rate_limited', 2000]);

const undocumented = acme.normalize({ status: 418, body: '{"code":"teapot"}' });
assert.deepEqual([undocumented.kind, undocumented.providerCode], ['unknown', 'teapot']);
assert.equal(acme.normalize({ status: 200, body: '\u0000garbage' }).kind, 'unknown');

// The client, over a socket: a 503 then success for a read; a 500 on a transfer is not resent.
let transfers = 0;
let reads = 0;
const server = createServer((request, response) => {
  if (request.method === 'POST') {
    transfers += 1;
    response.writeHead(500, { 'content-type': 'application/json' });
    response.end('{"code":"internal","message":"try later"}');
    return;
  }
  reads += 1;
  response.writeHead(reads === 1 ? 503 : 200, { 'content-type': 'application/json' });
  response.end(reads === 1 ? '{"code":"maintenance"}' : '{"balance":100}');
}).listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));
const client = createAcmeClient({
  baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
  apiKey: 'acme_test_key',
});
try {
  const balance = await client.get<{ balance: number }>('/balance');
  assert.ok(balance.isOk());
  assert.deepEqual(balance.value, { balance: 100 });
  assert.equal(reads, 2);

  const transfer = await client.post('/transfers', { json: { amount: 10 } });
  const advice = transfer.match(
    () => 'done',
    (error) =>
      matchError(error, {
        internal: (error) => `check transfer (outcome ${error.outcome}) before resending`,
        validation: () => 'fix',
        authentication: () => 'key',
        permission: () => 'key',
        not_found: () => 'id',
        conflict: () => 'later',
        business_rule: () => 'fund',
        rate_limited: () => 'later',
        unavailable: () => 'later',
        configuration: () => 'setup',
        network: () => 'later',
        timeout: () => 'check',
        cancelled: () => 'cancelled',
        invalid_response: () => 'check',
        unknown: () => 'check',
      }),
  );
  assert.equal(advice, 'check transfer (outcome unknown) before resending');
  assert.equal(transfers, 1);
  console.log('third-adapter: Acme normalized by its rules; a read retried, a transfer not resent');
} finally {
  server.close();
}
