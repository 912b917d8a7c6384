import type { FieldErrors } from '../error/field-errors';
import { MAX_ERROR_BODY_BYTES } from '../http/read-body';
import type { AdapterConfig } from './adapter-types';

/** The facts read from a provider's error body. */
export interface ErrorBodyFacts {
  /** The body as parsed JSON, or its (bounded) text. */
  readonly body: unknown;
  readonly providerCode?: string | undefined;
  readonly message?: string | undefined;
  readonly timestamp?: string | undefined;
  readonly retryAfterSeconds?: number | undefined;
  readonly fieldErrors: FieldErrors;
}

const decoder = new TextDecoder();

/** Parses the body (bounded to 64 KiB) and reads its facts through the adapter's schema. */
export function readErrorBody<Body extends object>(
  config: AdapterConfig<Body>,
  rawBody: unknown,
): ErrorBodyFacts {
  const body = parseBody(rawBody);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { body, fieldErrors: {} };
  }
  const data = validateSync(config, body);
  if (data === undefined) return { body, fieldErrors: {} };
  const fields = config.bodyFields;
  return {
    body,
    providerCode: firstText(data, fields.providerCode),
    message: firstText(data, fields.message),
    timestamp: firstText(data, fields.timestamp),
    retryAfterSeconds: firstSeconds(data, fields.retryAfterSeconds),
    fieldErrors: readFieldErrors(config, data),
  };
}

/** The body as the adapter's schema reads it; `undefined` when it fails, throws or is async. */
function validateSync<Body extends object>(
  config: AdapterConfig<Body>,
  body: object,
): Record<string, unknown> | undefined {
  try {
    const result = config.bodySchema['~standard'].validate(body);
    if (result instanceof Promise) {
      result.catch(() => {});
      return undefined;
    }
    return result.issues === undefined ? (result.value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function parseBody(rawBody: unknown): unknown {
  if (rawBody instanceof Uint8Array || rawBody instanceof ArrayBuffer) {
    const bytes = rawBody instanceof ArrayBuffer ? new Uint8Array(rawBody) : rawBody;
    return parseBody(decoder.decode(bytes.subarray(0, MAX_ERROR_BODY_BYTES)));
  }
  if (typeof rawBody !== 'string') return rawBody;
  const text = rawBody.slice(0, MAX_ERROR_BODY_BYTES);
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  // Only what looks like an object or an array is parsed: a bare number or a body cut short stays text.
  const ends = `${trimmed[0]}${trimmed[trimmed.length - 1]}`;
  if (ends === '{}' || ends === '[]') {
    try {
      return JSON.parse(trimmed) as unknown;
    } catch {
      // Not JSON after all: kept as text.
    }
  }
  return text;
}

function keysOf(keys: string | readonly string[] | undefined): readonly string[] {
  if (keys === undefined) return [];
  return typeof keys === 'string' ? [keys] : keys;
}

function firstText(data: Record<string, unknown>, keys: string | readonly string[] | undefined) {
  for (const key of keysOf(keys)) {
    const value = data[key];
    if (typeof value === 'string' && value.trim() !== '') return value;
  }
  return undefined;
}

function firstSeconds(data: Record<string, unknown>, keys: string | readonly string[] | undefined) {
  for (const key of keysOf(keys)) {
    const value = data[key];
    const seconds = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    if (typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0) return seconds;
  }
  return undefined;
}

function readFieldErrors<Body extends object>(
  config: AdapterConfig<Body>,
  data: Record<string, unknown>,
): FieldErrors {
  const source = config.fieldErrors;
  if (source === undefined) return {};
  return source.read(data[source.key]);
}
