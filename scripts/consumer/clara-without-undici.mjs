// Clara's mTLS in an app that never installed undici: a setup error that says so, sending nothing.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { createClaraClient } from '@issuer-errors/clara';

assert.throws(() => createRequire(import.meta.url).resolve('undici'), /Cannot find module/);
const clara = createClaraClient({
  baseUrl: 'https://127.0.0.1:9/v1',
  oauth: { tokenUrl: 'https://127.0.0.1:9/oauth/token', clientId: 'app', clientSecret: 's3cret' },
  tls: { cert: 'CERT', key: 'KEY' },
});
const error = (await clara.get('/cards'))._unsafeUnwrapErr();
assert.equal(error.kind, 'configuration');
assert.equal(error.code, 'invalid_client_setup');
assert.equal(error.message, 'Clara: tls needs undici (npm install undici)');
console.log('Clara without undici: invalid_client_setup, "tls needs undici"');
