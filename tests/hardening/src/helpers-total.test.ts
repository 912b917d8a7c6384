import { cardda } from '@issuer-errors/cardda';
import {
  ERROR_KINDS,
  getRequestId,
  isIssuerError,
  matchError,
  recordOnSpan,
  toLogFields,
  toOtelAttributes,
  toProblemDetails,
} from '@issuer-errors/core';
import { applyFieldErrors, toFormErrors, userMessage } from '@issuer-errors/core/messages';
import { carddaFixtures } from '@issuer-errors/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const RUNS = Number(process.env.HARDENING_RUNS ?? 2_000);

/** Objects that throw when read: a getter, a proxy, a revoked proxy. */
const throwingObjects = (): unknown[] => {
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  const boom = () => {
    throw new Error('read');
  };
  return [
    revoked.proxy,
    new Proxy({}, { get: boom, has: boom, ownKeys: boom, getOwnPropertyDescriptor: boom }),
    Object.defineProperty({}, 'kind', { get: boom, enumerable: true }),
    Object.defineProperty({ kind: 'validation', code: 'invalid_field' }, 'fieldErrors', {
      get: boom,
      enumerable: true,
    }),
    { kind: 'validation', code: 'invalid_field', fieldErrors: { rut: null } },
    { kind: 'validation', code: 'invalid_field', fieldErrors: 'rut' },
    { kind: 'nonsense', code: 'nonsense', message: 42, status: 'x' },
    Object.create(null),
    { toString: boom, valueOf: boom },
  ];
};

/** Anything an app may hand a helper by mistake, or read back from a queue (objects that throw when read are tried one by one: fast-check itself reads what it generates). */
const anyInput = fc.oneof(
  fc.anything({ withBigInt: true, withMap: true, withSet: true, withNullPrototype: true }),
  fc.record({
    kind: fc.oneof(fc.constantFrom('validation', 'rate_limited', 'unknown'), fc.anything()),
    code: fc.oneof(fc.constantFrom('invalid_field', 'rate_limited', 'unknown'), fc.anything()),
    message: fc.anything(),
    fieldErrors: fc.oneof(fc.dictionary(fc.string(), fc.anything()), fc.anything()),
    status: fc.anything(),
    requestId: fc.anything(),
  }),
);

const noop = () => {};
const span = { setAttributes: noop, setStatus: noop, recordException: noop };

/** One handler for every kind, as matchError requires. */
const handlers = Object.fromEntries(ERROR_KINDS.map((kind) => [kind, () => kind])) as never;

/** Every exported helper that takes an error, called as an app would. */
const helpers: Record<string, (input: unknown) => unknown> = {
  toProblemDetails: (input) => toProblemDetails(input as never),
  'toProblemDetails with options': (input) => toProblemDetails(input as never, input as never),
  userMessage: (input) => userMessage(input as never, 'es-CL'),
  'userMessage in any locale': (input) => userMessage(input as never, input as never),
  toFormErrors: (input) => toFormErrors(input as never, { case: 'camel' }),
  applyFieldErrors: (input) => applyFieldErrors(input as never, noop),
  toLogFields: (input) => toLogFields(input as never),
  toOtelAttributes: (input) => toOtelAttributes(input as never),
  recordOnSpan: (input) => recordOnSpan(span, input as never),
  matchError: (input) => matchError(input as never, handlers),
  isIssuerError,
  getRequestId,
};

describe.each(Object.entries(helpers))('%s', (_name, helper) => {
  it(`never throws, for ${RUNS} generated inputs and objects that throw when read`, () => {
    for (const input of throwingObjects()) expect(() => helper(input)).not.toThrow();
    fc.assert(
      fc.property(anyInput, (input) => {
        helper(input);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('toProblemDetails on what is not an IssuerError', () => {
  // 502: the status of the unknown kind, as the problem-details guide answers it.
  it('answers an unknown error with status 502, never a provider fact it could not read', () => {
    const problem = toProblemDetails({} as never);
    expect(problem).toMatchObject({
      type: 'urn:issuer-errors:unknown',
      status: 502,
      kind: 'unknown',
      code: 'unknown',
      retryable: false,
      errors: [],
    });
  });

  it('reads an error back from its JSON, as after a queue', () => {
    const fixture = carddaFixtures.find(({ id }) => id === 'validation-error-on-create');
    if (fixture === undefined) throw new Error('the validation fixture is gone');
    const recipient = cardda.normalize(fixture.response);
    const fromQueue = JSON.parse(JSON.stringify(recipient));
    expect(toProblemDetails(fromQueue)).toEqual(toProblemDetails(recipient));
  });
});
