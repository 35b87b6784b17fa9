import { defineConfig } from 'vitest/config';

// Real-cluster tests: need a cluster up (test/real/run.sh brings it up first).
// Long timeouts; files run one at a time so cluster-wide state does not race.
export default defineConfig({
  test: {
    include: ['test/real/**/*.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 1_800_000,
    fileParallelism: false,
  },
});
