import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './doc-sections';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const sections = readme.split(/^## /m).slice(1);
const section = (title: string) => sections.find((text) => text.startsWith(`${title}\n`)) ?? '';

describe('the README, as a user reads it', () => {
  it('opens with the install of the packages and their peers, then a first call', () => {
    expect(sections[0]?.split('\n')[0]).toBe('Quick start');
    const install = /```sh\n(.*)\n/.exec(section('Quick start'))?.[1];
    expect(install).toBe(
      'npm install @issuer-errors/core @issuer-errors/cardda @issuer-errors/clara ky neverthrow',
    );
    expect(section('Quick start')).toContain('npm install undici');
    expect(section('Quick start')).toContain('createCarddaClient');
  });

  it("puts the contributor's commands after it, says to clone first and how long the tests take", () => {
    const contributing = section('Working on issuer-errors');
    expect(readme.indexOf('pnpm@10.34.9 demo')).toBeGreaterThan(readme.indexOf('## Quick start'));
    expect(contributing).toMatch(/^Clone the repository/m);
    expect(contributing).toContain('npx pnpm@10.34.9 test');
    expect(contributing).toMatch(/about [\d½]+ minutes on 2 cores/);
  });

  it('keeps how core loads neverthrow to the docs', () => {
    expect(readme).not.toContain('#neverthrow');
  });
});
