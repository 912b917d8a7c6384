/**
 * Response headers as callers hold them: a fetch `Headers` object, or a plain
 * record in any casing (Node's `IncomingHttpHeaders`, a log line, a fixture).
 */
export type HeadersInput =
  | Headers
  | Readonly<Record<string, string | readonly string[] | number | undefined>>;

const MAX_HEADERS = 200;

/**
 * Reads one header in any casing from either form of {@link HeadersInput}.
 * Arrays yield their first value. Never throws, whatever `headers` is.
 *
 * @example
 * getHeader({ 'X-REQUEST-ID': 'abc' }, 'x-request-id'); // 'abc'
 */
export function getHeader(headers: unknown, name: string): string | undefined {
  const wanted = name.toLowerCase();
  try {
    if (typeof headers !== 'object' || headers === null || isHeadersLike(headers)) {
      return headerEntries(headers).find(([headerName]) => headerName === wanted)?.[1];
    }
    // A plain record is searched in place: reading an error looks up several headers.
    const names = Object.keys(headers);
    for (let index = 0; index < names.length && index < MAX_HEADERS; index += 1) {
      const headerName = names[index] as string;
      // Comparing lengths first spares lower-casing every other name.
      if (headerName.length !== wanted.length || headerName.toLowerCase() !== wanted) continue;
      const value = firstValue((headers as Record<string, unknown>)[headerName]);
      if (value !== undefined) return value;
    }
  } catch {
    // A hostile object (throwing getter, revoked proxy) has nothing more to read.
  }
  return undefined;
}

/**
 * Lists the headers as `[lower-case name, value]` pairs (at most 200), from
 * either form of {@link HeadersInput}. Never throws.
 */
export function headerEntries(headers: unknown): Array<[string, string]> {
  const entries: Array<[string, string]> = [];
  try {
    if (typeof headers !== 'object' || headers === null) return entries;
    if (isHeadersLike(headers)) {
      headers.forEach((value, name) => {
        if (entries.length < MAX_HEADERS) entries.push([String(name).toLowerCase(), String(value)]);
      });
      return entries;
    }
    for (const name of Object.keys(headers).slice(0, MAX_HEADERS)) {
      const value = firstValue((headers as Record<string, unknown>)[name]);
      if (value !== undefined) entries.push([name.toLowerCase(), value]);
    }
  } catch {
    // A hostile object (throwing getter, revoked proxy) yields what was read so far.
  }
  return entries;
}

function isHeadersLike(
  value: object,
): value is { forEach(callback: (value: string, name: string) => void): void } {
  return (
    typeof (value as { forEach?: unknown }).forEach === 'function' &&
    typeof (value as { get?: unknown }).get === 'function'
  );
}

function firstValue(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (Array.isArray(value)) return firstValue(value[0]);
  return undefined;
}
