import { lenient } from '@issuer-errors/core';
import * as z from 'zod/mini';

/**
 * Acme's error body: `{ code, message, errors?: [{ field, message }], retry_in? }`. Lenient: a
 * field of the wrong type reads as absent instead of failing the whole body.
 */
export const acmeErrorBody = z.object({
  code: lenient(z.string()),
  message: lenient(z.string()),
  errors: z.optional(z.unknown()),
  retry_in: lenient(z.number()),
});
