import { describe, expect, it } from 'vitest';
import { maskCardNumbers } from './mask-card-numbers';

// Luhn-valid test card numbers.
const VISA = '4111111111111111';
const AMEX = '378282246310005';
const VISA_13 = '4222222222222';
const VISA_19 = '4111111111111111110';

describe('maskCardNumbers', () => {
  it('masks a Luhn-valid card number down to its last four digits', () => {
    expect(maskCardNumbers(`card ${VISA} declined`)).toBe('card ************1111 declined');
  });

  it('masks card numbers of 13 and of 19 digits, the shortest and the longest', () => {
    expect(maskCardNumbers(`card ${VISA_13}`)).toBe('card *********2222');
    expect(maskCardNumbers(`card ${VISA_19}`)).toBe('card ***************1110');
    expect(maskCardNumbers('card 4111 1111 1111 1111 110')).toBe('card **** **** **** ***1 110');
  });

  it('masks card numbers written with spaces or dashes, keeping the separators', () => {
    expect(maskCardNumbers('4111 1111 1111 1111')).toBe('**** **** **** 1111');
    expect(maskCardNumbers('3782-822463-10005')).toBe('****-******-*0005');
  });

  it('masks a card number followed by more digits', () => {
    expect(maskCardNumbers(`${VISA} 123`)).toBe('************1111 123');
  });

  it('masks a card number that a shorter group of digits precedes', () => {
    expect(maskCardNumbers('order 12 4111 1111 1111 1111')).toBe('order 12 **** **** **** 1111');
  });

  it('reads 20 grouped digits as a card and a group, as no card has 20 digits', () => {
    expect(maskCardNumbers('4111 1111 1111 1111 0000')).toBe('**** **** **** 1111 0000');
  });

  it('masks every card in a text', () => {
    expect(maskCardNumbers(`${VISA} and ${AMEX}`)).toBe('************1111 and ***********0005');
  });

  it('leaves numbers that are not card numbers alone', () => {
    expect(maskCardNumbers('4111 1111 1111 1112')).toBe('4111 1111 1111 1112');
    expect(maskCardNumbers('+56 9 1234 5678')).toBe('+56 9 1234 5678');
    expect(maskCardNumbers('order 123456789012')).toBe('order 123456789012');
    expect(maskCardNumbers('2024-03-15T10:30:00Z')).toBe('2024-03-15T10:30:00Z');
  });

  it('leaves a Luhn-valid stretch shorter than 13 digits alone', () => {
    // "5678 9012 3456" passes the Luhn check, but 12 digits are too few for a card.
    expect(maskCardNumbers('1234 5678 9012 3456')).toBe('1234 5678 9012 3456');
  });
});

describe('maskCardNumbers on long digit runs', () => {
  it('finds a card inside a run longer than a card number', () => {
    expect(maskCardNumbers(`ref 7${VISA_13}`)).toBe('ref 7*********2222');
  });

  it('masks overlapping Luhn-valid windows, so the card keeps only its last four digits', () => {
    // "994111111111111" passes the Luhn check too; masking it alone would show "1111111".
    expect(maskCardNumbers(`99${VISA}`)).toBe('**************1111');
  });

  it('finds a card that ends inside an unbroken group of 13 digits', () => {
    // The card is "4111" and the first 12 digits of the second group; "9" follows it.
    expect(maskCardNumbers('4111 1111111111119')).toBe('**** ********11119');
  });
});
