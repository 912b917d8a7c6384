import type { IssuerAdapter } from '../adapter/adapter-types';
import type { StandardSchemaV1 } from '../adapter/standard-schema';
import type { ErrorCode } from '../error/error-codes';
import { IssuerError } from '../error/issuer-error';
import { err, ok, type Result } from '../error/result';
import { type ReadBoundedTextOptions, readBoundedText } from '../http/read-body';
import { getRequestId } from '../http/request-id';

/**
 * Reads a success body: `undefined` when empty (204), else JSON validated by
 * `schema`. Unparseable JSON and schema mismatches are `invalid_response` errors.
 * Rejects only when the read itself fails (abort, reset, `timeoutMs` run out: a
 * `TimeoutError`), for the caller to classify. The read stops when `signal` aborts even
 * if the fetch lost the signal.
 */
export async function readSuccess<T>(
  adapter: IssuerAdapter,
  response: Response,
  schema: StandardSchemaV1<unknown, T> | undefined,
  limits: Pick<ReadBoundedTextOptions, 'signal' | 'timeoutMs'> = {},
): Promise<Result<T, IssuerError>> {
  const read = await readBoundedText(response, { ...limits, maxBytes: Infinity });
  if ('failure' in read) throw read.failure;
  if (read.timedOut) throw new DOMException('The body outlasted the attempt', 'TimeoutError');
  if (read.interrupted) throw limits.signal?.reason;
  const text = read.text;
  let value: unknown;
  if (text.trim() !== '') {
    try {
      value = JSON.parse(text);
    } catch (cause) {
      const message = `${adapter.displayName}: the response body is not valid JSON`;
      return err(invalidResponse(adapter, response, 'unreadable_response', message, text, cause));
    }
  }
  if (schema === undefined) return ok(value as T);
  const validated = await schema['~standard'].validate(value);
  if (validated.issues === undefined) return ok(validated.value);
  const message = `${adapter.displayName}: the response body does not match the expected schema`;
  return err(
    invalidResponse(adapter, response, 'unexpected_response', message, value, validated.issues),
  );
}

function invalidResponse(
  adapter: IssuerAdapter,
  response: Response,
  code: ErrorCode,
  message: string,
  body: unknown,
  cause: unknown,
): IssuerError {
  return new IssuerError({
    provider: adapter.name,
    code,
    message,
    status: response.status,
    requestId: getRequestId(response.headers),
    raw: { status: response.status, headers: response.headers, body },
    cause,
  });
}
