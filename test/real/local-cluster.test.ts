import { $ } from 'zx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apply, busyboxPod, createNamespace, ensureCluster, eventually, exec, kubectl, kubectlOk, waitReady } from './helpers/local-cluster.ts';

// Smoke tests of the local provider on a real cluster: what the scenarios and
// the grader rely on. The cluster is brought up (or found up) first.
let ns = '';

beforeAll(async () => {
  await ensureCluster();
  ns = await createNamespace('kd-smoke');
  await apply(ns, busyboxPod({ name: 'web', command: 'mkdir -p /www && echo ok > /www/index.html && exec httpd -f -p 8080 -h /www' }));
  await apply(ns, busyboxPod({ name: 'client', command: 'echo hello-from-logs; exec sleep 3600' }));
  await apply(
    ns,
    `apiVersion: v1
kind: Service
metadata: { name: web }
spec: { selector: { app: web }, ports: [{ port: 80, targetPort: 8080 }] }
`,
  );
  await waitReady(ns, 'web');
  await waitReady(ns, 'client');
});

afterAll(async () => {
  if (ns) await kubectl(['delete', 'namespace', ns, '--wait=false']);
});

/** nc's exit code from the client pod: 0 when the port answers, 1 when refused or blocked. */
async function connect(target: string, port: number): Promise<number> {
  return (await exec(ns, 'client', `nc -w 2 ${target} ${port} </dev/null`)).exitCode;
}

describe('local cluster', () => {
  it('runs a pod', async () => {
    expect(await kubectlOk(['-n', ns, 'get', 'pod', 'client', '-o', 'jsonpath={.status.phase}'])).toBe('Running');
  });

  it('reaches a Service by its DNS name from another pod', async () => {
    await eventually('web Service by name', 60_000, async () => ((await connect('web', 80)) === 0 ? true : undefined));
    expect(await connect(`web.${ns}.svc.cluster.local`, 80)).toBe(0);
    const lookup = await exec(ns, 'client', 'nslookup kubernetes.default.svc.cluster.local');
    expect(lookup.stdout).toContain('10.96.0.1');
  });

  it('blocks egress under a default-deny policy and re-opens it with an allow rule', async () => {
    const webIp = await kubectlOk(['-n', ns, 'get', 'pod', 'web', '-o', 'jsonpath={.status.podIP}']);
    expect(await connect(webIp, 8080)).toBe(0);
    await apply(
      ns,
      `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: default-deny-egress }
spec: { podSelector: {}, policyTypes: [Egress] }
`,
    );
    await eventually('egress blocked', 60_000, async () => ((await connect(webIp, 8080)) === 1 ? true : undefined));
    await apply(
      ns,
      `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: allow-web }
spec:
  podSelector: { matchLabels: { app: client } }
  policyTypes: [Egress]
  egress:
  - to: [{ podSelector: { matchLabels: { app: web } } }]
    ports: [{ port: 8080, protocol: TCP }]
  - to: [{ namespaceSelector: { matchLabels: { kubernetes.io/metadata.name: kube-system } }, podSelector: { matchLabels: { k8s-app: kube-dns } } }]
    ports: [{ port: 53, protocol: UDP }, { port: 53, protocol: TCP }]
`,
    );
    await eventually('egress re-opened', 60_000, async () => ((await connect(webIp, 8080)) === 0 ? true : undefined));
    await eventually('Service by name allowed (DNS rule)', 60_000, async () => ((await connect('web', 80)) === 0 ? true : undefined));
    await kubectlOk(['-n', ns, 'delete', 'networkpolicy', 'default-deny-egress', 'allow-web']);
  });

  it('OOM-kills a container over its memory limit', async () => {
    await apply(ns, busyboxPod({ name: 'hog', command: 'dd if=/dev/zero of=/dev/null bs=200M count=1', memoryLimit: '32Mi', restartPolicy: 'Never' }));
    const reason = await eventually('hog terminated', 120_000, async () => {
      const value = await kubectlOk(['-n', ns, 'get', 'pod', 'hog', '-o', 'jsonpath={.status.containerStatuses[0].state.terminated.reason}']);
      return value || undefined;
    });
    expect(reason).toBe('OOMKilled');
  });

  it('fails an unknown tag fast with "not found"', async () => {
    const started = Date.now();
    await apply(ns, busyboxPod({ name: 'badtag', command: 'sleep 3600', image: 'busybox:0.0-does-not-exist' }));
    const waiting = await eventually('image pull failure', 60_000, async () => {
      const out = await kubectlOk(['-n', ns, 'get', 'pod', 'badtag', '-o', 'jsonpath={.status.containerStatuses[0].state.waiting.reason}|{.status.containerStatuses[0].state.waiting.message}']);
      const [reason = '', message = ''] = out.split('|');
      return reason === 'ErrImagePull' || reason === 'ImagePullBackOff' ? { reason, message } : undefined;
    });
    expect(waiting.message).toMatch(/not found/);
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('keeps pod traffic on the pod bridge (egress guard), while the host itself gets through', async () => {
    // A listener on a veth into a network namespace of our own: nothing leaves the machine
    // even if the guard failed. The host reaches it (OUTPUT); a pod must not (FORWARD).
    const sh = $({ quiet: true, nothrow: true });
    await sh`ip netns add kdguard`;
    try {
      await sh`ip link add kdg0 type veth peer name kdg1 netns kdguard`;
      await sh`ip addr add 198.51.100.1/24 dev kdg0`;
      await sh`ip link set kdg0 up`;
      await sh`ip -n kdguard addr add 198.51.100.7/24 dev kdg1`;
      await sh`ip -n kdguard link set kdg1 up`;
      const listener = sh`ip netns exec kdguard busybox sh -c ${'while true; do busybox nc -l -p 8080 </dev/null; done'}`;
      try {
        await eventually('host reaches the listener', 20_000, async () => ((await sh`busybox nc -w 2 198.51.100.7 8080 </dev/null`).exitCode === 0 ? true : undefined));
        expect(await connect('198.51.100.7', 8080)).toBe(1);
      } finally {
        // Every process of the listener lives in the namespace: kill them by pid.
        const pids = (await sh`ip netns pids kdguard`).stdout.split('\n').filter(Boolean);
        for (const pid of pids) process.kill(Number(pid), 'SIGKILL');
        await listener;
      }
    } finally {
      await sh`ip link del kdg0`;
      await sh`ip netns del kdguard`;
    }
  });

  it('resolves cluster names only: no upstream forwarding in CoreDNS', async () => {
    const corefile = await kubectlOk(['-n', 'kube-system', 'get', 'configmap', 'coredns', '-o', 'jsonpath={.data.Corefile}']);
    expect(corefile).toContain('kubernetes cluster.local');
    expect(corefile).not.toMatch(/forward|proxy/);
    const labels = await kubectlOk(['-n', 'kube-system', 'get', 'pods', '-l', 'k8s-app=kube-dns', '-o', 'name']);
    expect(labels).toMatch(/coredns/);
  });

  it('serves logs and exec', async () => {
    expect(await kubectlOk(['-n', ns, 'logs', 'client'])).toContain('hello-from-logs');
    const result = await exec(ns, 'client', 'echo exec-works && hostname');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('exec-works');
    expect(result.stdout).toContain('client');
  });
});
