import { IssuerError, isIssuerError } from './issuer-error';
import { issuerErrorFromJSON } from './issuer-error-json';

/**
 * The `IssuerError` a helper was handed, its JSON read back (from a queue, a worker), or else an
 * `unknown` error: what lets every helper that takes an error be total. Never throws.
 */
export function toIssuerError(value: unknown): IssuerError {
  try {
    if (isIssuerError(value)) return value;
    const restored = issuerErrorFromJSON(value);
    if (restored.isOk()) return restored.value;
  } catch {
    // A hostile object (throwing getter, revoked proxy) has nothing more to read.
  }
  return new IssuerError({
    provider: 'unknown',
    code: 'unknown',
    message: 'Not an IssuerError: the error could not be read',
  });
}
