import { describe, expect, it } from 'vitest';
import { IssuerError } from '../error/issuer-error';
import { recordOnSpan, type SpanLike } from './record-on-span';
import { toOtelAttributes } from './to-otel-attributes';

function recordingSpan() {
  const calls: [string, unknown][] = [];
  const span: SpanLike = {
    setAttributes: (attributes) => calls.push(['setAttributes', attributes]),
    setStatus: (status) => calls.push(['setStatus', status]),
    recordException: (exception) => calls.push(['recordException', exception]),
  };
  return { span, calls };
}

const timeout = new IssuerError({
  provider: 'cardda',
  code: 'timeout',
  message: 'No answer within 10000 ms',
  attempts: 3,
});

describe('recordOnSpan', () => {
  it('sets the attributes, an ERROR status and an exception event', () => {
    const { span, calls } = recordingSpan();
    recordOnSpan(span, timeout);
    expect(calls).toEqual([
      ['setAttributes', toOtelAttributes(timeout)],
      ['setStatus', { code: 2, message: 'timeout' }],
      [
        'recordException',
        { name: 'IssuerError', message: 'No answer within 10000 ms', code: 'timeout' },
      ],
    ]);
  });

  it('describes the status by the fine code, while error.type is the kind', () => {
    const { span, calls } = recordingSpan();
    recordOnSpan(
      span,
      new IssuerError({ provider: 'cardda', code: 'invalid_field', message: 'rut' }),
    );
    expect(calls[0]?.[1]).toMatchObject({
      'error.type': 'validation',
      'issuer.code': 'invalid_field',
    });
    expect(calls[1]).toEqual(['setStatus', { code: 2, message: 'invalid_field' }]);
  });

  it('works with a span that cannot record exceptions', () => {
    const calls: string[] = [];
    recordOnSpan(
      { setAttributes: () => calls.push('attributes'), setStatus: () => calls.push('status') },
      timeout,
    );
    expect(calls).toEqual(['attributes', 'status']);
  });

  it('never throws: no span, or a span that throws', () => {
    expect(() => recordOnSpan(undefined, timeout)).not.toThrow();
    const calls: string[] = [];
    const throwing: SpanLike = {
      setAttributes: () => {
        throw new Error('ended span');
      },
      setStatus: () => calls.push('status'),
    };
    expect(() => recordOnSpan(throwing, timeout)).not.toThrow();
    expect(calls).toEqual(['status']);
  });
});
