const DIGIT_RUN = /\d(?:[ -]?\d){12,}/g;
const MIN_PAN_DIGITS = 13;
const MAX_PAN_DIGITS = 19;
const KEPT_DIGITS = 4;

/**
 * Masks every card number (13–19 digits passing the Luhn check, with or without
 * spaces or dashes) down to its last four digits, keeping the text's length.
 * Separated digits (`4111 1111 …`) are read by their groups; inside an unbroken
 * group of 13 or more digits every window is checked, so a card glued to other
 * digits is masked too — at the price of sometimes masking a long number that
 * only looks like a card, the safe way to be wrong. Where such windows overlap,
 * each is masked, so no card keeps more than its last four digits.
 *
 * @example
 * maskCardNumbers('card 4111 1111 1111 1111 declined'); // 'card **** **** **** 1111 declined'
 */
export function maskCardNumbers(text: string): string {
  return text.replace(DIGIT_RUN, maskRun);
}

function maskRun(run: string): string {
  const digits = run.replace(/\D/g, '');
  const masked = new Array<boolean>(digits.length).fill(false);
  const boundaries = groupBoundaries(run);
  // Cards found may overlap: masking each one keeps every one to its last four digits.
  for (let startIndex = 0; startIndex < boundaries.length - 1; startIndex += 1) {
    const start = boundaries[startIndex] ?? 0;
    const endIndex = cardEndingAt(digits, boundaries, startIndex);
    if (endIndex === undefined) continue;
    masked.fill(true, start, (boundaries[endIndex] ?? 0) - KEPT_DIGITS);
  }
  let digitIndex = 0;
  return run.replace(/\d/g, (digit) => (masked[digitIndex++] ? '*' : digit));
}

/** Digit offsets where a group starts or ends; a group as long as a card splits at every digit. */
function groupBoundaries(run: string): number[] {
  const boundaries = [0];
  let offset = 0;
  for (const group of run.split(/[ -]/)) {
    const step = group.length >= MIN_PAN_DIGITS ? 1 : group.length;
    for (let at = step; at <= group.length; at += step) boundaries.push(offset + at);
    offset += group.length;
  }
  return boundaries;
}

/** The index of the furthest boundary that closes a Luhn-valid card starting at `startIndex`. */
function cardEndingAt(digits: string, boundaries: readonly number[], startIndex: number) {
  const start = boundaries[startIndex] ?? 0;
  for (let endIndex = boundaries.length - 1; endIndex > startIndex; endIndex -= 1) {
    const length = (boundaries[endIndex] ?? 0) - start;
    if (length < MIN_PAN_DIGITS) return undefined;
    if (length <= MAX_PAN_DIGITS && passesLuhn(digits, start, length)) return endIndex;
  }
  return undefined;
}

function passesLuhn(digits: string, start: number, length: number): boolean {
  let sum = 0;
  for (let offset = 0; offset < length; offset += 1) {
    let digit = digits.charCodeAt(start + length - 1 - offset) - 48;
    if (offset % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}
