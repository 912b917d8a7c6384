import { fileURLToPath } from 'node:url';

const coreSource = (path) =>
  fileURLToPath(new URL(`../../packages/core/src/${path}`, import.meta.url));

/**
 * The unit suites of core, the adapters and the Redis store as one project, without type tests, for Stryker.
 * Core resolves to its source, not its build, so that the adapters' suites test core's
 * mutants too, as they test core in use.
 */
export default {
  resolve: {
    alias: [
      { find: /^@issuer-errors\/core$/, replacement: coreSource('index.ts') },
      { find: /^@issuer-errors\/core\/ky$/, replacement: coreSource('ky/index.ts') },
    ],
  },
  test: {
    include: ['packages/{core,clara,cardda,redis}/src/**/*.test.ts'],
    // The suites against a real Redis run in `pnpm test:redis`, not under Stryker.
    exclude: ['**/*.redis.test.ts', '**/node_modules/**'],
    typecheck: { enabled: false },
  },
};
