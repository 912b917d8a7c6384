// The package's `test` runs what needs no Redis; this line says what it left out, and where it runs.
console.log(
  'Left out here: the suites against a real Redis (src/**/*.redis.test.ts). They start redis-server themselves: run `pnpm test:redis` (CI does).',
);
