import { defineConfig } from 'tsup';
import { libraryBuild } from '../../tsup.shared';

export default defineConfig(
  libraryBuild([
    'src/index.ts',
    'src/nock/index.ts',
    'src/server/index.ts',
    'src/telemetry/index.ts',
    'src/cli.ts',
  ]),
);
