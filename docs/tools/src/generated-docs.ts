import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { ROOT, replaceSection } from './doc-sections';
import { includeSnippets } from './include-snippets';
import { carddaPage, claraPage } from './provider-pages';
import { renderProviderDoc } from './render-provider-doc';
import { renderCodesTable, renderKindsTable } from './render-taxonomy';

/** One generated file: where it lives and what it must hold, given what it holds now. */
export interface GeneratedDoc {
  readonly path: string;
  render(current: string): string;
}

/** Every doc the generator owns, whole or in marked sections. */
export const GENERATED_DOCS: readonly GeneratedDoc[] = [
  { path: 'docs/providers/clara.md', render: () => renderProviderDoc(claraPage) },
  { path: 'docs/providers/cardda.md', render: () => renderProviderDoc(carddaPage) },
  {
    path: 'docs/taxonomy.md',
    render: (current) =>
      replaceSection(
        replaceSection(current, 'kinds', renderKindsTable()),
        'codes',
        renderCodesTable([claraPage.adapter, carddaPage.adapter]),
      ),
  },
  { path: 'README.md', render: includeSnippets },
  ...readdirSync(join(ROOT, 'docs/guides'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => ({ path: `docs/guides/${name}`, render: includeSnippets })),
];

/** What the file must hold: rendered, then formatted as biome formats the repository. */
export function expectedContent(doc: GeneratedDoc): string {
  const path = join(ROOT, doc.path);
  const current = doc.path.startsWith('docs/providers/') ? '' : readFileSync(path, 'utf8');
  return formatMarkdown(doc.path, `${doc.render(current).trimEnd()}\n`);
}

const biome = join(
  dirname(createRequire(import.meta.url).resolve('@biomejs/biome/package.json')),
  'bin/biome',
);

function formatMarkdown(path: string, text: string): string {
  return execFileSync(
    process.execPath,
    [biome, 'format', `--stdin-file-path=${relative(ROOT, join(ROOT, path))}`],
    {
      cwd: ROOT,
      input: text,
      encoding: 'utf8',
    },
  );
}
