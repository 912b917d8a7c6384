import { describe, expect, it } from 'vitest';
import { ERROR_CODES, type ErrorCode } from './error-codes';
import { IssuerError } from './issuer-error';
import { type ErrorHandlers, matchError } from './match-error';
import { err, ok, tryIssuerCall } from './result';

const handlers: ErrorHandlers<string> = {
  validation: (error) => `validation:${error.code}`,
  authentication: (error) => `authentication:${error.code}`,
  permission: (error) => `permission:${error.code}`,
  not_found: (error) => `not_found:${error.code}`,
  conflict: (error) => `conflict:${error.code}`,
  business_rule: (error) => `business_rule:${error.code}`,
  rate_limited: (error) => `rate_limited:${error.retryAfterMs}`,
  unavailable: (error) => `unavailable:${error.code}`,
  internal: (error) => `internal:${error.code}`,
  configuration: (error) => `configuration:${error.code}`,
  network: (error) => `network:${error.outcome}`,
  timeout: (error) => `timeout:${error.code}`,
  cancelled: (error) => `cancelled:${error.code}`,
  invalid_response: (error) => `invalid_response:${error.code}`,
  unknown: (error) => `unknown:${error.code}`,
};

describe('matchError', () => {
  it('calls the handler of the error kind, and only it', () => {
    for (const code of Object.keys(ERROR_CODES) as ErrorCode[]) {
      const error = new IssuerError({ provider: 'p', code, message: 'm', retryAfterMs: 5 });
      const expected = handlers[error.kind](error as never);
      expect(matchError(error, handlers)).toBe(expected);
      expect(expected.startsWith(`${ERROR_CODES[code]}:`)).toBe(true);
    }
  });
});

describe('tryIssuerCall', () => {
  const toError = (error: unknown) =>
    new IssuerError({ provider: 'p', code: 'unknown', message: String(error) });

  it('turns a synchronous throw into an Err', async () => {
    const result = await tryIssuerCall(() => {
      throw new Error('sync boom');
    }, toError);
    expect(result._unsafeUnwrapErr().message).toBe('Error: sync boom');
  });

  it('turns a rejection into an Err and a value into an Ok', async () => {
    expect((await tryIssuerCall(() => Promise.reject(new Error('later')), toError)).isErr()).toBe(
      true,
    );
    expect((await tryIssuerCall(() => Promise.resolve(7), toError))._unsafeUnwrap()).toBe(7);
    expect(ok(1).isOk() && err(2).isErr()).toBe(true);
  });
});
