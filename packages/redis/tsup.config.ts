import { defineConfig } from 'tsup';
import { libraryBuild } from '../../tsup.shared';

// Node only: the store hashes its scripts with node:crypto.
export default defineConfig({ ...libraryBuild(['src/index.ts']), platform: 'node' });
