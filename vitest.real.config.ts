import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// Real-cluster tests: need a cluster up (test/real/run.sh brings it up first).
// Long timeouts; files run one at a time so cluster-wide state does not race.
// `start` merges the cluster's context into the learner's kubeconfig: run on
// its own, a temporary KUBECONFIG keeps the machine's ~/.kube/config as it is.
export default defineConfig({
  test: {
    include: ['test/real/**/*.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 1_800_000,
    fileParallelism: false,
    env: { KUBECONFIG: process.env.KUBECONFIG ?? join(tmpdir(), `kubedrill-real-tests-${process.pid}`, 'kubeconfig') },
  },
});
