/**
 * Record grader fixtures of every workload kind (StatefulSet, DaemonSet, Job,
 * CronJob, bare Pod), claims, log reads and access reviews from the running
 * cluster — the cases of test/real/kinds-cases.ts — into
 * grader/fixtures/kinds/<case>.json (grader/checks/*.kinds.test.ts replay them).
 *
 *   node test/real/record-kinds.ts [--kubeconfig <path>] [case ...]
 *
 * Each case gets its own namespace kd-kinds-<case>, deleted afterwards with
 * any PersistentVolume it made. Never brings a cluster up. Only busybox:1.36.
 */
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { localBinDir } from '../../cluster/local/index.ts';
import { grade } from '../../grader/index.ts';
import { parseImage } from '../../grader/image.ts';
import type { RecordedAccess, RecordedLog, Fixture } from '../../grader/fixtures/replay.ts';
import type { Probe, Snapshot, Verdict } from '../../grader/types.ts';
import { probeFor } from '../../src/engine/grade.ts';
import { connect, sleep, type Kube } from '../../src/kube/client.ts';
import { BASE_KINDS, type SnapshotKind } from '../../src/kube/kinds.ts';
import { repoRoot } from '../../src/scenario/paths.ts';
import { cases, type KindsCase, type Wait } from './kinds-cases.ts';

const args = process.argv.slice(2);
const at = args.indexOf('--kubeconfig');
const kubeconfig = at >= 0 ? args.splice(at, 2)[1]! : (process.env.KUBECONFIG ?? '/tmp/kd/kc');
const wanted = args.length ? cases.filter((c) => args.includes(c.name)) : cases;
const kube = connect({ kubeconfig });
const kubectl = join(localBinDir(), 'kubectl');
const outDir = join(repoRoot, 'grader', 'fixtures', 'kinds');
const kinds: SnapshotKind[] = [
  ...BASE_KINDS,
  ...(['statefulSets', 'daemonSets', 'jobs', 'cronJobs', 'secrets', 'persistentVolumeClaims', 'persistentVolumes', 'storageClasses', 'serviceAccounts', 'roles', 'roleBindings', 'clusterRoles', 'clusterRoleBindings'] as const),
];
const log = (line: string): void => void process.stderr.write(`${line}\n`);

await kube.ping();
await mkdir(outDir, { recursive: true });
for (const c of wanted) await record(c);

async function record(c: KindsCase): Promise<void> {
  const ns = `kd-kinds-${c.name}`;
  const volumes = c.manifests.filter((m) => m.kind === 'PersistentVolume').map((m) => m.metadata.name);
  await clean(ns, volumes);
  log(`${c.name}: namespace ${ns}`);
  await kube.createNamespace(ns, { 'kd-kinds/recorder': 'true', ...c.namespaceLabels }, {});
  try {
    await kube.apply(c.manifests, ns);
    for (const step of c.steps ?? []) {
      await until(ns, step.after, `${c.name}: before ${step.what}`);
      log(`${c.name}: ${step.what}`);
      if (step.apply) await kube.apply(step.apply, ns);
      if (step.kubectl) await promisify(execFile)(kubectl, ['-n', ns, ...step.kubectl], { env: { ...process.env, KUBECONFIG: kubeconfig } });
    }
    const snapshot = await until(ns, c.until, c.name);
    const probe = recording(kube, ns, snapshot);
    // RBAC reaches the authorizer a moment after the binding is written: grade access reviews until they settle.
    // Other checks are graded once, right after the snapshot (a crash-looping pod's previous log goes stale).
    const settle = c.checks.every((k) => k.kind === 'accessReview');
    let verdicts: Verdict[] = [];
    for (let tries = 0; tries < (settle ? 10 : 1); tries++) {
      probe.reset();
      verdicts = await grade(c.checks, { snapshot, probe, injected: c.manifests, fingerprint: {} });
      if (verdicts.every((v) => v.passed)) break;
      await sleep(1000);
    }
    for (const v of verdicts) log(`  ${v.passed ? 'pass' : 'FAIL'} ${v.id}: ${v.reason}`);
    const fixture: Fixture = {
      description: `${c.description} (namespace ${ns}, recorded ${new Date().toISOString()} by test/real/record-kinds.ts)`,
      snapshot: slim(snapshot),
      exec: [],
      ...(probe.logsRead.length ? { logs: ordered(probe.logsRead, snapshot) } : {}),
      ...(probe.reviews.length ? { access: probe.reviews } : {}),
      injected: c.manifests,
      fingerprint: {},
    };
    await writeFile(join(outDir, `${c.name}.json`), `${JSON.stringify(fixture, null, 1)}\n`);
    log(`${c.name}: wrote grader/fixtures/kinds/${c.name}.json`);
  } finally {
    await clean(ns, volumes);
  }
}

