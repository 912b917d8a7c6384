import assert from 'node:assert/strict';
import { startFakeIssuer } from '@issuer-errors/testing/server';
import { createWorkerClient } from './cardda-client.js';
import { createRecipient } from './create-recipient.js';

const fake = await startFakeIssuer({ provider: 'cardda', apiKeys: ['key'], companyIds: ['co'] });
const cardda = createWorkerClient(fake.baseUrl, 'key', 'co');
const recipient = { rut: '76.086.428-5', account_number: '000123', name: 'Proveedora SpA' };
const posts = () => fake.requests.filter((request) => request.method === 'POST').length;
const RECIPIENTS = '/banking/bank_recipients';

try {
  // 429: Cardda did not act, so the client waits Retry-After (1 s) and resends by itself.
  fake.route('POST', RECIPIENTS, ['rate-limited', { json: { id: 'r1' }, status: 201 }]);
  assert.deepEqual(await createRecipient(cardda, recipient), { status: 'created', id: 'r1' });
  assert.equal(posts(), 2);

  // 500: Cardda may have acted. One POST, then a read finds the recipient it did create.
  fake.reset();
  fake
    .route('POST', RECIPIENTS, ['internal-error-traced'])
    .route('GET', RECIPIENTS, [{ json: [{ id: 'r2', account_number: '000123' }] }]);
  assert.deepEqual(await createRecipient(cardda, recipient), {
    status: 'already-created',
    id: 'r2',
  });
  assert.equal(posts(), 1);

  // The connection drops mid-answer: never resent; the read finds nothing, so retry later.
  fake.reset();
  fake
    .route('POST', RECIPIENTS, [{ reset: 'mid-body' }])
    .route('GET', RECIPIENTS, ['internal-error-traced', { json: [] }]);
  assert.deepEqual(await createRecipient(cardda, recipient), {
    status: 'retry-later',
    afterMs: 30_000,
  });
  assert.equal(posts(), 1);

  // 422: a field is wrong; retrying cannot help.
  fake.reset();
  fake.route('POST', RECIPIENTS, ['validation-error-on-create']);
  assert.deepEqual(await createRecipient(cardda, recipient), {
    status: 'failed',
    code: 'invalid_field',
  });
  console.log(
    'rate-limits-and-retries: a 429 resent, a 500 and a reset reconciled, a 422 not retried',
  );
} finally {
  await fake.close();
}
