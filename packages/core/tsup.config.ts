import { defineConfig } from 'tsup';
import { libraryBuild } from '../../tsup.shared';

export default defineConfig(
  libraryBuild(['src/index.ts', 'src/ky/index.ts', 'src/messages/index.ts']),
);
