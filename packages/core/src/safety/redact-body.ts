import { maskCardNumbers } from './mask-card-numbers';
import { redactSecretsInText } from './redact-secrets';
import { cutOutsideDigitRun, truncateToBytes, utf8Length } from './safe-text';

/** The most a body copy kept on an error holds, in UTF-8 bytes of its JSON. */
export const MAX_RAW_BODY_BYTES = 8192;

const MAX_DEPTH = 6;
const MAX_ENTRIES = 50;
const MAX_STRING_BYTES = 1024;
const SENSITIVE_KEY =
  /^(authorization|proxyauthorization|cookie|setcookie|password|passwd|pin|cvv2?|cvc2?|cid|securitycode|privatekey|key|cert|certificate|pan|cardnumber|number)$|(token|secret|apikey|password)$/;

/**
 * A bounded, redacted copy of a provider's error body, safe to keep on an error
 * and to log: credentials and card-security fields are dropped, card numbers
 * masked, depth, breadth and size bounded (at most 8 KiB of JSON, else a cut
 * string), cycles broken, prototype keys skipped. Never throws.
 */
export function redactBody(body: unknown): unknown {
  try {
    const copy = copyValue(body, 0, new WeakSet());
    // A string is already cut to size; an object or array is cut as JSON.
    if (typeof copy !== 'object') return copy;
    const json = JSON.stringify(copy);
    return utf8Length(json) <= MAX_RAW_BODY_BYTES
      ? copy
      : truncateToBytes(json, MAX_RAW_BODY_BYTES);
  } catch {
    // A hostile body (a throwing getter, a revoked proxy) is not kept.
  }
  return undefined;
}

/** Whether a body field of this name may hold a credential or card data. */
export function isSensitiveKey(key: string): boolean {
  return SENSITIVE_KEY.test(key.toLowerCase().replace(/[^a-z0-9]/g, ''));
}

function copyValue(value: unknown, depth: number, ancestors: WeakSet<object>): unknown {
  switch (typeof value) {
    case 'string':
      return redactText(value, depth === 0 ? MAX_RAW_BODY_BYTES : MAX_STRING_BYTES);
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'boolean':
      return value;
    case 'bigint':
      return redactText(value.toString(), MAX_STRING_BYTES);
    case 'object':
      return value === null ? null : copyObject(value, depth, ancestors);
  }
  // A function, symbol or undefined has no JSON form.
  return undefined;
}

function copyObject(value: object, depth: number, ancestors: WeakSet<object>): unknown {
  if (ancestors.has(value)) return '[Circular]';
  if (depth >= MAX_DEPTH) return '[Truncated]';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  ancestors.add(value);
  try {
    if (Array.isArray(value)) {
      return value
        .slice(0, MAX_ENTRIES)
        .map((item) => copyValue(item, depth + 1, ancestors) ?? null);
    }
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(value).slice(0, MAX_ENTRIES)) {
      if (key === '__proto__' || isSensitiveKey(key)) continue;
      const item = copyValue((value as Record<string, unknown>)[key], depth + 1, ancestors);
      if (item !== undefined) copy[redactText(key, 128)] = item;
    }
    return copy;
  } finally {
    ancestors.delete(value);
  }
}

function redactText(text: string, maxBytes: number): string {
  const bounded = cutOutsideDigitRun(text, maxBytes + 64);
  return truncateToBytes(maskCardNumbers(redactSecretsInText(bounded)), maxBytes);
}
