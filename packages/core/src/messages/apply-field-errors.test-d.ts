import { describe, it } from 'vitest';
import { IssuerError } from '../error/issuer-error';
import { applyFieldErrors } from './apply-field-errors';

// react-hook-form's own `UseFormSetError<{ rut: string; accountNumber: string }>`, as it declares it.
type ErrorOption = { message?: string; type?: string; types?: Record<string, string> };
type UseFormSetError = (
  name: 'rut' | 'accountNumber' | 'root' | `root.${string}`,
  error: ErrorOption,
  options?: { shouldFocus: boolean },
) => void;

describe('applyFieldErrors', () => {
  it('takes a setError typed to a form’s own field names', () => {
    const setError: UseFormSetError = () => {};
    const error = new IssuerError({ provider: 'cardda', code: 'invalid_field', message: 'x' });
    applyFieldErrors(error, setError);
  });

  it('does not take a function that is not a setError', () => {
    const error = new IssuerError({ provider: 'cardda', code: 'invalid_field', message: 'x' });
    // @ts-expect-error: the second argument must take a name and an error
    applyFieldErrors(error, (name: number) => name);
  });
});
