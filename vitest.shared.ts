import { defineConfig } from 'vitest/config';

/** ISSUER_ERRORS_KY points the client suites at another ky major (see scripts/test-ky2.sh). */
const kyOverride = process.env.ISSUER_ERRORS_KY;

/** The one test setup of every package: unit tests and type tests next to the code. */
export const packageTests = defineConfig({
  resolve: kyOverride === undefined ? {} : { alias: { ky: kyOverride } },
  test: {
    include: ['src/**/*.test.ts'],
    typecheck: { enabled: true, include: ['src/**/*.test-d.ts'] },
  },
});
