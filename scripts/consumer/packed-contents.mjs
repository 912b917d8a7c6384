// What a registry page shows of each package: its README, repository, homepage, bugs and keywords.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

for (const name of process.argv.slice(2)) {
  const folder = `node_modules/@issuer-errors/${name}`;
  const manifest = JSON.parse(readFileSync(`${folder}/package.json`, 'utf8'));
  const readme = readFileSync(`${folder}/README.md`, 'utf8');
  assert.match(readme, new RegExp(`^# @issuer-errors/${name}\\n`), `${name}: README title`);
  assert.match(readme, /\n(npm install|npx) /, `${name}: README install line`);
  assert.match(readme, /\n```(ts|sh)\n/, `${name}: README example`);
  assert.match(
    readme,
    /\]\(https:\/\/github\.com\/issuer-errors\/issuer-errors/,
    `${name}: docs link`,
  );
  assert.equal(manifest.repository?.type, 'git', `${name}: repository`);
  assert.match(
    manifest.repository?.url ?? '',
    /^git\+https:\/\/github\.com\/issuer-errors\/issuer-errors\.git$/,
  );
  assert.equal(manifest.repository?.directory, `packages/${name}`, `${name}: repository directory`);
  assert.match(
    manifest.homepage ?? '',
    /^https:\/\/github\.com\/issuer-errors\/issuer-errors/,
    `${name}: homepage`,
  );
  assert.match(manifest.bugs?.url ?? '', /\/issues$/, `${name}: bugs`);
  assert.ok(manifest.keywords?.length >= 3, `${name}: keywords`);
  assert.equal(manifest.license, 'MIT', `${name}: license`);
}
console.log(
  `packed: ${process.argv.slice(2).join(' ')} each ship a README, repository, homepage, bugs and keywords`,
);
