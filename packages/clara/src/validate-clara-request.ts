import {
  addFieldError,
  type ErrorCode,
  err,
  type FieldErrors,
  IssuerError,
  type IssuerResult,
  ok,
} from '@issuer-errors/core';
import {
  type ClaraCountry,
  isClaraDate,
  isClaraTaxId,
  isClaraTransactionTypeName,
} from './clara-request-formats';

/** The request fields Clara's documentation states rules for; send only those your call has. */
export interface ClaraRequestFields {
  readonly startDate?: string;
  readonly endDate?: string;
  /** With `country`, checked against that country's tax-ID format. */
  readonly taxId?: string;
  readonly country?: ClaraCountry;
  readonly transactionTypeName?: string;
}

interface Violation {
  readonly code: ErrorCode;
  readonly field?: string;
  readonly message: string;
}

/**
 * Checks a request against Clara's documented rules before it is sent, and
 * fails with the same `IssuerError` the API would answer with: kind
 * `validation`, the same fine codes (`invalid_date_format`,
 * `invalid_date_range`, `invalid_tax_id`, `invalid_enum_value`) and the same
 * `fieldErrors` keys. The code and message are the first violation's; the field
 * errors hold every field's. No `status`: nothing was sent.
 *
 * @example
 * const checked = validateClaraRequest({ startDate: '2024/03/01', endDate: '2024-03-31' });
 * if (checked.isErr()) showErrors(checked.error.fieldErrors); // { startDate: ['Invalid date format: …'] }
 */
export function validateClaraRequest<T extends ClaraRequestFields>(request: T): IssuerResult<T> {
  const violations = findViolations(request);
  const [first] = violations;
  if (first === undefined) return ok(request);
  const fieldErrors: FieldErrors = {};
  for (const violation of violations) {
    if (violation.field !== undefined)
      addFieldError(fieldErrors, violation.field, [violation.message]);
  }
  return err(
    new IssuerError({ provider: 'clara', code: first.code, message: first.message, fieldErrors }),
  );
}

function findViolations(request: ClaraRequestFields): Violation[] {
  const violations: Violation[] = [];
  for (const field of ['startDate', 'endDate'] as const) {
    const value = request[field];
    if (value !== undefined && !isClaraDate(value)) {
      const message = `Invalid date format: ${field} must be YYYY-MM-DD`;
      violations.push({ code: 'invalid_date_format', field, message });
    }
  }
  const { startDate, endDate } = request;
  // After a malformed date, this adds no field and is never the first violation.
  if (startDate !== undefined && endDate !== undefined) {
    if (!isClaraDate(startDate) || !isClaraDate(endDate) || startDate > endDate) {
      violations.push({
        code: 'invalid_date_range',
        message: 'Date range is invalid — start must be ≤ end',
      });
    }
  }
  if (request.taxId !== undefined && request.country !== undefined) {
    if (!isClaraTaxId(request.taxId, request.country)) {
      const message = `Tax ID format invalid for ${request.country}: ${TAX_ID_RULES[request.country]}`;
      violations.push({ code: 'invalid_tax_id', field: 'taxId', message });
    }
  }
  if (
    request.transactionTypeName !== undefined &&
    !isClaraTransactionTypeName(request.transactionTypeName)
  ) {
    const message = 'Invalid transactionTypeName: must be one of PIX, TED, BILL, TRANSACTION';
    violations.push({ code: 'invalid_enum_value', field: 'transactionTypeName', message });
  }
  return violations;
}

const TAX_ID_RULES: Readonly<Record<ClaraCountry, string>> = {
  MX: 'must be 11 or 13 characters',
  BR: 'must be 11 digits',
  CO: 'must be 7–10 digits',
};
