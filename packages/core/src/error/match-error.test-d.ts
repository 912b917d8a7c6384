import { describe, expectTypeOf, it } from 'vitest';
import type { ErrorCodeOf } from './error-codes';
import type { IssuerError } from './issuer-error';
import { type ErrorHandlers, matchError } from './match-error';

declare const error: IssuerError;
declare const handlers: ErrorHandlers<number>;

describe('matchError types', () => {
  it('requires a handler for every kind', () => {
    const { unknown: _unknown, ...missingOne } = handlers;
    // @ts-expect-error: the `unknown` kind is not handled
    matchError(error, missingOne);
    expectTypeOf(matchError(error, handlers)).toEqualTypeOf<number>();
  });

  it('narrows the error given to each handler to its kind', () => {
    matchError(error, {
      ...handlers,
      business_rule: (narrowed) => {
        expectTypeOf(narrowed.kind).toEqualTypeOf<'business_rule'>();
        expectTypeOf(narrowed.code).toEqualTypeOf<ErrorCodeOf<'business_rule'>>();
        return 1;
      },
    });
  });

  it('types each code to exactly one kind', () => {
    expectTypeOf<ErrorCodeOf<'business_rule'>>().toEqualTypeOf<
      'business_rule_violation' | 'credit_limit_exceeded' | 'user_not_active'
    >();
    expectTypeOf<ErrorCodeOf<'configuration'>>().toEqualTypeOf<
      | 'client_certificate_missing'
      | 'missing_company_id'
      | 'request_headers_too_large'
      | 'invalid_client_setup'
    >();
  });
});
