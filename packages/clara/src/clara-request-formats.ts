const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The countries Clara operates in, each with its own tax-ID format. */
export const CLARA_COUNTRIES = ['MX', 'BR', 'CO'] as const;

/** A Clara country code. */
export type ClaraCountry = (typeof CLARA_COUNTRIES)[number];

/** The values Clara accepts for a Brazilian digital account's `transactionTypeName`. */
export const CLARA_TRANSACTION_TYPE_NAMES = ['PIX', 'TED', 'BILL', 'TRANSACTION'] as const;

/** Clara's tax-ID formats: MX 11 or 13 characters, BR 11 digits, CO 7–10 digits. */
export const CLARA_TAX_ID_FORMATS: Readonly<Record<ClaraCountry, RegExp>> = {
  MX: /^(?:.{11}|.{13})$/su,
  BR: /^\d{11}$/,
  CO: /^\d{7,10}$/,
};

/** Whether `value` is a date as Clara requires it: `YYYY-MM-DD`, a real calendar day. */
export function isClaraDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(0);
  // Unlike Date.UTC, setUTCFullYear keeps years 0–99 as they are.
  date.setUTCFullYear(year, month - 1, day);
  // A month or day out of range (00, 13, February 30) rolls the date into another month.
  return date.getUTCMonth() === month - 1;
}

/** Whether `value` is a tax ID in the format of `country`. */
export function isClaraTaxId(value: unknown, country: ClaraCountry): value is string {
  return typeof value === 'string' && CLARA_TAX_ID_FORMATS[country].test(value);
}

/** Whether `value` is one of Clara's `transactionTypeName` values. */
export function isClaraTransactionTypeName(
  value: unknown,
): value is (typeof CLARA_TRANSACTION_TYPE_NAMES)[number] {
  return (CLARA_TRANSACTION_TYPE_NAMES as readonly unknown[]).includes(value);
}
