import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './doc-sections';
import { expectedContent, GENERATED_DOCS } from './generated-docs';

for (const doc of GENERATED_DOCS) {
  writeFileSync(join(ROOT, doc.path), expectedContent(doc));
  console.log(`wrote ${doc.path}`);
}
