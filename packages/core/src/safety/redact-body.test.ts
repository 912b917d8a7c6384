import { describe, expect, it } from 'vitest';
import { isSensitiveKey, MAX_RAW_BODY_BYTES, redactBody } from './redact-body';

const VISA = '4111111111111111';

/** `levels` objects, each holding the next under `a`, the innermost holding `leaf`. */
function nestedObjects(levels: number, leaf: unknown): unknown {
  return levels === 0 ? leaf : { a: nestedObjects(levels - 1, leaf) };
}

/** `levels` arrays, each holding the next, the innermost holding `leaf`. */
function nestedArrays(levels: number, leaf: unknown): unknown {
  return levels === 0 ? leaf : [nestedArrays(levels - 1, leaf)];
}

describe('redactBody', () => {
  it('drops credentials and card-security fields and masks card numbers', () => {
    const body = redactBody({
      message: 'card 4111111111111111 declined',
      access_token: 'tok',
      client_secret: 'sec',
      apiKey: 'key',
      cvv: '123',
      nested: { refresh_token: 'r', Authorization: 'Bearer x', ok: 1 },
    });
    expect(body).toEqual({ message: 'card ************1111 declined', nested: { ok: 1 } });
  });

  it("keeps Cardda's documented validation body as it is", () => {
    const body = {
      errors: {
        rut: ["can't be blank", 'is invalid'],
        account_number: ["can't be blank"],
        bank_id: ['must reference an existing bank'],
      },
    };
    expect(redactBody(body)).toStrictEqual(body);
  });

  it('keeps JSON values as JSON reads them', () => {
    expect(
      redactBody({ ok: true, retry: false, missing: null, amount: 1.5, ratio: Number.NaN }),
    ).toStrictEqual({ ok: true, retry: false, missing: null, amount: 1.5, ratio: null });
    expect(redactBody({ amount: 10n })).toStrictEqual({ amount: '10' });
    expect(redactBody(null)).toBeNull();
    expect(redactBody(true)).toBe(true);
  });

  it('drops fields without a JSON form, and turns such array items into null', () => {
    const body = { a: 1, f: () => 1, s: Symbol('s'), u: undefined, list: [1, undefined, () => 1] };
    expect(redactBody(body)).toStrictEqual({ a: 1, list: [1, null, null] });
    expect(redactBody(undefined)).toBeUndefined();
  });

  it('writes dates as ISO strings, and an invalid date as null', () => {
    expect(
      redactBody({ at: new Date('2024-03-15T10:30:00Z'), never: new Date(Number.NaN) }),
    ).toStrictEqual({ at: '2024-03-15T10:30:00.000Z', never: null });
  });

  it('keeps a text body, masked and cut to 8 KiB', () => {
    expect(redactBody(`<html>${VISA}</html>`)).toBe('<html>************1111</html>');
    expect(redactBody(`<html>${'x'.repeat(20_000)}</html>`)).toBe(`<html>${'x'.repeat(8183)}…`);
  });

  it('cuts each string inside a JSON body to 1 KiB', () => {
    expect(redactBody({ message: 'y'.repeat(1024) })).toStrictEqual({ message: 'y'.repeat(1024) });
    expect(redactBody({ message: 'y'.repeat(2000) })).toStrictEqual({
      message: `${'y'.repeat(1021)}…`,
    });
  });

  it('keeps a JSON body of exactly 8 KiB, and cuts a larger one to an 8 KiB string', () => {
    // Eight strings of about 1 KiB: 8,167 characters, plus 25 of brackets, quotes and commas.
    const items = Array.from({ length: 8 }, (_, index) => 'z'.repeat(index === 0 ? 1020 : 1021));
    expect(JSON.stringify(items)).toHaveLength(MAX_RAW_BODY_BYTES);
    expect(redactBody(items)).toStrictEqual(items);

    const larger = items.map(() => 'z'.repeat(1021));
    expect(redactBody(larger)).toBe(`${JSON.stringify(larger).slice(0, MAX_RAW_BODY_BYTES - 3)}…`);
  });

  it('cuts a large JSON body to an 8 KiB string', () => {
    const body = redactBody({ items: Array.from({ length: 50 }, () => 'y'.repeat(900)) });
    expect(typeof body).toBe('string');
    expect(new TextEncoder().encode(body as string).length).toBe(MAX_RAW_BODY_BYTES);
  });

  it('keeps the first 50 items of an array and the first 50 fields of an object', () => {
    const list = Array.from({ length: 60 }, (_, index) => index);
    expect(redactBody(list)).toStrictEqual(list.slice(0, 50));
    const fields = Object.fromEntries(list.map((index) => [`field${index}`, index]));
    expect(redactBody(fields)).toStrictEqual(
      Object.fromEntries(Object.entries(fields).slice(0, 50)),
    );
  });

  it('keeps six levels of objects or arrays and marks the seventh [Truncated]', () => {
    expect(redactBody(nestedObjects(6, 1))).toStrictEqual(nestedObjects(6, 1));
    expect(redactBody(nestedObjects(7, 1))).toStrictEqual(nestedObjects(6, '[Truncated]'));
    expect(redactBody(nestedArrays(6, 1))).toStrictEqual(nestedArrays(6, 1));
    expect(redactBody(nestedArrays(7, 1))).toStrictEqual(nestedArrays(6, '[Truncated]'));
  });

  it('breaks cycles and bounds depth', () => {
    const circular: Record<string, unknown> = { a: 1 };
    circular.self = circular;
    expect(redactBody(circular)).toEqual({ a: 1, self: '[Circular]' });
    const deep = JSON.parse(`${'{"a":'.repeat(20)}1${'}'.repeat(20)}`);
    expect(redactBody(deep)).toStrictEqual(nestedObjects(6, '[Truncated]'));
  });

  it('copies an object met twice outside a cycle each time', () => {
    const shared = { id: 1 };
    expect(redactBody({ first: shared, second: shared, list: [shared] })).toStrictEqual({
      first: { id: 1 },
      second: { id: 1 },
      list: [{ id: 1 }],
    });
  });

  it('skips __proto__ keys and leaves Object.prototype untouched', () => {
    const body = redactBody(
      JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}}}'),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(body)).toBe(Object.prototype);
    expect(Object.hasOwn(body as object, '__proto__')).toBe(false);
  });

  it('never throws on hostile objects, and keeps nothing of them', () => {
    const hostile = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('boom');
        },
      },
    );
    expect(redactBody(hostile)).toBeUndefined();
    expect(redactBody({ ok: 1, hostile })).toBeUndefined();
    expect(redactBody(10n)).toBe('10');
    expect(redactBody(Number.NaN)).toBeNull();
  });
});

