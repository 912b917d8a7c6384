import { defineConfig, mergeConfig } from 'vitest/config';
import { packageTests } from '../../vitest.shared';

/** The tests that need no Redis: the real-Redis suites run with `pnpm test:redis`. */
export default mergeConfig(
  packageTests,
  defineConfig({ test: { exclude: ['src/**/*.redis.test.ts', 'node_modules/**'] } }),
);
