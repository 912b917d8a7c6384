// StrykerJS configuration of `pnpm test:mutation` (see scripts/test-mutation.sh, which sets the
// environment variables: Stryker lives outside the workspace because it needs Node 22).
const { ISSUER_ERRORS_STRYKER_HOME: strykerHome, ISSUER_ERRORS_STRYKER_TMP: temporaryDirectory } =
  process.env;
if (!strykerHome || !temporaryDirectory) {
  throw new Error('Run mutation testing through `pnpm test:mutation`.');
}

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: [`${strykerHome}/node_modules/@stryker-mutator/vitest-runner/dist/src/index.js`],
  mutate: [
    'packages/{core,clara,cardda,redis}/src/**/*.ts',
    '!**/*.test.ts',
    '!**/*.test-d.ts',
    '!**/__fixtures__/**',
  ],
  vitest: { configFile: 'scripts/mutation/vitest.config.mjs' },
  coverageAnalysis: 'perTest',
  // The adapters' tests import core and the testing kit from their built `dist`.
  ignorePatterns: ['docs', 'tests', '.turbo', '**/.turbo', 'reports', 'coverage'],
  tempDirName: temporaryDirectory,
  concurrency: 2,
  reporters: ['clear-text', 'progress-append-only', 'json', 'html'],
  clearTextReporter: { reportTests: false, reportMutants: false },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  // Committed: a run re-mutates only the files, and re-runs only the tests, that changed since.
  incremental: true,
  incrementalFile: 'scripts/mutation/incremental.json',
  thresholds: { high: 95, low: 85, break: 85 },
};
