import { describe, expect, it } from 'vitest';
import { isClaraDate, isClaraTaxId, isClaraTransactionTypeName } from './clara-request-formats';

// The rules are Clara's documented ones: "Dates must be YYYY-MM-DD", tax IDs per country
// (MX 11 or 13 characters, BR 11 digits, CO 7–10 digits), transactionTypeName PIX/TED/BILL/TRANSACTION.
describe('Clara request rules, without zod', () => {
  it('accepts only real YYYY-MM-DD days', () => {
    expect(['2024-02-29', '0099-01-01'].every(isClaraDate)).toBe(true);
    for (const value of ['2023-02-29', '2024-13-01', '2024/03/01', '24-03-01', 20240301, null]) {
      expect(isClaraDate(value), String(value)).toBe(false);
    }
  });

  it("checks a tax ID against its country's format", () => {
    expect(isClaraTaxId('ABCD8001011', 'MX')).toBe(true);
    expect(isClaraTaxId('ABCD800101XY1', 'MX')).toBe(true);
    expect(isClaraTaxId('ABCD80010', 'MX')).toBe(false);
    expect(isClaraTaxId('12345678901', 'BR')).toBe(true);
    expect(isClaraTaxId('1234567890A', 'BR')).toBe(false);
    expect(isClaraTaxId('1234567', 'CO')).toBe(true);
    expect(isClaraTaxId('12345678901', 'CO')).toBe(false);
    expect(isClaraTaxId(12345678901, 'BR')).toBe(false);
  });

  it('accepts only the four transaction type names, as written', () => {
    expect(['PIX', 'TED', 'BILL', 'TRANSACTION'].every(isClaraTransactionTypeName)).toBe(true);
    for (const value of ['pix', 'DOC', '', undefined]) {
      expect(isClaraTransactionTypeName(value), String(value)).toBe(false);
    }
  });
});
