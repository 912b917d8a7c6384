const CAMEL_BOUNDARY = /([a-z0-9])([A-Z])/g;
const WORD_SEPARATORS = /[\s-]+/g;
const SNAKE_BOUNDARY = /_+([a-zA-Z0-9])/g;

/** `accountNumber`, `Account-Number` and `account number` all become `account_number`. */
export function toSnakeCase(name: string): string {
  return name.replace(CAMEL_BOUNDARY, '$1_$2').replace(WORD_SEPARATORS, '_').toLowerCase();
}

/**
 * `account_number` becomes `accountNumber`; each segment of a path on its own
 * (`address.zip_code` → `address.zipCode`). A leading underscore is kept.
 */
export function toCamelCase(name: string): string {
  return name.replace(/(^|[.[\]])(_*)([^.[\]]*)/g, (_match, separator, leading, segment) => {
    const snake = toSnakeCase(segment);
    return `${separator}${leading}${snake.replace(SNAKE_BOUNDARY, (_underscores, letter: string) => letter.toUpperCase())}`;
  });
}
