import type { IssuerError } from '@issuer-errors/core';
import { applyFieldErrors, type FormErrorsOptions } from '@issuer-errors/core/messages';
import { createFormControl, type FieldValues } from 'react-hook-form';

/**
 * A react-hook-form form without React rendering (`createFormControl`), as a submit handler
 * holds it: `setError` is the form's own, typed to its fields.
 */
export function createForm<Values extends FieldValues>(defaultValues: Values) {
  return createFormControl<Values>({ defaultValues: defaultValues as never });
}

/** What a submit handler does with an issuer's error: show it on the form, in the user's language. */
export function showOnForm<Values extends FieldValues>(
  form: ReturnType<typeof createForm<Values>>,
  error: IssuerError,
  options: FormErrorsOptions,
) {
  return applyFieldErrors(error, form.setError, options);
}
