import { describe, expect, it } from 'vitest';
import {
  MAX_MESSAGE_BYTES,
  toSafeIdentifier,
  toSafeLine,
  toShortField,
  truncateToBytes,
  utf8Length,
} from './safe-text';

const VISA = '4111111111111111';

describe('toSafeLine', () => {
  it('turns line breaks and control characters into single spaces', () => {
    expect(toSafeLine('one\r\ntwo\u0000three\u2028four\tfive')).toBe('one two three four five');
  });

  it('removes ANSI escape sequences', () => {
    expect(toSafeLine('\u001B[31mred\u001B[0m text')).toBe('red text');
  });

  it('removes an operating system command, ended by BEL or by ST', () => {
    expect(toSafeLine('before\u001B]0;window title\u0007after')).toBe('beforeafter');
    expect(toSafeLine('\u001B]8;;https://example.test\u001B\\link\u001B]8;;\u001B\\')).toBe('link');
  });

  it('removes an operating system command left open at the end', () => {
    expect(toSafeLine('done\u001B]0;window title')).toBe('done');
  });

  it('removes two-character escapes such as NEL, a line break in disguise', () => {
    expect(toSafeLine('one\u001BEtwo')).toBe('onetwo');
  });

  it('masks card numbers and removes secrets', () => {
    expect(toSafeLine(`card ${VISA} declined for token=abc123`)).toBe(
      'card ************1111 declined for token=[REDACTED]',
    );
  });

  it('cuts to 1 KiB of UTF-8 without splitting a character', () => {
    const line = toSafeLine('é'.repeat(2000));
    expect(line).toBe(`${'é'.repeat(510)}…`);
    expect(new TextEncoder().encode(line).length).toBe(MAX_MESSAGE_BYTES - 1);
  });

  it('cuts to the bytes it is given, marking the cut', () => {
    expect(toSafeLine('Threshold exceeds company limit', 16)).toBe('Threshold exc…');
  });

  it('masks a card number that escape sequences push past the first characters read', () => {
    // 124 characters of escapes, which vanish, then the card: it must be read whole.
    expect(toSafeLine(`${'\u001B[0m'.repeat(31)}${VISA}`, 16)).toBe('************1111');
  });

  it('keeps short text as it is', () => {
    expect(toSafeLine('Threshold exceeds company limit')).toBe('Threshold exceeds company limit');
    expect(toSafeLine('El campo "monto" no es válido; cartão inválido')).toBe(
      'El campo "monto" no es válido; cartão inválido',
    );
  });

  it.each([
    ['two  spaces', 'two spaces'],
    [' leading space', 'leading space'],
    ['trailing space ', 'trailing space'],
    ['no-break\u00A0space', 'no-break space'],
    ['card 4111-1111-1111-1111', 'card ****-****-****-1111'],
    ['TOKEN=abc123', 'TOKEN=[REDACTED]'],
  ])('cleans plain-looking text that needs it: %j', (text, expected) => {
    expect(toSafeLine(text)).toBe(expected);
  });

  it('counts the bytes of 3-byte characters, which a 2-byte budget per character does not cover', () => {
    expect(toSafeLine('€'.repeat(8), 16)).toBe('€€€€…');
    expect(toSafeLine('é'.repeat(8), 16)).toBe('é'.repeat(8));
  });
});

describe('toSafeIdentifier and toShortField', () => {
  it('keep an id that looks like a card number as it is, where a message masks it', () => {
    const uuid = '111b3862-7a73-4d32-8468-14439855bd80';
    expect(toSafeLine(uuid)).toBe('111b3862-7a73-4d**-****-****9855bd80');
    expect(toSafeIdentifier(uuid)).toBe(uuid);
    expect(toShortField(uuid)).toBe(uuid);
    expect(toShortField(VISA)).toBe(VISA);
  });

  it('still make an id one line, without escapes or secrets, within 128 bytes', () => {
    expect(toShortField('req-1\r\nX-Injected: 1\u001B[31m')).toBe('req-1 X-Injected: 1');
    expect(toShortField('Bearer abcdef123456')).toBe('Bearer [REDACTED]');
    expect(utf8Length(toShortField('7'.repeat(500)) ?? '')).toBe(128);
    expect(toSafeIdentifier('7'.repeat(500), 16)).toBe(`${'7'.repeat(13)}…`);
  });

  it('give no short field for what is not text or is blank', () => {
    expect(toShortField(42)).toBeUndefined();
    expect(toShortField(' \n ')).toBeUndefined();
  });
});

describe('truncateToBytes', () => {
  it('keeps text that fits exactly', () => {
    expect(truncateToBytes('abcdef', 6)).toBe('abcdef');
    expect(truncateToBytes('ééé', 6)).toBe('ééé');
  });

  it('fills the budget exactly, the ellipsis included', () => {
    expect(truncateToBytes('abcdefg', 6)).toBe('abc…');
    expect(truncateToBytes('éééé', 7)).toBe('éé…');
  });

  it('does not split a surrogate pair', () => {
    const text = truncateToBytes('😀'.repeat(10), 10);
    expect(text).toBe('😀…');
  });
});

describe('utf8Length', () => {
  it('counts the bytes TextEncoder would write, at every boundary of the encoding', () => {
    const encoder = new TextEncoder();
    const texts = [
      ['', 'plain', 'é', '€uro', '😀', 'a😀b'],
      ['\u007F', '\u0080', '\u07FF', '\u0800', '\uD7FF\uDC00', '\uE000'],
      // Surrogates: pairs at both ends of their ranges, and lone ones next to anything.
      ['\uD800\uDC00', '\uDBFF\uDFFF', '\uD800', '\uDBFF', '\uDC00x', '\uDFFF'],
      [
        '\uD800\uD800',
        '\uD800\uDBFF',
        '\uD800\uE000',
        '\uD800\uDBFF\uDC00',
        '€\uDC00',
        'ñ€😀\uDBFF',
      ],
    ].flat();
    for (const text of texts) {
      expect(utf8Length(text), JSON.stringify(text)).toBe(encoder.encode(text).length);
    }
  });
});
