// Stryker numbers tests anew on every run, so each run would rewrite most of the committed
// incremental file. This gives every test an id made of its file and name instead, puts lists
// in one order, and drops what differs from run to run (a mutant's duration, the temporary
// folder), so that a refresh changes only what the run did.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

const path = process.argv[2] ?? 'scripts/mutation/incremental.json';
const report = JSON.parse(readFileSync(path, 'utf8'));

const byName = (record) =>
  Object.fromEntries(Object.entries(record).sort(([left], [right]) => (left < right ? -1 : 1)));
report.files = byName(report.files);
report.testFiles = byName(report.testFiles ?? {});
const stableIds = new Map();
const taken = new Set();
for (const [file, { tests }] of Object.entries(report.testFiles ?? {})) {
  for (const test of tests) {
    const base = createHash('sha256').update(`${file}\0${test.name}`).digest('hex').slice(0, 12);
    let id = base;
    for (let copy = 2; taken.has(id); copy += 1) id = `${base}-${copy}`;
    taken.add(id);
    stableIds.set(test.id, id);
    test.id = id;
  }
}
const stable = (ids) => ids?.map((id) => stableIds.get(id) ?? id).sort();
for (const file of Object.values(report.files)) {
  file.mutants.sort((left, right) => Number(left.id) - Number(right.id));
  file.mutants = file.mutants.map(({ duration: _duration, ...mutant }) => {
    if (mutant.coveredBy) mutant.coveredBy = stable(mutant.coveredBy);
    mutant.killedBy = stable(mutant.killedBy ?? []);
    return Object.fromEntries(
      Object.entries(mutant).sort(([left], [right]) => (left < right ? -1 : 1)),
    );
  });
}
if (report.config) report.config.tempDirName = '';
writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
