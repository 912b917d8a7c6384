/** `value` when it is a count (a safe whole number ≥ 0: attempts, milliseconds, a status), else `undefined`. */
export function toCount(value: unknown): number | undefined {
  return Number.isSafeInteger(value) && (value as number) >= 0 ? (value as number) : undefined;
}
