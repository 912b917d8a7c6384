import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { CLARA_COUNTRIES, CLARA_TRANSACTION_TYPE_NAMES } from '../clara-request-formats';
import {
  claraDateRangeSchema,
  claraDateSchema,
  claraTaxIdSchema,
  claraTransactionTypeNameSchema,
} from './index';

const accepts = (schema: z.core.$ZodType, value: unknown) => z.safeParse(schema, value).success;
const issueMessages = (schema: z.core.$ZodType, value: unknown) =>
  z.safeParse(schema, value).error?.issues.map((issue) => issue.message);

describe('claraDateSchema: "Dates must be YYYY-MM-DD"', () => {
  it('accepts real calendar days, including 29 February of a leap year', () => {
    for (const date of ['2024-03-15', '2024-01-31', '2024-12-31', '2024-02-29', '2000-02-29']) {
      expect(accepts(claraDateSchema, date), date).toBe(true);
    }
  });

  it('rejects a month or day that does not exist', () => {
    for (const date of [
      '2024-00-10',
      '2024-13-10',
      '2024-99-10',
      '2024-03-00',
      '2024-01-32',
      '2024-04-31',
      '2023-02-29',
      '1900-02-29',
      '2024-02-30',
    ]) {
      expect(accepts(claraDateSchema, date), date).toBe(false);
    }
  });

  it('accepts a four-digit year below 100, as ISO 8601 does', () => {
    expect(accepts(claraDateSchema, '0024-03-01')).toBe(true);
    expect(accepts(claraDateSchema, '0099-12-31')).toBe(true);
    expect(accepts(claraDateSchema, '0023-02-29')).toBe(false);
  });

  it('rejects slashes, other separators and anything around the date', () => {
    for (const date of [
      '2024/03/01',
      '2024.03.01',
      '20240301',
      '2024-3-1',
      'x2024-03-01',
      ' 2024-03-01',
      '2024-03-01x',
      '2024-03-01T00:00:00Z',
      '2024-03-011',
      '12024-03-01',
    ]) {
      expect(accepts(claraDateSchema, date), date).toBe(false);
    }
  });

  it('says the date must be YYYY-MM-DD', () => {
    expect(issueMessages(claraDateSchema, '2024/03/01')).toEqual(['must be YYYY-MM-DD']);
  });
});

describe('claraDateRangeSchema: "start must be ≤ end"', () => {
  it('accepts a start before or on the end', () => {
    expect(accepts(claraDateRangeSchema, { startDate: '2024-03-01', endDate: '2024-03-31' })).toBe(
      true,
    );
    expect(accepts(claraDateRangeSchema, { startDate: '2024-03-01', endDate: '2024-03-01' })).toBe(
      true,
    );
  });

  it('rejects a start after the end, with the documented wording', () => {
    expect(
      issueMessages(claraDateRangeSchema, { startDate: '2024-03-02', endDate: '2024-03-01' }),
    ).toEqual(['start must be ≤ end']);
  });
});

describe('claraTaxIdSchema: MX = 11 or 13 chars, BR = 11 digits, CO = 7–10 digits', () => {
  it('covers the three countries Clara documents', () => {
    expect(CLARA_COUNTRIES).toEqual(['MX', 'BR', 'CO']);
  });

  it('accepts any 11 or 13 characters for MX, and no other length', () => {
    for (const taxId of [
      'ABC123456XY',
      'GODE561231GR8',
      'ÑAÑ&010101Z',
      'abc-123-456',
      'ñ'.repeat(13),
    ]) {
      expect(accepts(claraTaxIdSchema('MX'), taxId), taxId).toBe(true);
    }
    for (const taxId of ['', 'A'.repeat(10), 'A'.repeat(12), 'A'.repeat(14), 'Ñ'.repeat(12)]) {
      expect(accepts(claraTaxIdSchema('MX'), taxId), taxId).toBe(false);
    }
  });

  it('accepts exactly 11 digits for BR', () => {
    expect(accepts(claraTaxIdSchema('BR'), '12345678901')).toBe(true);
    for (const taxId of [
      '1234567890',
      '123456789012',
      'A12345678901',
      '12345678901A',
      '123.456.789-01',
    ]) {
      expect(accepts(claraTaxIdSchema('BR'), taxId), taxId).toBe(false);
    }
  });

  it('accepts 7 to 10 digits for CO', () => {
    for (const taxId of ['1234567', '12345678', '1234567890']) {
      expect(accepts(claraTaxIdSchema('CO'), taxId), taxId).toBe(true);
    }
    for (const taxId of ['123456', '12345678901', 'A1234567', '1234567A']) {
      expect(accepts(claraTaxIdSchema('CO'), taxId), taxId).toBe(false);
    }
  });
});

describe('claraTransactionTypeNameSchema: "Must be one of: PIX, TED, BILL, TRANSACTION"', () => {
  it('accepts exactly the four documented names', () => {
    expect(CLARA_TRANSACTION_TYPE_NAMES).toEqual(['PIX', 'TED', 'BILL', 'TRANSACTION']);
    for (const name of ['PIX', 'TED', 'BILL', 'TRANSACTION']) {
      expect(accepts(claraTransactionTypeNameSchema, name), name).toBe(true);
    }
    for (const name of ['pix', 'WIRE', 'PIX ', '']) {
      expect(accepts(claraTransactionTypeNameSchema, name), name).toBe(false);
    }
  });
});
