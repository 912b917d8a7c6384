import * as z from 'zod/mini';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The countries Clara operates in, each with its own tax-ID format. */
export const CLARA_COUNTRIES = ['MX', 'BR', 'CO'] as const;

/** A Clara country code. */
export type ClaraCountry = (typeof CLARA_COUNTRIES)[number];

/** The values Clara accepts for a Brazilian digital account's `transactionTypeName`. */
export const CLARA_TRANSACTION_TYPE_NAMES = ['PIX', 'TED', 'BILL', 'TRANSACTION'] as const;

/** A date as Clara requires it: `YYYY-MM-DD`, a real calendar day, no other separators. */
export const claraDateSchema = z
  .string()
  .check(z.refine((value) => isCalendarDate(value), { message: 'must be YYYY-MM-DD' }));

/** A date range: both dates `YYYY-MM-DD`, and `startDate` on or before `endDate`. */
export const claraDateRangeSchema = z
  .object({ startDate: claraDateSchema, endDate: claraDateSchema })
  .check(z.refine((range) => range.startDate <= range.endDate, { message: 'start must be ≤ end' }));

/** Clara's tax-ID formats: MX 11 or 13 characters, BR 11 digits, CO 7–10 digits. */
export const CLARA_TAX_ID_FORMATS: Readonly<Record<ClaraCountry, RegExp>> = {
  MX: /^(?:.{11}|.{13})$/su,
  BR: /^\d{11}$/,
  CO: /^\d{7,10}$/,
};

/** A tax ID in the format of `country`. */
export function claraTaxIdSchema(country: ClaraCountry) {
  return z.string().check(z.regex(CLARA_TAX_ID_FORMATS[country]));
}

/** A Brazilian digital account's `transactionTypeName`: PIX, TED, BILL or TRANSACTION. */
export const claraTransactionTypeNameSchema = z.enum(CLARA_TRANSACTION_TYPE_NAMES);

function isCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(0);
  // Unlike Date.UTC, setUTCFullYear keeps years 0–99 as they are.
  date.setUTCFullYear(year, month - 1, day);
  // A month or day out of range (00, 13, February 30) rolls the date into another month.
  return date.getUTCMonth() === month - 1;
}
