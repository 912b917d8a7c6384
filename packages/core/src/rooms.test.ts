import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SOURCE = dirname(fileURLToPath(import.meta.url));

/** Core's rooms from the lowest up, as docs/architecture.md draws them; a room imports only from rooms below it. */
const ROOMS: readonly (readonly string[])[] = [
  ['safety'],
  ['http'],
  ['error'],
  ['health'],
  ['adapter', 'rate'],
  ['problem-details', 'observability', 'messages'],
  ['client'],
  ['telemetry'],
  ['ky'],
];

const levelOf = (room: string) => ROOMS.findIndex((rooms) => rooms.includes(room));

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === '__fixtures__' ? [] : sourceFiles(path);
    return /(?<!\.test|\.test-d)\.ts$/.test(entry.name) ? [path] : [];
  });
}

describe("core's rooms", () => {
  const files = sourceFiles(SOURCE).filter((file) => dirname(file) !== SOURCE);

  it('put every source file in a room the architecture names', () => {
    const rooms = new Set(files.map((file) => relative(SOURCE, file).split('/')[0] as string));
    expect([...rooms].sort()).toEqual(ROOMS.flat().sort());
  });

  it('import only from their own room or a lower one', () => {
    const upward: string[] = [];
    for (const file of files) {
      const room = relative(SOURCE, file).split('/')[0] as string;
      for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/from '(\.\.?\/[^']+)'/g)) {
        const target = relative(SOURCE, join(dirname(file), specifier as string)).split('/')[0];
        if (target === room || target === undefined) continue;
        if (levelOf(target) >= levelOf(room))
          upward.push(`${relative(SOURCE, file)} → ${specifier}`);
      }
    }
    expect(upward).toEqual([]);
  });
});
