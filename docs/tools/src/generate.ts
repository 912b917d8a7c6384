import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectedContent, GENERATED_DOCS, ROOT } from './generated-docs';

for (const doc of GENERATED_DOCS) {
  writeFileSync(join(ROOT, doc.path), expectedContent(doc));
  console.log(`wrote ${doc.path}`);
}
