import assert from 'node:assert/strict';
import { createClaraClient } from '@issuer-errors/clara';
import { IssuerError, issuerErrorFromJSON } from '@issuer-errors/core';
import { startFakeIssuer } from '@issuer-errors/testing/server';
import { nextStep, toMessage } from './card-jobs.js';

const fake = await startFakeIssuer({ provider: 'clara' });
const clara = createClaraClient({
  baseUrl: fake.baseUrl,
  oauth: { tokenUrl: fake.tokenUrl, clientId: 'app', clientSecret: 'secret' },
});
try {
  fake.route('POST', '/cards', ['card-creation-queue']);
  const job = { userId: 'user_1', threshold: 5_000 };
  const created = await clara.post('/cards', { json: job });
  assert.ok(created.isErr());
  assert.equal(created.error.retryAfterMs, 120_000); // over maxRetryDelayMs: returned, not waited

  const queue: string[] = [toMessage(job, created.error)];
  const now = Date.UTC(2026, 10, 21, 12);
  assert.deepEqual(nextStep(queue[0] ?? '', now), { action: 'run-at', at: now + 120_000 });

  const restored = issuerErrorFromJSON(JSON.parse(queue[0] ?? '').lastError);
  assert.ok(restored.isOk() && restored.value instanceof IssuerError);
  assert.deepEqual(restored.value.toJSON(), created.error.toJSON());

  const tampered = JSON.stringify({ ...job, lastError: { name: 'IssuerError', kind: 'oops' } });
  const step = nextStep(tampered, now);
  assert.equal(step.action, 'dead-letter');
  assert.equal(nextStep('{not json', now).action, 'dead-letter');
  console.log(`serializing-across-a-queue: rescheduled 120 s later; a bad message: ${step.action}`);
} finally {
  await fake.close();
}
