import { describe, expect, it, vi } from 'vitest';
import { createClaraClient } from './create-clara-client';

// An app that set `tls` but never installed undici: its import fails as Node's would.
vi.mock('undici', () => {
  throw Object.assign(new Error("Cannot find package 'undici' imported from clara"), {
    code: 'ERR_MODULE_NOT_FOUND',
  });
});

const SECRET = 'clara-client-secret-0123456789';
const KEY =
  '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----';

describe('createClaraClient with tls but without undici', () => {
  it('answers every call with a configuration error that says to install undici, sending nothing', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const client = createClaraClient({
      baseUrl: 'https://api.clara.test/v1',
      oauth: {
        tokenUrl: 'https://auth.clara.test/oauth/token',
        clientId: 'id',
        clientSecret: SECRET,
      },
      tls: { cert: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----', key: KEY },
    });
    for (const call of [client.get('/cards'), client.post('/cards', { json: { threshold: 1 } })]) {
      const error = (await call)._unsafeUnwrapErr();
      expect(error).toMatchObject({
        provider: 'clara',
        kind: 'configuration',
        code: 'invalid_client_setup',
        outcome: 'rejected',
        message: 'Clara: tls needs undici (npm install undici)',
      });
      expect(JSON.stringify(error)).not.toContain(SECRET);
      expect(String(error.stack)).not.toContain('PRIVATE KEY');
    }
    expect(fetchSpy).not.toHaveBeenCalled();
    fetchSpy.mockRestore();
  });
});
