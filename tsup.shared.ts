import type { Options } from 'tsup';

/** The one build shape of every publishable package: ESM only, declarations, sourcemaps. */
export function libraryBuild(entry: string[]): Options {
  return {
    entry,
    format: ['esm'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    platform: 'neutral',
  };
}