describe('redactBody on long strings', () => {
  it('masks a card number that follows a long redacted secret in a nested string', () => {
    // The whole string is 1,098 characters; once the 100-character token is redacted it fits in 1 KiB.
    const note = `token=${'t'.repeat(100)} ${'a'.repeat(975)}${VISA}`;
    expect(redactBody({ note })).toStrictEqual({
      note: `token=[REDACTED] ${'a'.repeat(975)}************1111`,
    });
  });
});

describe('isSensitiveKey', () => {
  it.each([
    'Authorization',
    'Proxy-Authorization',
    'cookie',
    'Set-Cookie',
    'password',
    'new_password',
    'passwd',
    'pin',
    'cvv',
    'CVV2',
    'cvc',
    'cvc2',
    'cid',
    'security_code',
    'privateKey',
    'key',
    'cert',
    'certificate',
    'pan',
    'card_number',
    'number',
    'access_token',
    'client_secret',
    'x-api-key',
  ])('treats %j as sensitive', (key) => {
    expect(isSensitiveKey(key)).toBe(true);
  });

  it.each([
    'account_number',
    'idempotency_key',
    'pinned',
    'number_of_cards',
    'certified',
    'token_type',
    'password_policy',
    'message',
  ])('keeps %j, which holds neither a credential nor card data', (key) => {
    expect(isSensitiveKey(key)).toBe(false);
  });
});
