import { describe, expect, it } from 'vitest';
import { statusRules } from './status-rules';

describe('statusRules', () => {
  it('gives each status its usual code, in the order asked, under a status id', () => {
    expect(statusRules([404, 400, 401, 403, 409, 422, 429, 500])).toEqual([
      { id: 'status-404', status: 404, code: 'not_found' },
      { id: 'status-400', status: 400, code: 'invalid_request' },
      { id: 'status-401', status: 401, code: 'unauthenticated' },
      { id: 'status-403', status: 403, code: 'forbidden' },
      { id: 'status-409', status: 409, code: 'conflict' },
      { id: 'status-422', status: 422, code: 'invalid_field' },
      { id: 'status-429', status: 429, code: 'rate_limited' },
      { id: 'status-500', status: 500, code: 'internal_error' },
    ]);
  });

  it("takes an adapter's changes to a status's row, and only to that row", () => {
    const rules = statusRules([422, 500], {
      422: { code: 'business_rule_violation' },
      500: { retryAfterMs: 2000, maxRetries: 1 },
    });
    expect(rules).toEqual([
      { id: 'status-422', status: 422, code: 'business_rule_violation' },
      { id: 'status-500', status: 500, code: 'internal_error', retryAfterMs: 2000, maxRetries: 1 },
    ]);
  });
});
