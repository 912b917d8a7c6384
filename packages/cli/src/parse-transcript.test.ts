import { describe, expect, it } from 'vitest';
import { parseHttpTranscript } from './parse-transcript';

describe('parseHttpTranscript', () => {
  it('reads a curl -i transcript with CRLF line ends', () => {
    const transcript =
      'HTTP/2 429 \r\ncontent-type: application/json\r\nretry-after: 1\r\n\r\n{"error":"rate_limit_exceeded"}\r\n';
    expect(parseHttpTranscript(transcript)).toEqual({
      status: 429,
      headers: { 'content-type': 'application/json', 'retry-after': '1' },
      body: '{"error":"rate_limit_exceeded"}',
    });
  });

  it('skips an interim 100 Continue and a proxy’s Connection established', () => {
    const transcript = [
      'HTTP/1.1 200 Connection established',
      '',
      'HTTP/1.1 100 Continue',
      '',
      'HTTP/1.1 422 Unprocessable Entity',
      'Content-Type: application/json',
      '',
      '{"errors":{"rut":["is invalid"]}}',
    ].join('\n');
    expect(parseHttpTranscript(transcript)).toMatchObject({
      status: 422,
      body: '{"errors":{"rut":["is invalid"]}}',
    });
  });

  it('takes curl -v’s response lines and never its request lines', () => {
    const transcript = [
      '*   Trying 127.0.0.1:443...',
      '> POST /v1/banking/bank_recipients HTTP/1.1',
      '> Authorization: Bearer sk_live_abc123',
      '>',
      '< HTTP/1.1 401 Unauthorized',
      '< Content-Type: application/json',
      '<',
      '{"error":"unauthorized"}',
    ].join('\n');
    const response = parseHttpTranscript(transcript);
    expect(response).toEqual({
      status: 401,
      headers: { 'Content-Type': 'application/json' },
      body: '{"error":"unauthorized"}',
    });
  });

  it('keeps a body of several lines, and an empty one', () => {
    expect(
      parseHttpTranscript('HTTP/1.1 502 Bad Gateway\n\n<html>\n<h1>502</h1>\n</html>')?.body,
    ).toBe('<html>\n<h1>502</h1>\n</html>');
    expect(parseHttpTranscript('HTTP/1.1 503 Service Unavailable\nRetry-After: 30')).toEqual({
      status: 503,
      headers: { 'Retry-After': '30' },
      body: '',
    });
  });

  it('finds nothing in text without a status line', () => {
    expect(parseHttpTranscript('{"error":"unauthorized"}')).toBeUndefined();
    expect(parseHttpTranscript('')).toBeUndefined();
    expect(parseHttpTranscript('HTTP/1.1 99 Odd')).toBeUndefined();
  });
});
