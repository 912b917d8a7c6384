import type { AdapterConfig } from '../adapter-types';
import { defineAdapter } from '../define-adapter';
import { type LenientBody, lenientObject } from '../lenient-object';

const bodyShape = { error: 'string', message: 'string' } as const;
const bodySchema = lenientObject(bodyShape);

/** What {@link testAdapter} is defined from, for tests that vary one part. */
export const testAdapterDefinition: AdapterConfig<LenientBody<typeof bodyShape>> = {
  name: 'test',
  displayName: 'Test',
  bodySchema,
  bodyFields: { providerCode: 'error', message: 'message' },
  rules: [
    { status: 401, code: 'unauthenticated' },
    { status: 404, code: 'not_found' },
    { status: 409, code: 'conflict' },
    { status: 429, code: 'rate_limited' },
    {
      status: 500,
      code: 'internal_error',
      retryAfterMs: 20,
      maxRetries: 1,
    },
    {
      status: [502, 503, 504],
      code: 'upstream_unavailable',
    },
  ],
  retry: {
    backoff: { baseMs: 10, factor: 2, maxMs: 50, jitter: 'full' },
    byKind: {
      rate_limited: { backoff: { baseMs: 10, factor: 2, maxMs: 1000, jitter: { addMs: 10 } } },
    },
  },
};

/** A small provider for the client's tests: Cardda-like bodies, Clara-like 500 guidance. */
export const testAdapter = defineAdapter(testAdapterDefinition);

/** Where nock intercepts the client's tests. */
export const BASE_URL = 'https://issuer.test/v1';
