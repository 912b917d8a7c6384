import { describe, expect, it } from 'vitest';
import { toLogFields } from '../observability/to-log-fields';
import { toOtelAttributes } from '../observability/to-otel-attributes';
import { toProblemDetails } from '../problem-details/problem-details';
import { ERROR_KINDS } from './error-kinds';
import { IssuerError, isIssuerError } from './issuer-error';
import { matchError } from './match-error';
import { toIssuerError } from './to-issuer-error';

const revokedProxy = () => {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
};
const rateLimited = new IssuerError({
  provider: 'cardda',
  code: 'rate_limited',
  message: 'Cardda: too many requests',
  retryAfterMs: 1000,
  requestId: 'req-1',
});

describe('toIssuerError', () => {
  it('gives back an IssuerError as it is', () => {
    expect(toIssuerError(rateLimited)).toBe(rateLimited);
  });

  it('reads an error back from its JSON', () => {
    const restored = toIssuerError(JSON.parse(JSON.stringify(rateLimited)));
    expect(isIssuerError(restored)).toBe(true);
    expect(restored).toMatchObject({
      provider: 'cardda',
      code: 'rate_limited',
      requestId: 'req-1',
    });
  });

  it.each([
    ['an empty object', {}],
    ['undefined', undefined],
    ['a revoked proxy', revokedProxy()],
  ])('makes %s an unknown error that says it could not be read', (_name, value) => {
    expect(toIssuerError(value)).toMatchObject({
      provider: 'unknown',
      kind: 'unknown',
      code: 'unknown',
      message: 'Not an IssuerError: the error could not be read',
    });
  });
});

describe('helpers given what cannot be read', () => {
  it('isIssuerError says no to a revoked proxy', () => {
    expect(isIssuerError(revokedProxy())).toBe(false);
  });

  it('toOtelAttributes and toLogFields give only the unknown type', () => {
    expect(toOtelAttributes(revokedProxy())).toEqual({ 'error.type': 'unknown' });
    expect(toLogFields(revokedProxy())).toEqual({ 'error.type': 'unknown' });
  });

  it('toLogFields leaves out a message it cannot read', () => {
    const error = Object.defineProperty({ code: 'timeout' }, 'message', {
      get: () => {
        throw new Error('read');
      },
    });
    expect(toLogFields(error)).toEqual({ 'error.type': 'timeout', 'issuer.code': 'timeout' });
  });

  it('toProblemDetails answers an unknown problem, and uses only valid options', () => {
    expect(toProblemDetails({} as never, { status: 99, instance: 7 } as never)).toEqual({
      type: 'urn:issuer-errors:unknown',
      title: 'Unknown issuer error',
      status: 502,
      detail: 'Not an IssuerError: the error could not be read',
      provider: 'unknown',
      kind: 'unknown',
      code: 'unknown',
      retryable: false,
      errors: [],
    });
    expect(toProblemDetails(rateLimited, revokedProxy() as never).status).toBe(429);
    expect(toProblemDetails(rateLimited, { status: 599, instance: 'urn:x' })).toMatchObject({
      status: 599,
      instance: 'urn:x',
    });
    expect(toProblemDetails(rateLimited, { status: 600 }).status).toBe(429);
    expect(toProblemDetails(rateLimited, { status: 100 }).status).toBe(100);
    expect(toProblemDetails(rateLimited, { status: 99 }).status).toBe(429);
    expect(toProblemDetails(rateLimited, { status: 200.5 }).status).toBe(429);
  });

  it('matchError hands what is not an error to the unknown handler', () => {
    const handlers = Object.fromEntries(ERROR_KINDS.map((kind) => [kind, () => kind]));
    expect(matchError(revokedProxy() as never, handlers as never)).toBe('unknown');
    expect(matchError(rateLimited, handlers as never)).toBe('rate_limited');
  });
});
