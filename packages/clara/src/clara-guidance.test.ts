import { describe, expect, it } from 'vitest';
import { clara } from './clara';
import { claraGuidance } from './clara-guidance';

/** Clara's business error codes: the body's `code`, with a message that does not repeat it. */
const businessCodes = [
  ['B013', 'credit_limit_exceeded', "the company's available credit line"],
  ['B022', 'user_not_active', 'email verification or 2FA setup'],
  ['B033', 'core_service_failure', 'internal processing failure'],
] as const;

describe('clara: business error codes', () => {
  it.each(businessCodes)('reads %s from the code field alone', (code, expected, cause) => {
    const error = clara.normalize({ status: 422, body: { code, message: 'Request failed' } });
    expect(error.code).toBe(expected);
    const rule = clara.ruleFor(error);
    expect(rule && claraGuidance[rule.id ?? '']?.description).toContain(cause);
  });

  it('does not take a prefix of a code for the code', () => {
    const error = clara.normalize({
      status: 422,
      body: { code: 'B01', message: 'Request failed' },
    });
    expect(error.code).toBe('business_rule_violation');
  });
});

describe('clara: OAuth token errors', () => {
  // RFC 6749 §5.2: the token endpoint's errors for rejected client credentials.
  it.each(['invalid_client', 'unauthorized_client', 'invalid_grant'])('%s', (error) => {
    expect(clara.normalize({ status: 400, body: { error } }).code).toBe('invalid_credentials');
    expect(clara.normalize({ status: 401, body: { error } }).code).toBe('invalid_credentials');
  });
});

describe('clara: validation messages', () => {
  const codeOf = (message: string) => clara.normalize({ status: 400, body: { message } }).code;

  it.each([
    'Date range is invalid — start must be ≤ end',
    'Start date must be ≤ end date',
    'Start must be <= end',
    'startDate must be before endDate',
    'start date must be on or before end date',
    'startDate must be less than or equal to endDate',
    'startDate is after endDate',
    'startDate greater than endDate',
    'startDate > endDate',
  ])('reads "%s" as an invalid date range', (message) => {
    expect(codeOf(message)).toBe('invalid_date_range');
  });

  it.each([
    'Tax ID must match country format',
    'taxId is invalid',
    'Invalid RFC',
    'CPF must have 11 digits',
    'CNPJ is invalid',
    'NIT must have 7 to 10 digits',
  ])('reads "%s" as an invalid tax id on the taxId field', (message) => {
    const error = clara.normalize({ status: 400, body: { message } });
    expect(error.code).toBe('invalid_tax_id');
    expect(error.fieldErrors).toEqual({ taxId: [message] });
  });

  it('does not read a word containing a tax id acronym as one', () => {
    expect(codeOf('Unsupported NITRO option')).toBe('invalid_request');
  });

  it.each([
    'A user with that email already exists in the company',
    'Email address is already registered',
    'E-mail already in use',
    'email already taken',
    'email: duplicate',
    'Duplicate email',
    'Already exists: e-mail',
  ])('reads "%s" as a duplicate email on the email field', (message) => {
    const error = clara.normalize({ status: 400, body: { message } });
    expect(error.code).toBe('duplicate_email');
    expect(error.fieldErrors).toEqual({ email: [message] });
  });
});
