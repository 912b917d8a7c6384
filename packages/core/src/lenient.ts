import * as z from 'zod/mini';

/**
 * Makes a body field lenient: absent, or of the wrong type, it reads as
 * `undefined` instead of failing the whole body. Adapters build their error-body
 * schemas from lenient fields, so one odd field never hides the others.
 *
 * @example
 * const body = z.object({ code: lenient(z.string()), retry_after: lenient(z.number()) });
 * z.parse(body, { code: 42, retry_after: 1 }); // { code: undefined, retry_after: 1 }
 */
export function lenient<T extends z.ZodMiniType>(schema: T) {
  return z.catch(z.optional(schema), undefined);
}
