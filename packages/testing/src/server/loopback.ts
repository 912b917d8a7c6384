import { IssuerError } from '@issuer-errors/core';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);

/** The host to listen on, or the error that says why it is refused: the fake never listens beyond loopback. */
export function loopbackHost(provider: string, host = '127.0.0.1'): string | IssuerError {
  if (LOOPBACK_HOSTS.has(host)) return host;
  return new IssuerError({
    provider,
    code: 'invalid_client_setup',
    message: `The fake issuer listens on loopback only (127.0.0.1, ::1 or localhost), not on ${host}`,
  });
}
