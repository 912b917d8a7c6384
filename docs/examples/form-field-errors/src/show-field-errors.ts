import type { IssuerError } from '@issuer-errors/core';

/** The shape of react-hook-form's `setError` (and of most form libraries'). */
export type SetError = (name: string, error: { type: string; message: string }) => void;

/** Issuer field names your form calls differently; the rest are camel-cased. */
export type FieldMap = Readonly<Record<string, string>>;

/**
 * Shows an issuer's field errors on the form fields they belong to, and anything else at the
 * form's root. Returns the fields it marked.
 */
export function showFieldErrors(error: IssuerError, setError: SetError, fieldMap: FieldMap = {}) {
  const marked: string[] = [];
  for (const [field, messages] of Object.entries(error.fieldErrors)) {
    const name = fieldMap[field] ?? toCamelCase(field);
    setError(name, { type: error.code, message: messages.join('; ') });
    marked.push(name);
  }
  if (marked.length === 0) setError('root.issuer', { type: error.code, message: error.message });
  return marked;
}

/** `account_number` → `accountNumber`; `address.zip` stays a path. */
function toCamelCase(field: string): string {
  return field.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}
