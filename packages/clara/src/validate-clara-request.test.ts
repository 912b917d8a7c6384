import { describe, expect, it } from 'vitest';
import { clara } from './clara';
import { validateClaraRequest } from './validate-clara-request';

describe('validateClaraRequest', () => {
  it('passes a request that follows every documented rule', () => {
    const request = {
      startDate: '2024-03-01',
      endDate: '2024-03-31',
      taxId: '12345678901',
      country: 'BR',
      transactionTypeName: 'PIX',
    } as const;
    expect(validateClaraRequest(request)._unsafeUnwrap()).toBe(request);
    expect(validateClaraRequest({ startDate: '2024-03-01', endDate: '2024-03-01' }).isOk()).toBe(
      true,
    );
  });

  it('rejects dates that are not YYYY-MM-DD, naming the field', () => {
    for (const startDate of ['2024/03/01', '01-03-2024', '2024-3-1', '2024-02-30', '20240301']) {
      const error = validateClaraRequest({ startDate })._unsafeUnwrapErr();
      expect(error).toMatchObject({ kind: 'validation', code: 'invalid_date_format' });
      expect(error.fieldErrors).toEqual({
        startDate: ['Invalid date format: startDate must be YYYY-MM-DD'],
      });
      expect(error.status).toBeUndefined();
    }
  });

  it('rejects a start date after the end date, as the API does, without naming a field', () => {
    const error = validateClaraRequest({
      startDate: '2024-04-01',
      endDate: '2024-03-01',
    })._unsafeUnwrapErr();
    expect(error).toMatchObject({
      provider: 'clara',
      kind: 'validation',
      code: 'invalid_date_range',
      message: 'Date range is invalid — start must be ≤ end',
    });
    expect(error.fieldErrors).toEqual({});
  });

  it('checks the range only when both dates are given', () => {
    expect(validateClaraRequest({ startDate: '2024-04-01' })._unsafeUnwrap()).toEqual({
      startDate: '2024-04-01',
    });
    expect(validateClaraRequest({ endDate: '2024-03-01' })._unsafeUnwrap()).toEqual({
      endDate: '2024-03-01',
    });
  });

  it('reports a malformed date of a range as the format error of that field', () => {
    const error = validateClaraRequest({
      startDate: '2024/04/01',
      endDate: '2024-03-01',
    })._unsafeUnwrapErr();
    expect(error).toMatchObject({
      code: 'invalid_date_format',
      message: 'Invalid date format: startDate must be YYYY-MM-DD',
    });
    expect(error.fieldErrors).toEqual({
      startDate: ['Invalid date format: startDate must be YYYY-MM-DD'],
    });
  });

  it("checks tax IDs against each country's format", () => {
    const valid = [
      ['MX', 'ABC123456XY'],
      ['MX', 'GODE561231GR8'],
      ['BR', '12345678901'],
      ['CO', '1234567'],
      ['CO', '1234567890'],
    ] as const;
    const invalid = [
      ['MX', 'ABC12345678X9Z'],
      ['MX', 'ABC'],
      ['BR', '1234567890'],
      ['BR', '1234567890A'],
      ['CO', '123456'],
      ['CO', '12345678901'],
    ] as const;
    for (const [country, taxId] of valid) {
      expect(validateClaraRequest({ country, taxId }).isOk(), `${country} ${taxId}`).toBe(true);
    }
    for (const [country, taxId] of invalid) {
      const error = validateClaraRequest({ country, taxId })._unsafeUnwrapErr();
      expect(error.code, `${country} ${taxId}`).toBe('invalid_tax_id');
      expect(Object.keys(error.fieldErrors)).toEqual(['taxId']);
    }
  });

  it("states the country's documented format in the tax-ID error", () => {
    const cases = [
      ['MX', 'ABC', 'Tax ID format invalid for MX: must be 11 or 13 characters'],
      ['BR', '123', 'Tax ID format invalid for BR: must be 11 digits'],
      ['CO', '123', 'Tax ID format invalid for CO: must be 7–10 digits'],
    ] as const;
    for (const [country, taxId, message] of cases) {
      const error = validateClaraRequest({ country, taxId })._unsafeUnwrapErr();
      expect(error).toMatchObject({ provider: 'clara', code: 'invalid_tax_id', message });
      expect(error.fieldErrors).toEqual({ taxId: [message] });
    }
  });

  it('checks a tax ID only together with its country', () => {
    expect(validateClaraRequest({ taxId: 'ABC' })._unsafeUnwrap()).toEqual({ taxId: 'ABC' });
    expect(validateClaraRequest({ country: 'BR' })._unsafeUnwrap()).toEqual({ country: 'BR' });
  });

  it('accepts only PIX, TED, BILL and TRANSACTION as transactionTypeName', () => {
    for (const name of ['PIX', 'TED', 'BILL', 'TRANSACTION']) {
      expect(validateClaraRequest({ transactionTypeName: name }).isOk()).toBe(true);
    }
    const error = validateClaraRequest({ transactionTypeName: 'pix' })._unsafeUnwrapErr();
    expect(error.code).toBe('invalid_enum_value');
    expect(Object.keys(error.fieldErrors)).toEqual(['transactionTypeName']);
  });

  it('reports every invalid field, with the first violation as code and message', () => {
    const error = validateClaraRequest({
      startDate: 'bad',
      endDate: 'worse',
      transactionTypeName: 'CASH',
    })._unsafeUnwrapErr();
    expect(error.code).toBe('invalid_date_format');
    expect(Object.keys(error.fieldErrors)).toEqual(['startDate', 'endDate', 'transactionTypeName']);
  });

  it('gives the same code and field keys as the API answering with the same message', () => {
    const requests = [
      { startDate: '2024/01/01' },
      { startDate: '2024-02-01', endDate: '2024-01-01' },
      { country: 'MX', taxId: 'X' },
      { transactionTypeName: 'WIRE' },
    ] as const;
    for (const request of requests) {
      const preflight = validateClaraRequest(request)._unsafeUnwrapErr();
      const fromApi = clara.normalize({
        status: 400,
        body: { code: 'VALIDATION_ERROR', message: preflight.message },
      });
      expect(fromApi.code).toBe(preflight.code);
      expect(Object.keys(fromApi.fieldErrors)).toEqual(Object.keys(preflight.fieldErrors));
    }
  });
});
