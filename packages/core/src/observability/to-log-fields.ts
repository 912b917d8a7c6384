import { MAX_MESSAGE_BYTES, toSafeLine } from '../safety/safe-text';
import {
  type IssuerErrorAttributes,
  type ObservedError,
  toOtelAttributes,
} from './to-otel-attributes';

/** {@link toOtelAttributes}' names, plus the error's message, for a log line. */
export interface IssuerErrorLogFields extends IssuerErrorAttributes {
  /** The error's message: one line, secrets and card numbers masked. */
  readonly 'error.message'?: string;
}

/**
 * A flat, safe object for pino, winston or any JSON logger: the same names as the trace
 * attributes, so a log line and its span are searched alike, plus `error.message`. No raw body,
 * header or field message.
 *
 * @example
 * logger.error(toLogFields(result.error), 'card creation failed'); // pino
 */
export function toLogFields(
  error: ObservedError & { readonly message?: unknown },
): IssuerErrorLogFields {
  const attributes = toOtelAttributes(error);
  const message = messageOf(error);
  return message === '' ? attributes : { ...attributes, 'error.message': message };
}

function messageOf(error: { readonly message?: unknown } | null | undefined): string {
  try {
    const message = error?.message;
    return typeof message === 'string' ? toSafeLine(message, MAX_MESSAGE_BYTES) : '';
  } catch {
    return '';
  }
}