/** Poll snapshots until `wait` holds (4 minutes at most); the snapshot that saw it. */
async function until(ns: string, wait: Wait, what: string): Promise<Snapshot> {
  const deadline = Date.now() + 240_000;
  for (;;) {
    const snapshot = await kube.snapshot(ns, kinds);
    const missing = wait(snapshot);
    if (missing === undefined) return snapshot;
    if (Date.now() > deadline) throw new Error(`${what}: still waiting for ${missing}`);
    await sleep(2000);
  }
}

async function clean(ns: string, volumes: string[]): Promise<void> {
  await kube.deleteNamespace(ns);
  for (const pv of volumes) await kube.deleteClusterObject('PersistentVolume', pv);
}

/**
 * The engine's real probe, keeping each distinct log read (its container
 * named, so a replay of a pod with several containers cannot mix them up) and
 * each distinct access review. Exec and anything else run unrecorded.
 */
function recording(kube: Kube, ns: string, snapshot: Snapshot): Probe & { logsRead: RecordedLog[]; reviews: RecordedAccess[]; reset(): void } {
  const first = (pod: string): string | undefined => snapshot.pods.find((p) => p.metadata?.name === pod)?.spec?.containers[0]?.name;
  const logsRead: RecordedLog[] = [];
  const reviews: RecordedAccess[] = [];
  return {
    ...probeFor(kube, ns, snapshot),
    logsRead,
    reviews,
    reset() {
      logsRead.length = 0;
      reviews.length = 0;
    },
    async logs(target, options = {}) {
      const container = target.container ?? first(target.pod);
      const text = await kube.logs(ns, target.pod, container, options);
      const entry: RecordedLog = { pod: target.pod, ...(container ? { container } : {}), ...(options.previous ? { previous: true } : {}), ...(options.tail ? { tail: options.tail } : {}), text };
      if (!logsRead.some((l) => JSON.stringify({ ...l, text: '' }) === JSON.stringify({ ...entry, text: '' }))) logsRead.push(entry);
      return text;
    },
    async access(question) {
      const answer = await kube.access(question);
      if (!reviews.some((r) => JSON.stringify(r.question) === JSON.stringify(question))) reviews.push({ question, answer });
      return answer;
    },
  };
}

// A read without a container replays the pod's first recording: put each pod's first container first.
function ordered(logs: RecordedLog[], snapshot: Snapshot): RecordedLog[] {
  const index = (l: RecordedLog): number => snapshot.pods.find((p) => p.metadata?.name === l.pod)?.spec?.containers.findIndex((c) => c.name === l.container) ?? 0;
  return [...logs].sort((a, b) => a.pod.localeCompare(b.pod) || index(a) - index(b));
}

// No managedFields; a node's images only for busybox (what the pods run).
function slim(snapshot: Snapshot): Snapshot {
  const copy = JSON.parse(JSON.stringify(snapshot, (key, value) => (key === 'managedFields' ? undefined : value))) as Snapshot;
  for (const node of copy.nodes) {
    if (node.status?.images) node.status.images = node.status.images.filter((i) => (i.names ?? []).some((n) => parseImage(n).repository.endsWith('busybox')));
  }
  return copy;
}
