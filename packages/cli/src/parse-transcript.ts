/** A response as read from a transcript or from flags. */
export interface RawHttpResponse {
  /** The HTTP status. */
  readonly status: number;
  /** Header names as written. */
  readonly headers: Record<string, string>;
  /** The body text, as written. */
  readonly body: string;
}

const STATUS_LINE = /^HTTP\/\d(?:\.\d)?\s+(\d{3})(?:\s.*)?$/;
const HEADER_LINE = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \t]*(.*)$/;

/**
 * Reads a `curl -i` transcript: status line, headers, blank line, body. Interim answers
 * (`100 Continue`) and a proxy's `Connection established` are skipped; `curl -v`'s `< ` prefix
 * is allowed. Anything else is `undefined`, with nothing thrown.
 */
export function parseHttpTranscript(text: string): RawHttpResponse | undefined {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let index = 0;
  let response: RawHttpResponse | undefined;
  while (index < lines.length) {
    const statusLine = STATUS_LINE.exec(withoutPrefix(lines[index] ?? '').trim());
    if (statusLine === null) {
      if (response !== undefined) break;
      index += 1;
      continue;
    }
    const headers: Record<string, string> = {};
    index += 1;
    while (index < lines.length && withoutPrefix(lines[index] ?? '').trim() !== '') {
      const header = HEADER_LINE.exec(withoutPrefix(lines[index] ?? ''));
      if (header !== null) headers[header[1] as string] = (header[2] as string).trim();
      index += 1;
    }
    index += 1;
    response = { status: Number(statusLine[1]), headers, body: '' };
    if (!STATUS_LINE.test(withoutPrefix(lines[index] ?? '').trim())) {
      response = { ...response, body: lines.slice(index).join('\n').trim() };
      break;
    }
  }
  return response;
}

function withoutPrefix(line: string): string {
  if (line === '<' || line === '<\r') return '';
  return line.startsWith('< ') ? line.slice(2) : line;
}
