import fc from 'fast-check';

/** A credential value: high-entropy, so finding it anywhere means it leaked. */
export const secretValue = fc.stringMatching(/^[A-Za-z0-9]{20,40}$/);

/** A Luhn-valid card number of 13 to 19 digits. */
export const cardNumber = fc
  .tuple(
    fc.integer({ min: 13, max: 19 }),
    fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 19, maxLength: 19 }),
  )
  .map(([length, digits]) => {
    const payload = [4, ...digits].slice(0, length - 1).join('');
    const checkDigit = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].find((digit) =>
      isLuhnValid(`${payload}${digit}`),
    );
    return `${payload}${checkDigit}`;
  });

/** The number as people and systems write it: plain, in groups of four with spaces or dashes. */
export const formattedCardNumber = fc
  .tuple(cardNumber, fc.constantFrom('', ' ', '-'))
  .map(([digits, separator]) => ({
    digits,
    written: separator === '' ? digits : (digits.match(/.{1,4}/g) ?? []).join(separator),
  }));

/** Whether a digit string passes the Luhn check. */
export function isLuhnValid(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    const digit = Number(digits[digits.length - 1 - index]);
    const doubled = index % 2 === 1 ? digit * 2 : digit;
    sum += doubled > 9 ? doubled - 9 : doubled;
  }
  return sum % 10 === 0;
}

/** A PEM private key block, as Clara's mTLS setup holds it. */
export const pemKey = secretValue.map(
  (secret) =>
    `-----BEGIN PRIVATE KEY-----\nMIIEv${secret}QIBADANBgkqhkiG9w0BAQEFAASC\n${secret}Kgw\n-----END PRIVATE KEY-----`,
);
