import { cardda } from '@issuer-errors/cardda';
import { clara } from '@issuer-errors/clara';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorSurfaces } from './error-surfaces';
import { runs } from './runs';
import { anyCarrier, type Planted } from './secret-carriers';
import { cardNumber, isLuhnValid } from './seeded-secrets';

const CVV_KEY = /"(cvv2?|cvc2?|security_?code)"\s*:/i;

/** The first secret, card number or CVV field found on any surface, or `undefined`. */
function findLeak(surfaces: Record<string, string>, planted: Planted): string | undefined {
  for (const [surface, text] of Object.entries(surfaces)) {
    for (const secret of planted.secrets)
      if (text.includes(secret)) return `${surface}: a credential`;
    const digitsOnly = text.replace(/[\s-]/g, '');
    for (const card of planted.cards) {
      if (digitsOnly.includes(card.digits.slice(0, -4)))
        return `${surface}: more than the last four digits`;
    }
    if (CVV_KEY.test(text)) return `${surface}: a CVV field`;
  }
  return undefined;
}

describe('no secret on any surface of an error', () => {
  it('checks Luhn as card networks do', () => {
    expect(isLuhnValid('4111111111111111')).toBe(true);
    expect(isLuhnValid('5555555555554444')).toBe(true);
    expect(isLuhnValid('378282246310005')).toBe(true);
    expect(isLuhnValid('4111111111111112')).toBe(false);
  });

  it('generates Luhn-valid card numbers of 13 to 19 digits', () => {
    fc.assert(
      fc.property(cardNumber, (digits) => {
        expect(digits).toMatch(/^\d{13,19}$/);
        expect(isLuhnValid(digits)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it.each([
    ['clara', clara],
    ['cardda', cardda],
  ] as const)(
    '%s: 10,000 errors seeded with credentials, keys and card numbers leak none',
    (_name, adapter) => {
      fc.assert(
        fc.property(anyCarrier, (carrier) => {
          const leak = findLeak(errorSurfaces(carrier.make(adapter)), carrier.planted);
          if (leak !== undefined) throw new Error(leak);
        }),
        { numRuns: runs(10_000) },
      );
    },
  );

  it('finds a planted secret when it is there (the check itself works)', () => {
    const planted = {
      secrets: ['s3cr3tS3cr3tS3cr3tS3'],
      cards: [{ digits: '4111111111111111', written: '4111 1111 1111 1111' }],
    };
    expect(findLeak({ log: 'token s3cr3tS3cr3tS3cr3tS3' }, planted)).toBe('log: a credential');
    expect(findLeak({ log: 'card 4111-1111-1111-1111' }, planted)).toBe(
      'log: more than the last four digits',
    );
    expect(findLeak({ log: 'card •••• 1111 {"cvv": "123"}' }, planted)).toBe('log: a CVV field');
    expect(findLeak({ log: 'card •••• 1111' }, planted)).toBeUndefined();
  });
});
