import { lenient } from '@issuer-errors/core';
import * as z from 'zod/mini';

/**
 * Clara's error bodies: `{ code, message, timestamp }`, `{ message }` alone (401,
 * 429), an OAuth-style `{ error, error_description }` on older API versions, and
 * sometimes a `details` list. Every field is lenient: one of the wrong type reads
 * as absent instead of hiding the others.
 */
export const claraErrorBody = z.object({
  code: lenient(z.string()),
  error: lenient(z.string()),
  message: lenient(z.string()),
  error_description: lenient(z.string()),
  timestamp: lenient(z.string()),
  details: z.optional(z.unknown()),
});

/** A Clara error body as read by {@link claraErrorBody}. */
export type ClaraErrorBody = z.infer<typeof claraErrorBody>;
