import { defineConfig } from 'vitest/config';

/**
 * The suites that run against a real `redis-server` they start themselves, with worker
 * processes: one file at a time, as each one starts its own server and fleet.
 */
export default defineConfig({
  test: {
    include: ['src/**/*.redis.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 30_000,
  },
});
