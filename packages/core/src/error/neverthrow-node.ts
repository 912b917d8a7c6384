import { createRequire } from 'node:module';
import type * as Neverthrow from 'neverthrow';

/*
 * neverthrow as Node loads it for core, through `require`. neverthrow 8 has no `exports` and
 * no ESM entry Node reads, so `import 'neverthrow'` gets the same CommonJS file, through the
 * ESM loader's CommonJS translator: 4 to 6 ms more at start-up, measured in `pnpm bench`.
 * `require` returns that file's one module instance, the one an app's own
 * `import 'neverthrow'` gets, so `Result`s still mix. `package.json` `imports` sends
 * `#neverthrow` here under the `node` condition only; bundlers take `module` first.
 */
const neverthrow: typeof Neverthrow = createRequire(import.meta.url)('neverthrow');

/** neverthrow's `err`, `errAsync`, `ok` and `ResultAsync`, from its one instance in the process. */
export const { err, errAsync, ok, ResultAsync } = neverthrow;
