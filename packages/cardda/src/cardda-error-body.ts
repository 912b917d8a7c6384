import { lenientObject, type StandardSchemaV1 } from '@issuer-errors/core';

/** A Cardda error body as read by {@link carddaErrorBody}: each field absent when of another type. */
export interface CarddaErrorBody {
  readonly error?: string | undefined;
  readonly message?: string | undefined;
  /** Seconds to wait, on a 429. */
  readonly retry_after?: number | string | undefined;
  /** Validation errors: `{ field: [messages] }`. */
  readonly errors?: unknown;
}

/**
 * Cardda's error bodies: `{ error, message? }` for transport-level errors (with
 * `retry_after` seconds on a 429) and `{ errors: { field: [...] } }` for
 * validation errors. Every field is lenient: one of the wrong type reads as
 * absent instead of hiding the others.
 */
export const carddaErrorBody: StandardSchemaV1<unknown, CarddaErrorBody> = lenientObject({
  error: 'string',
  message: 'string',
  retry_after: ['number', 'string'],
  errors: 'unknown',
});
