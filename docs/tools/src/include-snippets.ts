import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { ROOT, replaceSection } from './doc-sections';

const INCLUDE_MARKER = /<!-- generated:include (\S+) -->/g;

/**
 * Fills every `<!-- generated:include path -->` section with the file at `path` (from the
 * repository's root) as a fenced block, so a guide shows the example code CI type-checks and runs.
 */
export function includeSnippets(text: string, read = readRepositoryFile): string {
  let result = text;
  for (const [, path] of text.matchAll(INCLUDE_MARKER)) {
    if (path === undefined) continue;
    result = replaceSection(result, `include ${path}`, fence(path, read(path)));
  }
  return result;
}

function fence(path: string, code: string): string {
  return `\`\`\`${extname(path).slice(1)}\n${code.trimEnd()}\n\`\`\``;
}

function readRepositoryFile(path: string): string {
  return readFileSync(join(ROOT, path), 'utf8');
}
