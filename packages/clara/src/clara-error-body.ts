import { type LenientBody, lenientObject } from '@issuer-errors/core';

const claraErrorShape = {
  code: 'string',
  error: 'string',
  message: 'string',
  error_description: 'string',
  timestamp: 'string',
  details: 'unknown',
} as const;

/**
 * Clara's error bodies: `{ code, message, timestamp }`, `{ message }` alone (401,
 * 429), an OAuth-style `{ error, error_description }` on older API versions, and
 * sometimes a `details` list. Every field is lenient: one of the wrong type reads
 * as absent instead of hiding the others.
 */
export const claraErrorBody = lenientObject(claraErrorShape);

/** A Clara error body as read by {@link claraErrorBody}. */
export type ClaraErrorBody = LenientBody<typeof claraErrorShape>;
