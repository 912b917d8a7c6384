import { describe, expect, it } from 'vitest';
import { ERROR_CODES, type ErrorCode } from '../error/error-codes';
import { ERROR_KINDS } from '../error/error-kinds';
import { IssuerError } from '../error/issuer-error';
import { catalogEn } from './catalog-en';
import { catalogEs } from './catalog-es';
import { catalogPtBr } from './catalog-pt-br';
import type { MessageCatalog } from './message-catalog';
import { createUserMessage, userMessage } from './user-message';

const carddaFieldError = new IssuerError({
  provider: 'cardda',
  code: 'invalid_field',
  message: '3 invalid fields: rut, account_number, bank_id',
  status: 422,
  requestId: 'req-7f3a',
  fieldErrors: {
    rut: ["can't be blank", 'is invalid'],
    account_number: ["can't be blank"],
    bank_id: ['must reference an existing bank'],
  },
});

const claraLimit = new IssuerError({
  provider: 'clara',
  code: 'credit_limit_exceeded',
  providerCode: 'B013',
  message: 'B013: Threshold exceeds company limit',
  status: 400,
});

describe('userMessage', () => {
  it('names the invalid fields in plain words, in each language', () => {
    expect(userMessage(carddaFieldError, 'en')).toBe(
      'Some details are not valid. Please check: RUT, account number, and bank.',
    );
    expect(userMessage(carddaFieldError, 'es-CL')).toBe(
      'Algunos datos no son válidos. Revise estos datos: RUT, número de cuenta y banco.',
    );
    expect(userMessage(carddaFieldError, 'pt-BR')).toBe(
      'Alguns dados não são válidos. Confira estes dados: RUT, número da conta e banco.',
    );
  });

  it('gives the fine code’s message, never the provider’s code, text or request id', () => {
    const message = userMessage(claraLimit, 'es-MX');
    expect(message).toBe('Este monto supera el límite disponible de la empresa.');
    for (const internal of ['B013', 'Threshold', 'req-7f3a', "can't be blank", 'rut,']) {
      expect(userMessage(claraLimit, 'en')).not.toContain(internal);
      expect(userMessage(carddaFieldError, 'en')).not.toContain(internal);
    }
  });

  it('finds a field’s label whatever its case or path', () => {
    const error = {
      kind: 'validation',
      code: 'invalid_field',
      fieldErrors: { startDate: ['x'], 'recipient.accountNumber': ['x'], 'items[0].amount': ['x'] },
    };
    expect(userMessage(error, 'es')).toBe(
      'Algunos datos no son válidos. Revise estos datos: fecha de inicio, número de cuenta y monto.',
    );
  });

  it('spells out a field it has no label for, and leaves out a name that is not plain', () => {
    const error = {
      kind: 'validation',
      code: 'invalid_field',
      fieldErrors: { cost_center: ['x'], '<img src=x onerror=alert(1)>': ['x'], '': ['x'] },
    };
    expect(userMessage(error, 'en')).toBe('Some details are not valid. Please check: cost center.');
  });

  it('names at most five fields', () => {
    const fieldErrors = Object.fromEntries(
      ['rut', 'amount', 'email', 'city', 'country', 'phone', 'currency'].map((field) => [
        field,
        ['x'],
      ]),
    );
    expect(userMessage({ kind: 'validation', code: 'invalid_field', fieldErrors }, 'en')).toBe(
      'Some details are not valid. Please check: RUT, amount, email, city, and country.',
    );
  });

  it('says a change may have gone through when the outcome is unknown', () => {
    const timeout = new IssuerError({ provider: 'cardda', code: 'timeout', message: 'x' });
    expect(timeout.outcome).toBe('unknown');
    expect(userMessage(timeout, 'pt-BR')).toBe(
      'O serviço de cartões demorou demais para responder. Se você estava fazendo uma alteração, confira se ela foi concluída antes de tentar novamente.',
    );
    const refused = new IssuerError({
      provider: 'cardda',
      code: 'connection_failed',
      message: 'x',
      outcome: 'rejected',
    });
    expect(userMessage(refused, 'en')).toBe(
      'We could not reach the card service. Please check your connection.',
    );
  });

  it.each([
    ['es-MX', catalogEs],
    ['es-CL', catalogEs],
    ['es-CO', catalogEs],
    ['es-AR', catalogEs],
    ['ES-mx', catalogEs],
    ['pt', catalogPtBr],
    ['pt-PT', catalogPtBr],
    ['fr-FR', catalogEn],
    ['not a locale!', catalogEn],
    [undefined, catalogEn],
  ])('answers %s from its catalog', (locale, catalog) => {
    expect(userMessage(claraLimit, locale)).toBe(catalog.codes.credit_limit_exceeded);
  });

  it('falls back to the kind for a code it does not know, and to unknown for anything else', () => {
    expect(userMessage({ kind: 'rate_limited', code: 'quota_exhausted_v2' }, 'es')).toBe(
      catalogEs.kinds.rate_limited,
    );
    expect(userMessage({ kind: 'toString', code: 'constructor' }, 'en')).toBe(
      catalogEn.kinds.unknown,
    );
    expect(userMessage(null as never, 'en')).toBe(catalogEn.kinds.unknown);
    expect(
      userMessage({ kind: 'validation', code: 'invalid_field', fieldErrors: null } as never),
    ).toBe(catalogEn.codes.invalid_field);
  });

  it('reads an error’s JSON as passed on to a front end', () => {
    const json = JSON.parse(JSON.stringify(carddaFieldError));
    expect(userMessage(json, 'es')).toBe(userMessage(carddaFieldError, 'es'));
  });
});

