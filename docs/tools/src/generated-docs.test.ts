import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { claraGuidance, claraRules } from '@issuer-errors/clara';
import { describe, expect, it } from 'vitest';
import { codeDescriptions } from './code-descriptions';
import { ROOT, replaceSection } from './doc-sections';
import { expectedContent, GENERATED_DOCS } from './generated-docs';
import { includeSnippets } from './include-snippets';
import { claraPage } from './provider-pages';
import { renderProviderDoc } from './render-provider-doc';

describe('the generated docs', () => {
  it.each(GENERATED_DOCS.map((doc) => [doc.path, doc] as const))(
    '%s is what `pnpm docs:generate` writes',
    (_path, doc) => {
      const committed = readFileSync(join(ROOT, doc.path), 'utf8');
      expect(committed, 'run `pnpm docs:generate` and commit the result').toBe(
        expectedContent(doc),
      );
    },
  );

  it('changes when a rule changes, so an unregenerated rule fails the check above', () => {
    const first = claraRules[0];
    if (first === undefined) throw new Error('Clara has rules');
    const changed = {
      ...claraPage,
      adapter: {
        ...claraPage.adapter,
        rules: [{ ...first, retryAfterMs: 60_000 }, ...claraRules.slice(1)],
      },
    };
    expect(renderProviderDoc(changed)).not.toBe(renderProviderDoc(claraPage));
    expect(renderProviderDoc(changed)).toContain('else 60 s');
  });

  it('lists every rule of Clara, with its action in Clara’s words', () => {
    const page = renderProviderDoc(claraPage);
    for (const { action } of Object.values(claraGuidance)) {
      expect(page).toContain(action.replaceAll('|', '\\|'));
    }
    expect(page).toContain(
      '| 1 | any | message `/already has a card in the creation queue/i` | `conflict` | `operation_in_progress` | yes | `Retry-After` if sent, else 120 s |',
    );
  });

  it('refuses a rule without guidance under its id', () => {
    const { 'queued-card': _, ...rest } = claraGuidance;
    expect(() => renderProviderDoc({ ...claraPage, guidance: rest })).toThrow(
      /claraGuidance has no guidance for the rule queued-card/,
    );
  });

  it('refuses a fine code without a TSDoc line to describe it', () => {
    const source =
      "export const ERROR_CODES = {\n  /** A 400. */\n  invalid_request: 'validation',\n";
    expect(() => codeDescriptions(source)).toThrow(
      /ERROR_CODES\.invalid_field has no one-line TSDoc/,
    );
  });

  it('fills an include section with the example file, so an edited example fails the check above', () => {
    const guide =
      'Intro\n\n<!-- generated:include docs/examples/a/src/main.ts -->\nold code\n<!-- /generated:include docs/examples/a/src/main.ts -->\n';
    const filled = includeSnippets(guide, (path) => `// ${path}\nconsole.log(1);\n`);
    expect(filled).toBe(
      'Intro\n\n<!-- generated:include docs/examples/a/src/main.ts -->\n\n```ts\n// docs/examples/a/src/main.ts\nconsole.log(1);\n```\n\n<!-- /generated:include docs/examples/a/src/main.ts -->\n',
    );
    expect(includeSnippets(filled, () => 'console.log(2);')).not.toBe(filled);
  });

  it('includes every guide and the README among the checked docs', () => {
    const paths = GENERATED_DOCS.map((doc) => doc.path);
    expect(paths).toContain('README.md');
    expect(paths.filter((path) => path.startsWith('docs/guides/')).length).toBeGreaterThanOrEqual(
      7,
    );
  });

  it('refuses a doc whose generated section markers are missing', () => {
    expect(() => replaceSection('no markers here', 'kinds', 'table')).toThrow(/generated:kinds/);
  });
});
