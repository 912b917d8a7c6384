import { maskCardNumbers } from './mask-card-numbers';
import { mayHoldSecret, redactSecretsInText } from './redact-secrets';

/** The most UTF-8 bytes an error message keeps. */
export const MAX_MESSAGE_BYTES = 1024;
/** The most UTF-8 bytes of an error's `provider`, `providerCode`, `requestId` and `timestamp`. */
export const MAX_SHORT_FIELD_BYTES = 128;

const ANSI_SEQUENCE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching escape sequences is the point.
  /\u001B(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001B]*(?:\u0007|\u001B\\)?|[@-Z\\-_])/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL_RUN = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\s]+/g;
const TRAILING_DIGIT_RUN = /^[\d -]{1,32}/;
/**
 * What a step other than redacting secrets could change: most provider messages have none of
 * it. Every character it lets through is printable and at most 2 UTF-8 bytes (ASCII, Latin…).
 */
const MAY_NEED_CHANGE = /[^\x21-\x7E \u00A1-\u07FF]|^ | $| {2}|\d(?:[ -]?\d){12}/;

/**
 * Makes a provider's text safe for logs: one line, no control characters or ANSI
 * escapes, secrets and card numbers masked, at most `maxBytes` UTF-8 bytes.
 *
 * @example
 * toSafeLine('line one\r\nline two\u001B[31m'); // 'line one line two'
 */
export function toSafeLine(text: string, maxBytes: number = MAX_MESSAGE_BYTES): string {
  return toSafeText(text, maxBytes, true);
}

/**
 * Makes an identifier the provider gave (a request id, an error code, a timestamp) safe to print
 * while keeping it as it came: one line, no control characters, secrets removed, at most
 * `maxBytes` UTF-8 bytes, and never card-masked, since an id of any shape (UUID, ULID, hex,
 * numeric) must reach the provider's support whole.
 *
 * @example
 * toSafeIdentifier('111b3862-7a73-4d32-8468-14439855bd80'); // the same id
 */
export function toSafeIdentifier(text: string, maxBytes: number = MAX_SHORT_FIELD_BYTES): string {
  return toSafeText(text, maxBytes, false);
}

function toSafeText(text: string, maxBytes: number, maskCards: boolean): string {
  const unchanged =
    text.length * 2 <= maxBytes && !MAY_NEED_CHANGE.test(text) && !mayHoldSecret(text);
  if (unchanged) return text;
  const bounded = cutOutsideDigitRun(text, maxBytes * 4 + 64);
  const oneLine = redactSecretsInText(
    bounded.replace(ANSI_SEQUENCE, '').replace(CONTROL_RUN, ' ').trim(),
  );
  return truncateToBytes(maskCards ? maskCardNumbers(oneLine) : oneLine, maxBytes);
}

/**
 * A short field (`providerCode`, `requestId`, `timestamp`) made safe: {@link toSafeIdentifier};
 * `undefined` when not text or blank.
 */
export function toShortField(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  return toSafeIdentifier(value) || undefined;
}

/**
 * Cuts `text` after `length` characters, or after the run of digits, spaces and dashes
 * found there (up to 32 more characters), so masking sees whole card numbers. Text of
 * at most `length` characters is kept whole.
 */
export function cutOutsideDigitRun(text: string, length: number): string {
  const tail = TRAILING_DIGIT_RUN.exec(text.slice(length, length + 32));
  return text.slice(0, length + (tail ? tail[0].length : 0));
}

/** Cuts `text` to at most `maxBytes` UTF-8 bytes on a code point boundary, marking the cut with `…`. */
export function truncateToBytes(text: string, maxBytes: number): string {
  // A UTF-16 code unit is at most 3 UTF-8 bytes: short text needs no counting.
  if (text.length * 3 <= maxBytes || utf8Length(text) <= maxBytes) return text;
  const budget = maxBytes - 3;
  let bytes = 0;
  let end = 0;
  for (const character of text) {
    const size = utf8Length(character);
    if (bytes + size > budget) break;
    bytes += size;
    end += character.length;
  }
  return `${text.slice(0, end)}…`;
}

/** The UTF-8 length of `text`, without encoding it; a lone surrogate counts as U+FFFD (3 bytes). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index += 1) {
    const unit = text.charCodeAt(index);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && isLowSurrogate(text.charCodeAt(index + 1))) {
      bytes += 4;
      index += 1;
    } else bytes += 3;
  }
  return bytes;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}
