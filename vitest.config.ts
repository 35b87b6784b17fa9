import { defineConfig } from 'vitest/config';

// Unit tests: next to the code, no cluster. Real-cluster tests live in test/real
// with their own config (vitest.real.config.ts) and long timeouts.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'grader/**/*.test.ts', 'cluster/**/*.test.ts', 'test/unit/**/*.test.ts'],
    exclude: ['test/real/**', 'node_modules/**'],
  },
});
