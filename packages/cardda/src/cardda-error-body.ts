import { type LenientBody, lenientObject } from '@issuer-errors/core';

const carddaErrorShape = {
  error: 'string',
  message: 'string',
  retry_after: ['number', 'string'],
  errors: 'unknown',
} as const;

/**
 * Cardda's error bodies: `{ error, message? }` for transport-level errors (with
 * `retry_after` seconds on a 429) and `{ errors: { field: [...] } }` for
 * validation errors. Every field is lenient: one of the wrong type reads as
 * absent instead of hiding the others.
 */
export const carddaErrorBody = lenientObject(carddaErrorShape);

/** A Cardda error body as read by {@link carddaErrorBody}. */
export type CarddaErrorBody = LenientBody<typeof carddaErrorShape>;
