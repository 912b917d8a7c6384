import { defineConfig } from 'vitest/config';

/** The generated-docs check: renders every generated doc and compares it with the committed one. */
export default defineConfig({ test: { include: ['src/**/*.test.ts'] } });
