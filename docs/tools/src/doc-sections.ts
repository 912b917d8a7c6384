import { join } from 'node:path';

/** The repository's root. */
export const ROOT = join(import.meta.dirname, '../../..');

/** The text between `<!-- generated:name -->` and `<!-- /generated:name -->`, replaced. */
export function replaceSection(text: string, name: string, content: string): string {
  const start = `<!-- generated:${name} -->`;
  const end = `<!-- /generated:${name} -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from === -1 || to < from) throw new Error(`Missing ${start} … ${end}`);
  return `${text.slice(0, from + start.length)}\n\n${content}\n\n${text.slice(to)}`;
}
