import { isPlainRecord } from '../error/is-plain-record';
import type { StandardSchemaResult, StandardSchemaV1 } from './standard-schema';

/** The type a lenient field is declared with: `'unknown'` takes any value that is present. */
export type LenientFieldType = 'string' | 'number' | 'unknown';

/** An error body's fields: each key with its type, or the types it may have. */
export type LenientShape = Readonly<Record<string, LenientFieldType | readonly LenientFieldType[]>>;

/** The value a field declared as `Type` (one type, or a list of them) reads as. */
export type LenientFieldValue<Type> = Type extends readonly (infer Each)[]
  ? LenientFieldValue<Each>
  : Type extends 'string'
    ? string
    : Type extends 'number'
      ? number
      : unknown;

/** What a {@link lenientObject} of `Shape` reads: every field optional. */
export type LenientBody<Shape extends LenientShape> = {
  readonly [Key in keyof Shape]?: LenientFieldValue<Shape[Key]> | undefined;
};

/**
 * A Standard Schema of an error body whose every field is lenient: absent, or of
 * another type than declared, it reads as `undefined` instead of failing the
 * whole body, so one odd field never hides the others. Only declared fields are
 * kept. Anything but a JSON object fails. No validation library needed; any
 * Standard Schema that validates synchronously (zod/mini, valibot) also works as
 * an adapter's `bodySchema`.
 *
 * @example
 * const body = lenientObject({ code: 'string', retry_after: ['number', 'string'], details: 'unknown' });
 * body['~standard'].validate({ code: 42, retry_after: '3' }); // { value: { retry_after: '3' } }
 */
export function lenientObject<const Shape extends LenientShape>(
  shape: Shape,
): StandardSchemaV1<unknown, LenientBody<Shape>> {
  const fields = Object.entries(shape).map(
    ([key, type]) => [key, typeof type === 'string' ? [type] : type] as const,
  );
  const validate = (value: unknown): StandardSchemaResult<LenientBody<Shape>> => {
    if (!isPlainRecord(value)) return { issues: [{ message: 'expected a JSON object' }] };
    const read: Record<string, unknown> = {};
    for (const [key, types] of fields) {
      if (!Object.hasOwn(value, key)) continue;
      const field = value[key];
      if (types.some((type) => type === 'unknown' || typeof field === type)) read[key] = field;
    }
    return { value: read as LenientBody<Shape> };
  };
  return { '~standard': { version: 1, vendor: 'issuer-errors', validate } };
}
