import { type FormErrorsOptions, toFormErrors } from './to-form-errors';
import type { UserMessageInput } from './user-message';

/**
 * The shape of react-hook-form's `setError`, and of most form libraries': generic in the
 * field names, so a `setError` typed to your form's fields fits as it is.
 */
export type SetFieldError<Name extends string> = (
  name: Name,
  error: { type: string; message: string },
) => void;

/** Options of {@link applyFieldErrors}. */
export interface ApplyFieldErrorsOptions extends FormErrorsOptions {
  /** Where form-level messages go; default `'root.issuer'` (react-hook-form keeps `root.*` errors until the next submit). */
  readonly rootName?: string;
}

/**
 * Shows an error on a form: each field's messages (joined with `; `) on that field, and
 * form-level messages on `rootName`, each with the error's fine code as `type`. Returns what it
 * set, as {@link toFormErrors} computed it.
 *
 * @example
 * const { setError } = useForm<RecipientForm>();
 * applyFieldErrors(result.error, setError, { case: 'camel', locale: 'es-CL' });
 */
export function applyFieldErrors<Name extends string>(
  error: UserMessageInput,
  setError: SetFieldError<Name>,
  options: ApplyFieldErrorsOptions = {},
) {
  const formErrors = toFormErrors(error, options);
  const type = codeOf(error);
  for (const [name, messages] of Object.entries(formErrors.fieldErrors)) {
    setError(name as Name, { type, message: messages.join('; ') });
  }
  if (formErrors.formErrors.length > 0) {
    setError((options.rootName ?? 'root.issuer') as Name, {
      type,
      message: formErrors.formErrors.join(' '),
    });
  }
  return formErrors;
}

function codeOf(error: UserMessageInput): string {
  try {
    return typeof error?.code === 'string' ? error.code : 'unknown';
  } catch {
    return 'unknown';
  }
}
