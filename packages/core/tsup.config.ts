import { defineConfig } from 'tsup';
import { libraryBuild } from '../../tsup.shared';

export default defineConfig(
  libraryBuild([
    'src/index.ts',
    'src/ky/index.ts',
    'src/messages/index.ts',
    // The one module that imports neverthrow, in a file of its own: sharing a chunk with
    // `IssuerError` would make every bundle that uses `IssuerError` carry neverthrow too.
    'src/result.ts',
  ]),
);
