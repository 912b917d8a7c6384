import type { FakeOutcome, FakeProvider } from '@issuer-errors/testing/server';
import fc from 'fast-check';

/** One planned call: its method and the answers its route plays, in order (the last repeats). */
export interface PlannedCall {
  readonly method: 'GET' | 'POST';
  readonly outcomes: readonly FakeOutcome[];
}

const SUCCESS: FakeOutcome = { json: { ok: true } };

/** Faults both issuers can show; each provider adds its own 5xx, 429 and 401. */
const COMMON_FAULTS: readonly FakeOutcome[] = [
  { reset: 'before-response' },
  { reset: 'mid-body' },
  { stall: true },
  { json: { slow: true }, chunkDelayMs: 5 }, // 8 parts, well inside the attempt's timeout
  { json: { slow: true }, chunkDelayMs: 50 }, // 400 ms: past it
];

const PROVIDER_FAULTS: Record<FakeProvider, readonly FakeOutcome[]> = {
  clara: [
    'internal-server-error',
    'bad-gateway-html',
    'service-unavailable-empty',
    { error: 'rate-limited-with-retry-after', retryAfter: 0 },
    'token-expired', // a 401: one token refresh, one retry
  ],
  cardda: [
    'internal-error-traced',
    'bad-gateway-html',
    'service-unavailable-empty',
    { error: 'rate-limited', retryAfter: 0 },
    'unauthenticated',
  ],
};

/** Answers that certainly did not act on the request: the only ones a POST may be resent after. */
export const REJECTED_ANSWERS: Record<FakeProvider, readonly string[]> = {
  clara: ['rate-limited-with-retry-after 429', 'token-expired 401'],
  cardda: ['rate-limited 429', 'unauthenticated 401'],
};

/** `count` calls with one to three random faults each, usually ending in success. */
export function planCalls(provider: FakeProvider, count: number, seed: number): PlannedCall[] {
  const fault = fc.constantFrom(...COMMON_FAULTS, ...PROVIDER_FAULTS[provider]);
  const call = fc.record({
    method: fc.constantFrom('GET' as const, 'POST' as const),
    faults: fc.array(fault, { minLength: 1, maxLength: 3 }),
    thenSucceeds: fc.boolean(),
  });
  return fc.sample(call, { numRuns: count, seed }).map(({ method, faults, thenSucceeds }) => ({
    method,
    outcomes: thenSucceeds ? [...faults, SUCCESS] : faults,
  }));
}
