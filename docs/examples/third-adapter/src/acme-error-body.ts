import { lenientObject } from '@issuer-errors/core';

/**
 * Acme's error body: `{ code, message, errors?: [{ field, message }], retry_in? }`. Lenient: a
 * field of the wrong type reads as absent instead of failing the whole body. Any Standard Schema
 * that validates synchronously (a zod/mini or valibot object) works as well.
 */
export const acmeErrorBody = lenientObject({
  code: 'string',
  message: 'string',
  errors: 'unknown',
  retry_in: 'number',
});
