// The README's fallback chain with the app's own neverthrow: core's results are its classes.
import assert from 'node:assert/strict';
import { createCarddaClient } from '@issuer-errors/cardda';
import { createClaraClient } from '@issuer-errors/clara';
import { startFakeIssuer } from '@issuer-errors/testing/server';
import { errAsync, ResultAsync } from 'neverthrow';

const fake = await startFakeIssuer({ provider: 'cardda', apiKeys: ['key'], companyIds: ['co'] });
try {
  fake.route('GET', '/cards/1', [{ json: { id: 'from-cardda' } }]);
  const clara = createClaraClient({
    baseUrl: 'http://127.0.0.1:9/v1',
    getAccessToken: () => 'token',
    maxAttempts: 1,
  });
  const cardda = createCarddaClient({ baseUrl: fake.baseUrl, apiKey: 'key', companyId: 'co' });
  const call = clara.get('/cards/1');
  assert.ok(call instanceof ResultAsync, "core's ResultAsync is the app's");
  const card = await call.orElse((error) =>
    error.kind === 'network' ? cardda.get('/cards/1') : errAsync(error),
  );
  assert.deepEqual(card._unsafeUnwrap(), { id: 'from-cardda' });
} finally {
  await fake.close();
}
