/** `value` when it is an HTTP status (an integer 100–599), else `undefined`. */
export function toHttpStatus(value: unknown): number | undefined {
  return Number.isInteger(value) && (value as number) >= 100 && (value as number) <= 599
    ? (value as number)
    : undefined;
}
