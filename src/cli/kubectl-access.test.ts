import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ClusterAccess } from '../../cluster/provider.ts';
import { probeKubectl, renderAccessLines, type AccessFacts } from './kubectl-access.ts';

const local: ClusterAccess = { provider: 'local', kubeconfig: '/kd/local/kubeconfig', context: 'kubedrill-local' };
const kind: ClusterAccess = { provider: 'kind', kubeconfig: '/kd/kind/kubeconfig', context: 'kind-kubedrill' };
const existing: ClusterAccess = { provider: 'existing', kubeconfig: '/home/me/.kube/config', context: 'prod' };
const file = '/root/.kube/config';
const current = (access: ClusterAccess): AccessFacts['lookup'] => ({ chain: [file], file, current: access.context });
const good = { path: '/usr/local/bin/kubectl', version: 'v1.36.0' };
const old = { path: '/usr/bin/kubectl', version: 'v1.32.4-dispatcher' };

describe('renderAccessLines', () => {
  it.each<[string, AccessFacts, string[]]>([
    ['local, matching kubectl', { access: local, lookup: current(local), kubectl: good, serverVersion: 'v1.36.3', matchingDir: '/kd/bin' }, [
      'kubectl context: kubedrill-local (merged into /root/.kube/config; kubectl works in this shell)',
    ]],
    ['local, old kubectl on PATH', { access: local, lookup: current(local), kubectl: old, serverVersion: 'v1.36.3', matchingDir: '/kd/bin' }, [
      'kubectl context: kubedrill-local (merged into /root/.kube/config)',
      'WARNING: kubectl on PATH is /usr/bin/kubectl: kubectl v1.32.4-dispatcher is 4 minor versions older than the server v1.36.3 (kubectl supports one minor version either way); fix: eval "$(kubedrill env)" puts kubectl v1.36.3 first on PATH, or use `kubedrill shell`',
    ]],
    ['local, no kubectl on PATH', { access: local, lookup: current(local), kubectl: {}, serverVersion: 'v1.36.3', matchingDir: '/kd/bin' }, [
      'kubectl context: kubedrill-local (merged into /root/.kube/config)',
      'WARNING: no kubectl on PATH; fix: eval "$(kubedrill env)" puts kubectl v1.36.3 first on PATH, or use `kubedrill shell`',
    ]],
    ['kind, old kubectl', { access: kind, lookup: current(kind), kubectl: old, serverVersion: 'v1.36.1' }, [
      'kubectl context: kind-kubedrill (merged by kind into /root/.kube/config)',
      'WARNING: kubectl on PATH is /usr/bin/kubectl: kubectl v1.32.4-dispatcher is 4 minor versions older than the server v1.36.1 (kubectl supports one minor version either way); fix: install kubectl v1.36.x: https://kubernetes.io/docs/tasks/tools/',
    ]],
    ['kind, no kubectl and no server version', { access: kind, lookup: current(kind), kubectl: {} }, [
      'kubectl context: kind-kubedrill (merged by kind into /root/.kube/config)',
      'WARNING: no kubectl on PATH; fix: install kubectl matching the server: https://kubernetes.io/docs/tasks/tools/',
    ]],
    ['kind, context removed from the kubeconfig', { access: kind, lookup: { chain: ['/a', '/b'] }, kubectl: good, serverVersion: 'v1.36.1' }, [
      'kubectl context: kind-kubedrill is not in /a:/b; fix: kind export kubeconfig --name kubedrill',
    ]],
    ['existing, another context current', { access: existing, lookup: { chain: [file], file, current: 'staging' }, kubectl: good, serverVersion: 'v1.35.2' }, [
      'kubectl context: prod (from /root/.kube/config; the current context is staging: kubectl config use-context prod)',
    ]],
    ['existing, no current context, kubectl too new', { access: existing, lookup: { chain: [file], file }, kubectl: { path: '/k', version: 'v1.36.0' }, serverVersion: 'v1.33.1' }, [
      'kubectl context: prod (from /root/.kube/config; the current context is not set: kubectl config use-context prod)',
      'WARNING: kubectl on PATH is /k: kubectl v1.36.0 is 3 minor versions newer than the server v1.33.1 (kubectl supports one minor version either way); fix: install kubectl v1.33.x: https://kubernetes.io/docs/tasks/tools/',
    ]],
    ['server version unknown: no warning', { access: existing, lookup: current(existing), kubectl: old }, [
      'kubectl context: prod (from /root/.kube/config; kubectl works in this shell)',
    ]],
  ])('%s', (_, facts, lines) => {
    expect(renderAccessLines(facts)).toEqual(lines);
  });
});

describe('probeKubectl', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kd-kubectl-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const fake = (name: string, script: string): string => {
    const folder = path.join(dir, name);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, 'kubectl'), `#!/bin/sh\n${script}\n`);
    chmodSync(path.join(folder, 'kubectl'), 0o755);
    return folder;
  };

  it.each([
    ['a kubectl that answers', 'echo \'{"clientVersion":{"gitVersion":"v1.32.4-dispatcher"}}\'', { version: 'v1.32.4-dispatcher' }],
    ['a kubectl that fails', 'exit 1', { version: undefined }],
  ])('%s', async (name, script, expected) => {
    const folder = fake(name.replace(/\W/g, '-'), script);
    const probe = await probeKubectl({ PATH: `/nonexistent:${folder}` });
    expect(probe).toEqual({ path: path.join(folder, 'kubectl'), ...expected });
  });

  it('no kubectl on PATH', async () => {
    expect(await probeKubectl({ PATH: dir })).toEqual({});
  });
});
