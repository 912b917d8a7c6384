import { cardda } from '@issuer-errors/cardda';
import { clara } from '@issuer-errors/clara';
import {
  getRequestId,
  type IssuerError,
  issuerErrorFromJSON,
  toLogFields,
  toOtelAttributes,
  toProblemDetails,
} from '@issuer-errors/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorSurfaces } from './error-surfaces';

// 5,000 of each shape: one UUID in 360 was altered before the fix, so each run meets a dozen.
const RUNS = 5_000;
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Request ids of the shapes providers send: each is kept exactly as it came. */
const requestIdShapes = {
  UUID: fc.uuid(),
  ULID: fc
    .array(fc.constantFrom(...CROCKFORD), { minLength: 26, maxLength: 26 })
    .map((characters) => characters.join('')),
  hex: fc
    .array(fc.constantFrom(...'0123456789abcdef'), { minLength: 16, maxLength: 64 })
    .map((characters) => characters.join('')),
  numeric: fc
    .array(fc.constantFrom(...'0123456789'), { minLength: 13, maxLength: 40 })
    .map((characters) => characters.join('')),
};

/** Every place an app reads the request id from. */
function requestIdsOf(error: IssuerError): Record<string, unknown> {
  return {
    requestId: error.requestId,
    'raw x-request-id header': error.raw.headers['x-request-id'],
    toJSON: error.toJSON().requestId,
    'read back from JSON': issuerErrorFromJSON(JSON.parse(JSON.stringify(error)))._unsafeUnwrap()
      .requestId,
    toLogFields: toLogFields(error)['issuer.request_id'],
    toOtelAttributes: toOtelAttributes(error)['issuer.request_id'],
    toProblemDetails: toProblemDetails(error).requestId,
  };
}

describe.each(Object.entries(requestIdShapes))('a %s request id', (_shape, requestIds) => {
  it(`is kept verbatim on every surface, for ${RUNS} random ids of each provider`, () => {
    fc.assert(
      fc.property(requestIds, fc.constantFrom('cardda', 'clara'), (requestId, provider) => {
        const adapter = provider === 'cardda' ? cardda : clara;
        expect(getRequestId({ 'X-Request-Id': requestId })).toBe(requestId);
        const error = adapter.normalize({
          status: 500,
          headers: { 'X-Request-Id': requestId },
          body: { message: 'Core service failure', error: 'internal_error' },
        });
        for (const [surface, value] of Object.entries(requestIdsOf(error))) {
          expect({ surface, value }).toEqual({ surface, value: requestId });
        }
      }),
      { numRuns: RUNS },
    );
  });
});

const FULL_CARD = /4111[ -]?1111[ -]?1111[ -]?1111/;

describe('card numbers beside a request id', () => {
  it.each(['4111-1111-1111-1111', '4111 1111 1111 1111', '4111111111111111'])(
    'are still masked in messages and field errors when written as %s',
    (card) => {
      const requestId = '111b3862-7a73-4d32-8468-14439855bd80';
      const errors = [
        clara.normalize({
          status: 422,
          headers: { 'X-Request-Id': requestId },
          body: { code: 'B013', message: `Card ${card} exceeds the limit`, details: [card] },
        }),
        cardda.normalize({
          status: 422,
          headers: { 'X-Request-Id': requestId },
          body: { errors: { card_number: [`${card} is invalid`] } },
        }),
      ];
      for (const error of errors) {
        expect(error.requestId).toBe(requestId);
        for (const [surface, text] of Object.entries(errorSurfaces(error))) {
          expect({ surface, leaked: FULL_CARD.test(text) }).toEqual({ surface, leaked: false });
        }
        expect(JSON.stringify(toLogFields(error))).not.toMatch(FULL_CARD);
      }
    },
  );
});
