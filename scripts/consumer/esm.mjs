// Runs in a fresh project that installed the packed tarballs with npm: no workspace links.
import assert from 'node:assert/strict';
import { cardda, createCarddaClient } from '@issuer-errors/cardda';
import { clara } from '@issuer-errors/clara';
import { claraDateSchema } from '@issuer-errors/clara/schemas';
import { ERROR_KINDS, IssuerError, isIssuerError } from '@issuer-errors/core';
import { createIssuerClient } from '@issuer-errors/core/ky';
import { toFormErrors, userMessage } from '@issuer-errors/core/messages';
import { createRedisRateStore } from '@issuer-errors/redis';
import { carddaFixtures, claraFixtures } from '@issuer-errors/testing';
import { startFakeIssuer } from '@issuer-errors/testing/server';
import { Ok, ResultAsync } from 'neverthrow';

assert.ok(ERROR_KINDS.includes('rate_limited'));
assert.equal(claraDateSchema['~standard'].validate('2024-02-30').issues?.length, 1);
assert.equal(typeof createIssuerClient, 'function');
assert.throws(() => createRedisRateStore({ redis: {} }), { code: 'invalid_client_setup' });
for (const [adapter, fixtures] of [
  [cardda, carddaFixtures],
  [clara, claraFixtures],
]) {
  for (const fixture of fixtures) {
    const error = adapter.normalize(fixture.response);
    assert.ok(error instanceof IssuerError && isIssuerError(error), fixture.id);
    assert.equal(error.code, fixture.expected.code, fixture.id);
  }
}

const recipient = cardda.normalize(
  carddaFixtures.find((fixture) => fixture.id === 'validation-error-on-create').response,
);
assert.equal(
  userMessage(recipient, 'es-CL'),
  'Algunos datos no son válidos. Revise estos datos: RUT, número de cuenta y banco.',
);
assert.deepEqual(Object.keys(toFormErrors(recipient, { case: 'camel' }).fieldErrors), [
  'rut',
  'accountNumber',
  'bankId',
]);

const fake = await startFakeIssuer({ provider: 'cardda', apiKeys: ['key'], companyIds: ['co'] });
try {
  fake.route('GET', '/banking/bank_transactions', [{ json: [{ id: 't1' }] }]);
  const client = createCarddaClient({ baseUrl: fake.baseUrl, apiKey: 'key', companyId: 'co' });
  const call = client.get('/banking/bank_transactions');
  // One neverthrow in the process: the app's own import and core's are the same classes.
  assert.ok(call instanceof ResultAsync);
  const first = await call;
  assert.ok(first instanceof Ok);
  assert.deepEqual(first._unsafeUnwrap(), [{ id: 't1' }]);
} finally {
  await fake.close();
}
console.log(
  `ESM on ${globalThis.Deno ? 'Deno' : globalThis.Bun ? 'Bun' : 'Node'}: ${carddaFixtures.length + claraFixtures.length} fixtures normalized, messages in Spanish, one client call`,
);
