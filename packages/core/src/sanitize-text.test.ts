import { describe, expect, it } from 'vitest';
import { maskCardNumbers } from './mask-card-numbers';
import { redactSecretsInText } from './redact-secrets';
import { MAX_MESSAGE_BYTES, toSafeLine, truncateToBytes } from './sanitize-text';

const VISA = '4111111111111111';
const AMEX = '378282246310005';

describe('maskCardNumbers', () => {
  it('masks a Luhn-valid card number down to its last four digits', () => {
    expect(maskCardNumbers(`card ${VISA} declined`)).toBe('card ************1111 declined');
  });

  it('masks card numbers written with spaces or dashes, keeping the separators', () => {
    expect(maskCardNumbers('4111 1111 1111 1111')).toBe('**** **** **** 1111');
    expect(maskCardNumbers('3782-822463-10005')).toBe('****-******-*0005');
  });

  it('masks a card number followed by more digits', () => {
    expect(maskCardNumbers(`${VISA} 123`)).toBe('************1111 123');
  });

  it('leaves numbers that are not card numbers alone', () => {
    expect(maskCardNumbers('4111 1111 1111 1112')).toBe('4111 1111 1111 1112');
    expect(maskCardNumbers('+56 9 1234 5678')).toBe('+56 9 1234 5678');
    expect(maskCardNumbers('order 123456789012')).toBe('order 123456789012');
    expect(maskCardNumbers('2024-03-15T10:30:00Z')).toBe('2024-03-15T10:30:00Z');
  });

  it('masks every card in a text', () => {
    const masked = maskCardNumbers(`${VISA} and ${AMEX}`);
    expect(masked).not.toContain(VISA);
    expect(masked).not.toContain(AMEX);
    expect(masked).toContain('1111');
    expect(masked).toContain('0005');
  });
});

describe('redactSecretsInText', () => {
  it('removes bearer tokens, key-value secrets and PEM key material', () => {
    const text = redactSecretsInText(
      'Authorization: Bearer eyJhbGciOi.abc.def access_token=s3cr3t&x=1 {"client_secret": "shh"} -----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----',
    );
    expect(text).not.toMatch(/eyJhbGciOi|s3cr3t|shh|MIIE/);
    expect(text).toContain('x=1');
  });
});

describe('toSafeLine', () => {
  it('turns line breaks and control characters into single spaces', () => {
    expect(toSafeLine('one\r\ntwo\u0000three\u2028four\tfive')).toBe('one two three four five');
  });

  it('removes ANSI escape sequences', () => {
    expect(toSafeLine('\u001B[31mred\u001B[0m text')).toBe('red text');
  });

  it('cuts to 1 KiB of UTF-8 without splitting a character', () => {
    const line = toSafeLine('é'.repeat(2000));
    expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(MAX_MESSAGE_BYTES);
    expect(line.endsWith('…')).toBe(true);
    expect(line).not.toContain('\uFFFD');
  });

  it('masks a card number that straddles the cut', () => {
    const line = toSafeLine(`${'a'.repeat(4 * 1024 + 60)}${VISA}`, 1024);
    expect(line).not.toContain('411111');
  });

  it('keeps short text as it is', () => {
    expect(toSafeLine('Threshold exceeds company limit')).toBe('Threshold exceeds company limit');
  });
});

describe('truncateToBytes', () => {
  it('does not split a surrogate pair', () => {
    const text = truncateToBytes('😀'.repeat(10), 10);
    expect(text).toBe('😀…');
  });
});

describe('maskCardNumbers on long digit runs', () => {
  it('finds a card inside a run longer than a card number', () => {
    expect(maskCardNumbers(`99${VISA}`)).not.toContain(VISA);
  });
});
