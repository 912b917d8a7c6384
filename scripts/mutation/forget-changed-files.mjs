// Before an incremental run: forgets every result of a mutated file whose source changed, so all
// of its mutants run again. Stryker itself reuses the result of a mutant whose own code did not
// change, even when the code around it did (a new try block can turn a killed mutant into a
// survivor); a changed file is cheap to run again, and its scores are then never stale.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const path = process.argv[2] ?? 'scripts/mutation/incremental.json';
if (existsSync(path)) {
  const report = JSON.parse(readFileSync(path, 'utf8'));
  const changed = Object.keys(report.files).filter(
    (file) => !existsSync(file) || readFileSync(file, 'utf8') !== report.files[file].source,
  );
  for (const file of changed) delete report.files[file];
  if (changed.length > 0) writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
  console.log(
    `Incremental file: ${changed.length} changed source file(s) to mutate again${changed.length > 0 ? `: ${changed.join(', ')}` : ''}`,
  );
} else {
  console.log(`Incremental file: none at ${path}; every mutant runs`);
}