describe('the built-in catalogs', () => {
  const catalogs: readonly MessageCatalog[] = [catalogEn, catalogEs, catalogPtBr];

  it('have a message for every kind and every code', () => {
    for (const catalog of catalogs) {
      expect(Object.keys(catalog.kinds).sort()).toEqual([...ERROR_KINDS].sort());
      expect(Object.keys(catalog.codes).sort()).toEqual(Object.keys(ERROR_CODES).sort());
      for (const text of [...Object.values(catalog.kinds), ...Object.values(catalog.codes)]) {
        expect(text).toMatch(/^\p{Lu}.*\.$/u);
      }
    }
  });

  it('are translated: no Spanish or Portuguese message is the English one', () => {
    for (const code of Object.keys(ERROR_CODES) as ErrorCode[]) {
      expect(catalogEs.codes[code]).not.toBe(catalogEn.codes[code]);
      expect(catalogPtBr.codes[code]).not.toBe(catalogEn.codes[code]);
      expect(catalogPtBr.codes[code]).not.toBe(catalogEs.codes[code]);
    }
    expect(Object.keys(catalogEs.fieldLabels)).toEqual(Object.keys(catalogEn.fieldLabels));
    expect(Object.keys(catalogPtBr.fieldLabels)).toEqual(Object.keys(catalogEn.fieldLabels));
  });
});

describe('createUserMessage', () => {
  it('lets an app reword codes and add field labels, keeping the rest', () => {
    const message = createUserMessage({
      overrides: {
        es: {
          codes: { credit_limit_exceeded: 'Tu empresa no tiene cupo para este monto.' },
          fieldLabels: { bank_id: 'banco de destino' },
        },
      },
    });
    expect(message(claraLimit, 'es-MX')).toBe('Tu empresa no tiene cupo para este monto.');
    expect(message(carddaFieldError, 'es-CL')).toBe(
      'Algunos datos no son válidos. Revise estos datos: RUT, número de cuenta y banco de destino.',
    );
    expect(message(claraLimit, 'en')).toBe(catalogEn.codes.credit_limit_exceeded);
    expect(userMessage(claraLimit, 'es')).toBe(catalogEs.codes.credit_limit_exceeded);
  });

  it('adds a language or a country of its own, and a default', () => {
    const chile: MessageCatalog = {
      ...catalogEs,
      locale: 'es-CL',
      codes: {
        ...catalogEs.codes,
        credit_limit_exceeded: 'El monto excede el cupo de la empresa.',
      },
    };
    const message = createUserMessage({ locales: { 'es-cl': chile }, defaultLocale: 'es' });
    expect(message(claraLimit, 'es-CL')).toBe('El monto excede el cupo de la empresa.');
    expect(message(claraLimit, 'es-MX')).toBe(catalogEs.codes.credit_limit_exceeded);
    expect(message(claraLimit, 'de')).toBe(catalogEs.codes.credit_limit_exceeded);
  });

  it('joins fields plainly when a catalog’s locale is not a valid tag', () => {
    const odd: MessageCatalog = { ...catalogEn, locale: 'not a tag!' };
    const message = createUserMessage({ locales: { 'en-x-odd': odd } });
    expect(message(carddaFieldError, 'en-x-odd')).toBe(
      'Some details are not valid. Please check: RUT, account number, bank.',
    );
  });
});

describe('userMessage given what cannot be read', () => {
  it('gives the unknown message for a revoked proxy, in the locale asked for', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(userMessage(proxy as never, 'es')).toBe(catalogEs.kinds.unknown);
  });
});
