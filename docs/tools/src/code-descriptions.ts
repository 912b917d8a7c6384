import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CODES, type ErrorCode } from '@issuer-errors/core';

const SOURCE = join(import.meta.dirname, '../../../packages/core/src/error/error-codes.ts');

/**
 * When each fine code is raised, read from the TSDoc of its entry in `ERROR_CODES`,
 * so the API reference and the taxonomy say the same; a code without one fails the docs check.
 */
export function codeDescriptions(source = readFileSync(SOURCE, 'utf8')): Record<ErrorCode, string> {
  const found = new Map<string, string>();
  for (const match of source.matchAll(/\/\*\* (.+?) \*\/\n\s+(\w+): '\w+',/g)) {
    const [, text = '', code = ''] = match;
    found.set(code, text.replace(/\.$/, ''));
  }
  const descriptions = {} as Record<ErrorCode, string>;
  for (const code of Object.keys(ERROR_CODES) as ErrorCode[]) {
    const text = found.get(code);
    if (text === undefined)
      throw new Error(`ERROR_CODES.${code} has no one-line TSDoc to document it with`);
    descriptions[code] = text;
  }
  return descriptions;
}
