import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { IssuerError } from '../error/issuer-error';
import { toLogFields } from './to-log-fields';
import { toOtelAttributes } from './to-otel-attributes';

describe('toLogFields', () => {
  const limit = new IssuerError({
    provider: 'clara',
    code: 'credit_limit_exceeded',
    providerCode: 'B013',
    message: 'B013: Threshold exceeds company limit',
    status: 400,
    raw: { status: 400, headers: { authorization: 'Bearer secret-token' }, body: { code: 'B013' } },
  });

  it('is the trace attributes plus the message, flat', () => {
    const fields = toLogFields(limit);
    expect(fields).toEqual({
      ...toOtelAttributes(limit),
      'error.message': 'B013: Threshold exceeds company limit',
    });
    for (const value of Object.values(fields)) {
      expect(['string', 'number', 'boolean'].includes(typeof value) || Array.isArray(value)).toBe(
        true,
      );
    }
  });

  it('holds no secret, even from JSON that was never cleaned', () => {
    const leaky = {
      ...limit.toJSON(),
      message: 'failed with Authorization: Bearer abc.def.ghi for card 4111111111111111',
    };
    const text = `${JSON.stringify(toLogFields(leaky))} ${inspect(toLogFields(leaky))}`;
    for (const secret of ['abc.def.ghi', '4111111111111111', 'secret-token']) {
      expect(text).not.toContain(secret);
    }
  });

  it('leaves the message out when there is none', () => {
    expect(toLogFields({ code: 'timeout', kind: 'timeout' })).toEqual({
      'error.type': 'timeout',
      'issuer.code': 'timeout',
      'issuer.kind': 'timeout',
    });
  });
});
