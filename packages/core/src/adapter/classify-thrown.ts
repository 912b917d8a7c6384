import type { ErrorCode } from '../error/error-codes';
import type { ErrorOutcome } from '../error/issuer-error-types';

/** How a thrown value (fetch, undici, ky, DOM) reads as an error without a response. */
export interface ThrownClassification {
  readonly code: ErrorCode;
  readonly outcome: ErrorOutcome;
  /** A short description of what happened. */
  readonly message: string;
}

/**
 * Socket and TLS error codes, in the order they are looked for. A connection that never
 * opened, or a failed handshake, comes first: only those prove the provider never saw the
 * request, so only those leave a write safe to retry.
 */
const SOCKET_FAILURES: ReadonlyArray<
  readonly [pattern: RegExp, code: ErrorCode, outcome: ErrorOutcome, description: string]
> = [
  [
    /^(?:ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EAI_NONAME|EHOSTUNREACH|ENETUNREACH|EADDRNOTAVAIL|UND_ERR_CONNECT_TIMEOUT)$/,
    'connection_failed',
    'rejected',
    'Could not connect',
  ],
  [
    /^(?:ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|EPROTO$)/,
    'tls_failure',
    'rejected',
    'TLS handshake failed',
  ],
  [
    /^(?:ETIMEDOUT|UND_ERR_HEADERS_TIMEOUT|UND_ERR_BODY_TIMEOUT)$/,
    'timeout',
    'unknown',
    'The request timed out',
  ],
  [
    /^(?:ECONNRESET|EPIPE|ECONNABORTED|UND_ERR_SOCKET|UND_ERR_CLOSED)$/,
    'connection_reset',
    'unknown',
    'Connection lost',
  ],
];
const FETCH_FAILURE = /fetch failed|failed to fetch|networkerror|load failed|network error/i;
const MAX_CAUSE_DEPTH = 5;

/**
 * Classifies a thrown value: aborts are `cancelled`, timeouts `timeout`, socket
 * errors `network` (with `outcome: 'rejected'` only when the connection never
 * opened, so no request can have reached the provider), anything else `unknown`.
 * Names and codes are read from the error and its `cause` chain, at most five
 * errors deep (fetch wraps the socket error in a `TypeError`).
 */
export function classifyThrown(error: unknown): ThrownClassification {
  const names: string[] = [];
  const codes: string[] = [];
  collect(error, names, codes);

  if (names.includes('TimeoutError')) {
    return { code: 'timeout', outcome: 'unknown', message: 'The request timed out' };
  }
  if (names.includes('AbortError')) {
    return { code: 'cancelled', outcome: 'unknown', message: 'The request was cancelled' };
  }
  for (const [pattern, code, outcome, description] of SOCKET_FAILURES) {
    const found = codes.find((candidate) => pattern.test(candidate));
    if (found !== undefined) return { code, outcome, message: `${description} (${found})` };
  }
  if (isFetchFailure(error)) {
    return { code: 'network_error', outcome: 'unknown', message: 'The network request failed' };
  }
  return { code: 'unknown', outcome: 'unknown', message: 'The request failed unexpectedly' };
}

function collect(error: unknown, names: string[], codes: string[], depth = 0) {
  if (depth >= MAX_CAUSE_DEPTH || typeof error !== 'object' || error === null) return;
  try {
    const { name, code, cause } = error as { name?: unknown; code?: unknown; cause?: unknown };
    if (typeof name === 'string') names.push(name);
    if (typeof code === 'string') codes.push(code);
    collect(cause, names, codes, depth + 1);
  } catch {
    // A throwing getter tells nothing more.
  }
}

function isFetchFailure(error: unknown): boolean {
  try {
    return error instanceof TypeError && FETCH_FAILURE.test(String(error.message));
  } catch {
    return false;
  }
}
