import { describe, expect, it } from 'vitest';
import { ERROR_KINDS, type ErrorKind } from '../error/error-kinds';
import type { ErrorOutcome } from '../error/issuer-error-types';
import { KIND_DEFAULTS } from './kind-defaults';

/** "retryable by default" and "outcome" of each kind, from the taxonomy table of docs/taxonomy.md. */
const DESIGN_DEFAULTS: Record<ErrorKind, { retryable: boolean; outcome: ErrorOutcome }> = {
  validation: { retryable: false, outcome: 'rejected' },
  authentication: { retryable: false, outcome: 'rejected' },
  permission: { retryable: false, outcome: 'rejected' },
  not_found: { retryable: false, outcome: 'rejected' },
  conflict: { retryable: false, outcome: 'rejected' },
  business_rule: { retryable: false, outcome: 'rejected' },
  rate_limited: { retryable: true, outcome: 'rejected' },
  unavailable: { retryable: true, outcome: 'unknown' },
  internal: { retryable: true, outcome: 'unknown' },
  configuration: { retryable: false, outcome: 'rejected' },
  // "rejected if the connection never opened, else unknown": unknown unless a rule knows better.
  network: { retryable: true, outcome: 'unknown' },
  timeout: { retryable: true, outcome: 'unknown' },
  cancelled: { retryable: false, outcome: 'unknown' },
  invalid_response: { retryable: false, outcome: 'unknown' },
  unknown: { retryable: false, outcome: 'unknown' },
};

/**
 * The status a backend passing the error on answers with when no response came back: the
 * caller's errors keep the issuer's typical status (docs/taxonomy.md); a failure of the issuer or of
 * the way to it is a gateway's (RFC 9110 §15.6.3 502 Bad Gateway, §15.6.4 503 Service
 * Unavailable, §15.6.5 504 Gateway Timeout); the backend's own misconfiguration is its 500;
 * a caller that went away gets 499, the de-facto "client closed request".
 */
const PASS_ON_STATUS: Record<ErrorKind, number> = {
  validation: 400,
  authentication: 401,
  permission: 403,
  not_found: 404,
  conflict: 409,
  business_rule: 422,
  rate_limited: 429,
  unavailable: 503,
  internal: 502,
  configuration: 500,
  network: 502,
  timeout: 504,
  cancelled: 499,
  invalid_response: 502,
  unknown: 502,
};

describe('KIND_DEFAULTS', () => {
  it('has an entry for exactly the kinds of the taxonomy', () => {
    expect(Object.keys(KIND_DEFAULTS).sort()).toEqual([...ERROR_KINDS].sort());
  });

  it.each(ERROR_KINDS)('gives %s the retryable default and outcome of docs/taxonomy.md', (kind) => {
    const { retryable, outcome } = KIND_DEFAULTS[kind];
    expect({ retryable, outcome }).toStrictEqual(DESIGN_DEFAULTS[kind]);
  });

  it.each(ERROR_KINDS)('gives %s the status a backend passes it on with', (kind) => {
    expect(KIND_DEFAULTS[kind].httpStatus).toBe(PASS_ON_STATUS[kind]);
  });

  it('gives every kind its own short one-line title', () => {
    const titles = ERROR_KINDS.map((kind) => KIND_DEFAULTS[kind].title);
    for (const title of titles) expect(title).toMatch(/^[A-Z][A-Za-z ]{2,39}$/);
    expect(new Set(titles).size).toBe(ERROR_KINDS.length);
  });

  it('titles validation errors as the problem-details guide shows', () => {
    expect(KIND_DEFAULTS.validation.title).toBe('Invalid request');
  });
});
