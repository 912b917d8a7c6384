// Every changeset must open with front matter naming publishable packages and bump types,
// or `changeset version` silently ignores it.
import { readdirSync, readFileSync } from 'node:fs';

const packages = new Set(
  readdirSync('packages').map(
    (folder) => JSON.parse(readFileSync(`packages/${folder}/package.json`, 'utf8')).name,
  ),
);
const problems = [];
for (const file of readdirSync('.changeset').filter((name) => name.endsWith('.md'))) {
  if (file === 'README.md') continue;
  const text = readFileSync(`.changeset/${file}`, 'utf8');
  const match = /^---\n((?:"[^"]+": (?:major|minor|patch)\n)+)---\n\n\S/.exec(text);
  if (match === null) {
    problems.push(`${file}: no front matter of "package": major|minor|patch lines`);
    continue;
  }
  for (const line of match[1].trim().split('\n')) {
    const name = line.slice(1, line.indexOf('"', 1));
    if (!packages.has(name)) problems.push(`${file}: ${name} is not a package of this workspace`);
  }
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('changesets: every file names workspace packages and bump types');
