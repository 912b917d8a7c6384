/**
 * Clara's documented request rules as zod/mini schemas, for forms and request
 * builders that already use zod. A subpath of its own, so importing the adapter
 * does not load zod; `validateClaraRequest` checks the same rules without it.
 *
 * @packageDocumentation
 */
import * as z from 'zod/mini';
import {
  CLARA_TAX_ID_FORMATS,
  CLARA_TRANSACTION_TYPE_NAMES,
  type ClaraCountry,
  isClaraDate,
} from '../clara-request-formats';

/** A date as Clara requires it: `YYYY-MM-DD`, a real calendar day, no other separators. */
export const claraDateSchema = z
  .string()
  .check(z.refine((value) => isClaraDate(value), { message: 'must be YYYY-MM-DD' }));

/** A date range: both dates `YYYY-MM-DD`, and `startDate` on or before `endDate`. */
export const claraDateRangeSchema = z
  .object({ startDate: claraDateSchema, endDate: claraDateSchema })
  .check(z.refine((range) => range.startDate <= range.endDate, { message: 'start must be ≤ end' }));

/** A tax ID in the format of `country`. */
export function claraTaxIdSchema(country: ClaraCountry) {
  return z.string().check(z.regex(CLARA_TAX_ID_FORMATS[country]));
}

/** A Brazilian digital account's `transactionTypeName`: PIX, TED, BILL or TRANSACTION. */
export const claraTransactionTypeNameSchema = z.enum(CLARA_TRANSACTION_TYPE_NAMES);
