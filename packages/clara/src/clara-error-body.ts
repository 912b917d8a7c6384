import { lenientObject, type StandardSchemaV1 } from '@issuer-errors/core';

/** A Clara error body as read by {@link claraErrorBody}: each field absent when of another type. */
export interface ClaraErrorBody {
  readonly code?: string | undefined;
  readonly error?: string | undefined;
  readonly message?: string | undefined;
  readonly error_description?: string | undefined;
  readonly timestamp?: string | undefined;
  /** A list of field errors, on some validation errors. */
  readonly details?: unknown;
}

/**
 * Clara's error bodies: `{ code, message, timestamp }`, `{ message }` alone (401,
 * 429), an OAuth-style `{ error, error_description }` on older API versions, and
 * sometimes a `details` list. Every field is lenient: one of the wrong type reads
 * as absent instead of hiding the others.
 */
export const claraErrorBody: StandardSchemaV1<unknown, ClaraErrorBody> = lenientObject({
  code: 'string',
  error: 'string',
  message: 'string',
  error_description: 'string',
  timestamp: 'string',
  details: 'unknown',
});
