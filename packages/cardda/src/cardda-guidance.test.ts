import type { RawErrorInput, RuleGuidance } from '@issuer-errors/core';
import { describe, expect, it } from 'vitest';
import { cardda } from './cardda';
import { carddaGuidance } from './cardda-guidance';

/** The guidance of the row a response is normalized by. */
function guidanceFor(input: RawErrorInput): RuleGuidance | undefined {
  const rule = cardda.ruleFor(cardda.normalize(input));
  return rule === undefined ? undefined : carddaGuidance[rule.id ?? ''];
}

/**
 * Cardda's status code reference, row by row: status, `error` code, and a phrase of its
 * "When you see this" and "Notes" columns that the matched rule must carry.
 */
const documentedRows = [
  [400, 'bad_request', 'malformed', 'Inspect the message field'],
  [401, 'unauthenticated', 'Missing or invalid Authorization header', 'not revoked'],
  [401, 'email_not_verified', 'has not verified their email', 'confirm their email'],
  [401, 'unauthorized', 'company-id header was required but absent', 'company-id header'],
  [403, 'forbidden', 'policy denies this action', "Check the user's role"],
  [404, 'not_found', 'not a member', 'company-id'],
  [409, 'conflict', 'conflicts with current state', 'Re-fetch the resource and reconcile'],
  [422, 'unprocessable_entity', 'Validation failed on POST / PATCH / PUT', 'field error'],
  [429, 'rate_limit_exceeded', 'Too many requests', 'Retry-After'],
  [500, 'internal_error', "Unexpected error on Cardda's side", 'X-Request-Id'],
] as const;

describe('cardda: each documented code resolves to the row with its guidance', () => {
  it.each(documentedRows)('%i %s', (status, error, whenYouSeeThis, notes) => {
    expect(cardda.ruleFor(cardda.normalize({ status, body: { error } }))?.providerCode).toBe(error);
    const guidance = guidanceFor({ status, body: { error } });
    expect(guidance?.description).toContain(whenYouSeeThis);
    expect(guidance?.action).toContain(notes);
  });

  it.each([502, 503, 504])('%i, an upstream failure, is retried with backoff', (status) => {
    const guidance = guidanceFor({ status, body: 'Bad Gateway' });
    expect(guidance?.description).toContain('Temporary upstream issue');
    expect(guidance?.action).toBe('Retry with backoff.');
  });

  it('gives an undocumented code the status row, which says so', () => {
    const rule = cardda.ruleFor(cardda.normalize({ status: 400, body: { error: 'bad' } }));
    expect(rule?.providerCode).toBeUndefined();
    expect(guidanceFor({ status: 400, body: { error: 'bad' } })?.description).toBe(
      'A 400 with an error code Cardda does not document.',
    );
  });
});
