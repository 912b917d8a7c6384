import { cardda } from '@issuer-errors/cardda';
import { clara } from '@issuer-errors/clara';
import { issuerErrorFromJSON, toProblemDetails } from '@issuer-errors/core';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { controlText, HOSTILE_KEYS } from './hostile-input';
import { CONTROL_CHARACTER } from './issuer-error-json-schema';
import { runs } from './runs';

const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype).sort();

const pollutingBodies = HOSTILE_KEYS.flatMap((key) => [
  `{"${key}":{"polluted":true},"message":"m"}`,
  `{"errors":{"${key}":["x"],"rut":["y"]}}`,
  `{"details":[{"field":"${key}","message":"x"},{"field":"${key}.polluted","message":"y"}]}`,
  `{"constructor":{"prototype":{"polluted":true}},"code":"${key}"}`,
  `{"details":[{"path":["${key}","polluted"],"message":"x"}]}`,
]);

afterEach(() => {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_NAMES);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

describe('hostile keys', () => {
  it.each(
    [clara, cardda].flatMap((adapter) =>
      pollutingBodies.map((body) => [adapter.name, body, adapter] as const),
    ),
  )(
    '%s: %s leaves Object.prototype untouched and keeps field errors plain data',
    (_name, body, adapter) => {
      const error = adapter.normalize({ status: 422, body });
      const fieldErrors = error.fieldErrors as Record<string, unknown>;
      for (const name of Object.keys(fieldErrors))
        expect(Array.isArray(fieldErrors[name])).toBe(true);
      expect(
        Object.getPrototypeOf(fieldErrors) === Object.prototype ||
          Object.getPrototypeOf(fieldErrors) === null,
      ).toBe(true);
      const copy = JSON.parse(JSON.stringify(error));
      expect(issuerErrorFromJSON(copy).isOk()).toBe(true);
      expect(JSON.stringify(toProblemDetails(error))).not.toContain('"polluted":true');
    },
  );

  it('reads back JSON that names __proto__ without polluting anything', () => {
    const json = JSON.parse(
      '{"name":"IssuerError","provider":"clara","kind":"validation","code":"invalid_field","message":"m","retryable":false,"outcome":"rejected","fieldErrors":{"__proto__":["x"]},"raw":{"headers":{"__proto__":"x"},"body":{"__proto__":{"polluted":true}}},"__proto__":{"polluted":true}}',
    );
    const read = issuerErrorFromJSON(json);
    expect(read.isOk()).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    if (read.isOk()) expect(read.value.raw.body).not.toHaveProperty('polluted');
  });
});

describe('log injection', () => {
  const hostileBody = fc.record({
    code: controlText,
    message: controlText,
    errors: fc.dictionary(controlText, fc.array(controlText, { maxLength: 3 }), { maxKeys: 3 }),
    details: fc.array(fc.record({ field: controlText, message: controlText }), { maxLength: 3 }),
    timestamp: controlText,
  });

  it.each([
    ['clara', clara],
    ['cardda', cardda],
  ] as const)(
    '%s: CR, LF, ANSI escapes and other control characters reach no message, field or id',
    (_name, adapter) => {
      fc.assert(
        fc.property(hostileBody, controlText, (body, requestId) => {
          const error = adapter.normalize({
            status: 422,
            headers: { 'x-request-id': `id${requestId}` },
            body: JSON.stringify(body),
          });
          const texts = [
            error.message,
            error.providerCode ?? '',
            error.requestId ?? '',
            error.timestamp ?? '',
            ...Object.keys(error.fieldErrors),
            ...Object.values(error.fieldErrors).flat(),
            String(error).split('\n')[0] ?? '',
          ];
          for (const text of texts)
            if (CONTROL_CHARACTER.test(text))
              throw new Error(`control character in ${JSON.stringify(text)}`);
        }),
        { numRuns: runs(5_000) },
      );
    },
  );

  it('the check sees a control character when one is there', () => {
    expect(CONTROL_CHARACTER.test('line\nbreak')).toBe(true);
    expect(CONTROL_CHARACTER.test('\u001b[31mred')).toBe(true);
    expect(CONTROL_CHARACTER.test('plain line')).toBe(false);
  });
});
