import { lenient } from '@issuer-errors/core';
import * as z from 'zod/mini';

/**
 * Cardda's error bodies: `{ error, message? }` for transport-level errors (with
 * `retry_after` seconds on a 429) and `{ errors: { field: [...] } }` for
 * validation errors. Every field is lenient: one of the wrong type reads as
 * absent instead of hiding the others.
 */
export const carddaErrorBody = z.object({
  error: lenient(z.string()),
  message: lenient(z.string()),
  retry_after: lenient(z.union([z.number(), z.string()])),
  errors: z.optional(z.unknown()),
});

/** A Cardda error body as read by {@link carddaErrorBody}. */
export type CarddaErrorBody = z.infer<typeof carddaErrorBody>;
