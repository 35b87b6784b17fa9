import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { CoreV1Api, KubeConfig, RbacAuthorizationV1Api } from '@kubernetes/client-node';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Settings } from '../../src/home.ts';
import { grantSeat, seatKubeconfig, seatToken, tokenExpiry, WORKSHOP_LABEL } from '../../src/workshop/seat-access.ts';
import { clusterKubectl } from './helpers/kubectl-path.ts';

// A workshop seat's credentials on the real cluster: a token from the
// TokenRequest API that expires when asked and dies with its ServiceAccount,
// and rights in the seat's own namespaces only (workshop mode, issue 17).
const ambientHome = process.env.KUBEDRILL_HOME || join(homedir(), '.kubedrill');
const settings = JSON.parse(readFileSync(join(ambientHome, 'settings.json'), 'utf8')) as Settings;
const kubectlBin = clusterKubectl();
const dir = mkdtempSync(join(tmpdir(), 'kd-real-seat-'));
const workshop = `wst${process.pid % 10000}`;
const control = `${workshop}-control`;
const ns = (seat: string): string => `${workshop}-${seat}-tasks`;
const kc = new KubeConfig();
kc.loadFromFile(settings.kubeconfig!);
if (settings.context) kc.setCurrentContext(settings.context);
const apis = { core: kc.makeApiClient(CoreV1Api), rbac: kc.makeApiClient(RbacAuthorizationV1Api) };
const until = new Date(Date.now() + 45 * 60_000);
const files: Record<string, string> = {};

async function as(seat: string, ...args: string[]): Promise<{ code: number; out: string }> {
  const r = await execa(kubectlBin, ['--kubeconfig', files[seat]!, ...args], { reject: false, timeout: 60_000 });
  return { code: r.exitCode ?? -1, out: `${String(r.stdout)}${String(r.stderr)}` };
}

beforeAll(async () => {
  const labels = { [WORKSHOP_LABEL]: workshop };
  for (const name of [control, ns('s1'), ns('s2')]) await apis.core.createNamespace({ body: { metadata: { name, labels } } });
  const cluster = kc.getCurrentCluster()!;
  for (const seat of ['s1', 's2']) {
    await grantSeat(apis, { workshop, control, seat, namespaces: [ns(seat)] });
    // Twice: create is idempotent.
    await grantSeat(apis, { workshop, control, seat, namespaces: [ns(seat)] });
    const { token } = await seatToken(apis, { control, seat }, until);
    files[seat] = join(dir, `${seat}.kubeconfig`);
    writeFileSync(files[seat]!, seatKubeconfig({ workshop, seat, server: cluster.server, certificateAuthorityData: cluster.caData, token, namespace: ns(seat) }), { mode: 0o600 });
  }
});

afterAll(async () => {
  for (const name of [control, ns('s1'), ns('s2')]) await apis.core.deleteNamespace({ name }).catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

describe('a workshop seat on the real cluster', () => {
  it('works in its own namespace', async () => {
    expect((await as('s1', 'create', 'configmap', 'notes', '--from-literal=a=b')).code).toBe(0);
    expect((await as('s1', 'get', 'configmap', 'notes', '-o', 'name')).out).toContain('configmap/notes');
    expect((await as('s1', 'create', 'deployment', 'web', '--image=busybox:1.36', '--', 'sleep', '3600')).code).toBe(0);
  });

  it.each([
    ['read another seat\'s namespace', ['-n', ns('s2'), 'get', 'pods']],
    ['write another seat\'s namespace', ['-n', ns('s2'), 'create', 'configmap', 'x']],
    ['read the control namespace', ['-n', control, 'get', 'serviceaccounts']],
    ['take another seat\'s token', ['-n', control, 'create', 'token', 's2']],
    ['list nodes', ['get', 'nodes']],
    ['list namespaces', ['get', 'namespaces']],
    ['create a PriorityClass', ['create', 'priorityclass', `${workshop}-high`, '--value=1000']],
    ['bind itself cluster-admin', ['create', 'clusterrolebinding', `${workshop}-me`, '--clusterrole=cluster-admin', `--serviceaccount=${control}:s1`]],
  ])('is refused: %s', async (_what, args) => {
    const r = await as('s1', ...args);
    expect(r.code).not.toBe(0);
    expect(r.out).toMatch(/Forbidden|forbidden/);
  });

  it('holds a token that expires when the workshop ends and dies with its ServiceAccount', async () => {
    const token = /token: (\S+)/.exec(readFileSync(files.s2!, 'utf8'))![1]!;
    const exp = tokenExpiry(token)!;
    expect(Math.abs(exp.getTime() - until.getTime())).toBeLessThan(5_000);
    expect((await as('s2', 'get', 'configmaps')).code).toBe(0);
    await apis.core.deleteNamespacedServiceAccount({ name: 's2', namespace: control });
    // The API server caches a successful token authentication for 10 s: revoked once that entry expires.
    const deleted = Date.now();
    let r = await as('s2', 'get', 'configmaps');
    while (r.code === 0 && Date.now() - deleted < 30_000) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      r = await as('s2', 'get', 'configmaps');
    }
    console.log(`seat token refused ${Date.now() - deleted} ms after its ServiceAccount was deleted`);
    expect(r.code).not.toBe(0);
    expect(r.out).toMatch(/Unauthorized|must be logged in/);
    expect(Date.now() - deleted).toBeLessThan(15_000);
  });
});
