import { defineConfig, type Options } from 'tsup';
import { libraryBuild } from '../../tsup.shared';

const build = libraryBuild([
  'src/index.ts',
  'src/ky/index.ts',
  'src/messages/index.ts',
  // The one module that imports neverthrow, in a file of its own: sharing a chunk with
  // `IssuerError` would make every bundle that uses `IssuerError` carry neverthrow too.
  'src/error/result.ts',
  'src/error/neverthrow-node.ts',
  // Where `#opentelemetry` leads: `@opentelemetry/api` on Node, nothing in a bundle.
  'src/telemetry/opentelemetry-node.ts',
  'src/telemetry/opentelemetry-absent.ts',
]);

/**
 * Built code imports neverthrow as `#neverthrow`, which package.json `imports` sends to
 * `error/neverthrow-node.ts` on Node and to neverthrow itself in bundlers.
 */
const neverthrowByPackageImports: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'neverthrow-by-package-imports',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^neverthrow$/ }, () => ({ path: '#neverthrow', external: true }));
  },
};

/**
 * Built code loads `@opentelemetry/api` through `#opentelemetry`, which package.json `imports`
 * sends to `telemetry/opentelemetry-node.ts` on Node and to `telemetry/opentelemetry-absent.ts`
 * in bundlers.
 */
const openTelemetryByPackageImports: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'opentelemetry-by-package-imports',
  setup(esbuild) {
    esbuild.onResolve({ filter: /\/opentelemetry-node$/ }, (args) =>
      args.kind === 'entry-point' ? undefined : { path: '#opentelemetry', external: true },
    );
  },
};

export default defineConfig({
  ...build,
  removeNodeProtocol: false,
  external: ['node:module'],
  // Not marked external by name: the plugin below maps it. Declarations keep `neverthrow`.
  noExternal: ['neverthrow'],
  esbuildPlugins: [neverthrowByPackageImports, openTelemetryByPackageImports],
});
