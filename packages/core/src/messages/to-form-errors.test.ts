import { describe, expect, it } from 'vitest';
import { IssuerError } from '../error/issuer-error';
import { applyFieldErrors } from './apply-field-errors';
import { catalogEn } from './catalog-en';
import { catalogEs } from './catalog-es';
import { toFormErrors } from './to-form-errors';
import { createUserMessage } from './user-message';

const recipient = new IssuerError({
  provider: 'cardda',
  code: 'invalid_field',
  message: '3 invalid fields: rut, account_number, bank_id',
  fieldErrors: {
    rut: ["can't be blank", 'is invalid'],
    account_number: ["can't be blank"],
    bank_id: ['must reference an existing bank'],
  },
});
const limit = new IssuerError({
  provider: 'clara',
  code: 'credit_limit_exceeded',
  providerCode: 'B013',
  message: 'B013: Threshold exceeds company limit',
});

describe('toFormErrors', () => {
  it('keeps the provider’s field names by default, as zod’s flatten() would shape them', () => {
    expect(toFormErrors(recipient)).toEqual({
      formErrors: [],
      fieldErrors: {
        rut: ["can't be blank", 'is invalid'],
        account_number: ["can't be blank"],
        bank_id: ['must reference an existing bank'],
      },
    });
  });

  it('camel-cases the names the field map does not rename', () => {
    expect(
      toFormErrors(recipient, { case: 'camel', fieldMap: { bank_id: 'bank' } }).fieldErrors,
    ).toEqual({
      rut: ["can't be blank", 'is invalid'],
      accountNumber: ["can't be blank"],
      bank: ['must reference an existing bank'],
    });
  });

  it('snake-cases camelCase names, paths included', () => {
    const error = {
      kind: 'validation',
      code: 'invalid_field',
      fieldErrors: { startDate: ['a'], 'address.zipCode': ['b'] },
    };
    expect(toFormErrors(error, { case: 'snake' }).fieldErrors).toEqual({
      start_date: ['a'],
      'address.zip_code': ['b'],
    });
  });

  it('sends a field mapped to null to the form’s messages', () => {
    expect(toFormErrors(recipient, { fieldMap: { bank_id: null } })).toEqual({
      formErrors: ['must reference an existing bank'],
      fieldErrors: { rut: ["can't be blank", 'is invalid'], account_number: ["can't be blank"] },
    });
  });

  it('merges two provider fields that map to one form field', () => {
    const error = {
      kind: 'validation',
      code: 'invalid_field',
      fieldErrors: { start_date: ['a'], startDate: ['b'] },
    };
    expect(toFormErrors(error, { case: 'camel' }).fieldErrors).toEqual({ startDate: ['a', 'b'] });
  });

  it('gives an error without fields one message for end users, never the provider’s text', () => {
    expect(toFormErrors(limit)).toEqual({
      formErrors: ['This amount is over the company’s available limit.'],
      fieldErrors: {},
    });
    expect(toFormErrors(limit, { locale: 'es-MX' }).formErrors).toEqual([
      catalogEs.codes.credit_limit_exceeded,
    ]);
    const own = createUserMessage({
      overrides: { en: { codes: { credit_limit_exceeded: 'Over the limit.' } } },
    });
    expect(toFormErrors(limit, { userMessage: own }).formErrors).toEqual(['Over the limit.']);
  });

  it('survives bad input with one generic message', () => {
    expect(toFormErrors(null as never)).toEqual({
      formErrors: ['Something went wrong. Please try again later.'],
      fieldErrors: {},
    });
    const odd = {
      kind: 'validation',
      code: 'invalid_field',
      fieldErrors: { rut: 'x', email: [1, 'taken'] },
    };
    expect(toFormErrors(odd as never).fieldErrors).toEqual({ email: ['taken'] });
  });
});

describe('applyFieldErrors', () => {
  it('sets each field’s messages, typed by the error’s code', () => {
    const calls: unknown[] = [];
    const result = applyFieldErrors(recipient, (name, error) => calls.push([name, error]), {
      case: 'camel',
    });
    expect(calls).toEqual([
      ['rut', { type: 'invalid_field', message: "can't be blank; is invalid" }],
      ['accountNumber', { type: 'invalid_field', message: "can't be blank" }],
      ['bankId', { type: 'invalid_field', message: 'must reference an existing bank' }],
    ]);
    expect(result.formErrors).toEqual([]);
  });

  it('puts a form-level message on the root', () => {
    const calls: unknown[] = [];
    applyFieldErrors(limit, (name, error) => calls.push([name, error]), { locale: 'pt-BR' });
    expect(calls).toEqual([
      [
        'root.issuer',
        {
          type: 'credit_limit_exceeded',
          message: 'Este valor ultrapassa o limite disponível da empresa.',
        },
      ],
    ]);
    const named: string[] = [];
    applyFieldErrors(limit, (name) => named.push(name), { rootName: 'root.serverError' });
    expect(named).toEqual(['root.serverError']);
  });
});

describe('toFormErrors and applyFieldErrors given what cannot be read', () => {
  it('show the unknown message on the form, and no field', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    const calls: unknown[][] = [];
    const expected = { formErrors: [catalogEn.kinds.unknown], fieldErrors: {} };
    expect(toFormErrors(proxy as never)).toEqual(expected);
    expect(applyFieldErrors(proxy as never, (...call) => calls.push(call))).toEqual(expected);
    expect(calls).toEqual([['root.issuer', { type: 'unknown', message: catalogEn.kinds.unknown }]]);
  });
});
