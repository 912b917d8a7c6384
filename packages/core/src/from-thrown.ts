import type { ErrorCode } from './error-codes';
import type { ErrorOutcome } from './kind-retry-defaults';

/** How a thrown value (fetch, undici, ky, DOM) reads as an error without a response. */
export interface ThrownClassification {
  readonly code: ErrorCode;
  readonly outcome: ErrorOutcome;
  /** A short description of what happened. */
  readonly message: string;
}

const NEVER_CONNECTED = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_NONAME',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
]);
const CONNECTION_LOST = new Set([
  'ECONNRESET',
  'EPIPE',
  'ECONNABORTED',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);
const TIMED_OUT = new Set(['ETIMEDOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
const TLS_FAILURE = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|EPROTO$)/;
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
  const names = new Set<string>();
  const codes = new Set<string>();
  collect(error, names, codes);
  const has = (set: ReadonlySet<string>) => [...codes].find((code) => set.has(code));

  if (names.has('TimeoutError')) return timeout('The request timed out');
  if (names.has('AbortError')) {
    return { code: 'cancelled', outcome: 'unknown', message: 'The request was cancelled' };
  }
  const neverConnected = has(NEVER_CONNECTED);
  if (neverConnected !== undefined) {
    return {
      code: 'connection_failed',
      outcome: 'rejected',
      message: `Could not connect (${neverConnected})`,
    };
  }
  const tls = [...codes].find((code) => TLS_FAILURE.test(code));
  if (tls !== undefined) {
    return { code: 'tls_failure', outcome: 'rejected', message: `TLS handshake failed (${tls})` };
  }
  const timedOut = has(TIMED_OUT);
  if (timedOut !== undefined) return timeout(`The request timed out (${timedOut})`);
  const lost = has(CONNECTION_LOST);
  if (lost !== undefined) {
    return { code: 'connection_reset', outcome: 'unknown', message: `Connection lost (${lost})` };
  }
  if (isFetchFailure(error)) {
    return { code: 'network_error', outcome: 'unknown', message: 'The network request failed' };
  }
  return { code: 'unknown', outcome: 'unknown', message: 'The request failed unexpectedly' };
}

function timeout(message: string): ThrownClassification {
  return { code: 'timeout', outcome: 'unknown', message };
}

function collect(error: unknown, names: Set<string>, codes: Set<string>, depth = 0) {
  if (depth >= MAX_CAUSE_DEPTH || typeof error !== 'object' || error === null) return;
  try {
    const { name, code, cause } = error as { name?: unknown; code?: unknown; cause?: unknown };
    if (typeof name === 'string') names.add(name);
    if (typeof code === 'string') codes.add(code);
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
