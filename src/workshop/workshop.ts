import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AdmissionregistrationV1Api, CoreV1Api, KubeConfig, RbacAuthorizationV1Api, SchedulingV1Api } from '@kubernetes/client-node';
import type { Progress } from '../../cluster/progress.ts';
import type { ClusterAccess } from '../../cluster/provider.ts';
import { MANAGED_BY, type AttemptRecord } from '../attempt/record.ts';
import { startAttempt } from '../attempt/lifecycle.ts';
import { readAttempt } from '../attempt/store.ts';
import { cleanupAttempt } from '../engine/cleanup.ts';
import { Semaphore } from '../engine/semaphore.ts';
import type { ScenarioView } from '../engine/scenario-view.ts';
import type { Kube } from '../kube/client.ts';
import { isNotFound, sleep } from '../kube/client.ts';
import { seatNames, seatTasks, sharedClusterProblem, type SeatTask } from './plan.ts';
import { RoomWatcher } from './board.ts';
import { footprint, freeRoom, roomProblem, SEAT_LIMITS_NAME, seatLimitObjects, seatLimits, seatPodSecurity } from './seat-limits.ts';
import { guardrailObjects, guardrailProblem, guardrailRefs, seatClasses } from './guardrails.ts';
import { imagesProblem, networkPolicyProblem } from './preflight.ts';
import { grantSeat, SEAT_LABEL, seatKubeconfig, seatToken, WORKSHOP_LABEL, type SeatApis } from './seat-access.ts';

export { seatTasks, type SeatTask };

/** What `workshop create` stores on the control namespace: the plan every other workshop command reads. */
export interface WorkshopRecord {
  name: string;
  /** The control namespace: the seats' ServiceAccounts and this record; learners have no rights here. */
  control: string;
  seats: string[];
  /** Scenario ids, in the order the tasks are handed out. */
  scenarios: string[];
  createdAt: string;
  /** When the workshop ends (the seats' credentials work CREDENTIAL_MARGIN_MS longer). */
  endsAt: string;
}

const RECORD = 'kubedrill.io/workshop-record';
/** Tasks `create` injects at once (measured: bench/workshop.ts). */
const CREATE_AT_ONCE = 4;
/** Seats `end` cleans up at once. */
const END_AT_ONCE = 6;
/** Credentials outlive the announced end by this much: a learner finishing the last minute is not cut off mid-command. */
export const CREDENTIAL_MARGIN_MS = 10 * 60_000;
const WORKSHOP_NAME = /^[a-z0-9]([-a-z0-9]{0,18}[a-z0-9])?$/;

/** The control namespace of workshop `name`. */
export function controlNamespace(name: string): string {
  return `kubedrill-ws-${name}`;
}

/**
 * Why these scenarios cannot be a workshop's tasks, or undefined: a
 * scenario that puts anything outside its namespaces (sharedClusterProblem),
 * or that spans several namespaces (a seat's copy would need each renamed
 * with the seat, which the briefs do not say yet).
 */
export function workshopProblem(scenarios: Pick<ScenarioView, 'id' | 'exclusive' | 'inject' | 'manifests' | 'namespaces'>[]): string | undefined {
  for (const s of scenarios) {
    const shared = sharedClusterProblem(s);
    if (shared) return `${s.id} cannot be a workshop task: ${shared}`;
    if (Object.keys(s.namespaces ?? {}).length > 0) return `${s.id} cannot be a workshop task yet: it spans several namespaces, and a seat's copy of each is not renamed in its brief`;
  }
  return undefined;
}

/** The Kubernetes APIs a workshop uses beside Kube, from the instructor's own kubeconfig. */
export function workshopApis(access: ClusterAccess): { core: CoreV1Api; rbac: RbacAuthorizationV1Api; admission: AdmissionregistrationV1Api; server: string; caData?: string } {
  const kc = new KubeConfig();
  kc.loadFromFile(access.kubeconfig);
  kc.setCurrentContext(access.context);
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new Error(`kubeconfig ${access.kubeconfig} has no cluster for context ${access.context}`);
  return { core: kc.makeApiClient(CoreV1Api), rbac: kc.makeApiClient(RbacAuthorizationV1Api), admission: kc.makeApiClient(AdmissionregistrationV1Api), server: cluster.server, ...(cluster.caData ? { caData: cluster.caData } : {}) };
}

export interface CreateOptions {
  kube: Kube;
  apis: SeatApis & { server: string; caData?: string };
  name: string;
  seats?: number;
  learners?: string[];
  /** The tasks, with the images their pods run (the preflight starts each on every node). */
  scenarios: (ScenarioView & { images: string[] })[];
  /** The workshop's length. */
  minutes: number;
  /** Where each seat's kubeconfig is written (`<seat>.kubeconfig`). */
  outDir: string;
  progress: Progress;
  signal?: AbortSignal;
  now?: Date;
}

/**
 * Create (or finish creating) a workshop on the current cluster: first a
 * check that the room fits the nodes' free pods and memory, then the control
 * namespace with the plan, then per seat every task injected into
 * `<seat>-<namespace>` (PodSecurity baseline, a LimitRange and a quota) with
 * its symptom confirmed, the seat's ServiceAccount
 * and `admin` bindings in its namespaces only, and a kubeconfig whose token
 * dies at the end (or with the ServiceAccount). Run again, it keeps what
 * stands — tasks already started, the plan's seats and end — and makes the
 * rest, so an interrupted create is finished by running it again.
 */
export async function createWorkshop(options: CreateOptions): Promise<{ record: WorkshopRecord; kubeconfigs: Record<string, string> }> {
  const { kube, apis, name, progress } = options;
  if (!WORKSHOP_NAME.test(name)) throw new WorkshopError(`workshop name ${JSON.stringify(name)} must be a DNS label of at most 20 characters (lower-case letters, digits, '-')`);
  const problem = workshopProblem(options.scenarios);
  if (problem) throw new WorkshopError(problem);
  const control = controlNamespace(name);
  const existing = await readWorkshop(kube, name);
  const now = options.now ?? new Date();
  const record: WorkshopRecord = existing ?? {
    name,
    control,
    seats: seatsOf(options),
    scenarios: options.scenarios.map((s) => s.id),
    createdAt: now.toISOString(),
    endsAt: new Date(now.getTime() + options.minutes * 60_000).toISOString(),
  };
  if (existing && existing.scenarios.join(',') !== options.scenarios.map((s) => s.id).join(',')) {
    throw new WorkshopError(`workshop ${name} exists with scenarios ${existing.scenarios.join(', ')}`, `kubedrill workshop end ${name} first, or create it with the same scenarios`);
  }
  if (!existing) {
    const room = roomProblem(record.seats.length, options.scenarios.map(footprint), freeRoom(await kube.listNodes(), await kube.listAllPods()));
    if (room) throw new WorkshopError(room, 'fewer seats, or a cluster with more nodes (an existing one: kubedrill up --provider existing)');
    await kube.createNamespace(control, { [MANAGED_BY]: 'kubedrill', [WORKSHOP_LABEL]: name }, { [RECORD]: JSON.stringify(record) });
  }
  const guardrails = (): Promise<void> => progress.step('guardrails: seats make only their own PriorityClasses, never change the workshop\'s objects', () => makeGuardrails(kube, apis, record));
  if (existing) await guardrails();
  else {
    try {
      await guardrails();
      await preflight(kube, record, options.scenarios, progress);
    } catch (error) {
      // Nothing of a refused room stays: no seat's task was injected yet.
      for (const { kind, name } of guardrailRefs(record.name)) await kube.deleteClusterObject(kind, name).catch(() => undefined);
      await kube.deleteNamespace(control, 0).catch(() => undefined);
      throw error;
    }
  }
  // A few tasks at once: each mostly waits for its pods and its symptom. After a failure no task
  // starts, and the ones under way finish (or clean up, on Ctrl-C) before the create reports it.
  const pool = new Semaphore(CREATE_AT_ONCE);
  const failures: unknown[] = [];
  await Promise.all(
    seatTasks(record, options.scenarios).map((task) =>
      pool.run(async () => {
        if (failures.length > 0 || options.signal?.aborted) return;
        try {
          const have = await readAttempt(kube, task.namespace).catch(() => undefined);
          if (have && have.state === 'active') return;
          await progress.step(`${task.seat}: ${task.scenario} in ${task.namespace}`, () => startSeatTask(kube, record, options.scenarios, task, progress, options.signal));
        } catch (error) {
          failures.push(error);
        }
      }),
    ),
  );
  options.signal?.throwIfAborted();
  if (failures.length > 0) throw failures[0];
  return { record, kubeconfigs: await issueKubeconfigs(apis, record, options.scenarios, options.outDir) };
}

/**
 * The workshop's guardrails (guardrails.ts), then the first seat's identity,
 * which proves them: its dry-run PriorityClass outside its prefix must be
 * refused by the policy before any task is injected.
 */
async function makeGuardrails(kube: Kube, apis: CreateOptions['apis'], record: WorkshopRecord): Promise<void> {
  try {
    await kube.apply(guardrailObjects(record.name, record.control), record.control);
  } catch (error) {
    if (/could not find the requested resource|404/.test(String((error as Error)?.message))) {
      throw new WorkshopError('this cluster does not serve ValidatingAdmissionPolicies (admissionregistration.k8s.io/v1, Kubernetes ≥ 1.30): a workshop cannot hold seats to their own PriorityClasses and objects', 'a cluster of Kubernetes 1.30 or later');
    }
    throw error;
  }
  const seat = record.seats[0]!;
  await grantSeat(apis, { workshop: record.name, control: record.control, seat, namespaces: [] });
  const { token } = await seatToken(apis, { control: record.control, seat }, new Date());
  const scheduling = seatClient(apis, token).makeApiClient(SchedulingV1Api);
  const problem = await guardrailProblem((name) => scheduling.createPriorityClass({ body: { metadata: { name }, value: 1 }, dryRun: 'All' }).then(() => undefined), record.name);
  if (problem) throw new WorkshopError(problem, 'a cluster that enforces ValidatingAdmissionPolicies (any Kubernetes ≥ 1.30 with its default admission plugins)');
}

/**
 * What the cluster must do for the tasks, proven before any is injected
 * (preflight.ts): their images start on every seat node, and NetworkPolicies
 * are enforced when a task's manifests hold one. The probes run in a
 * namespace of their own, deleted afterwards; a problem ends the create
 * (which then removes the control namespace and the guardrails).
 */
async function preflight(kube: Kube, record: WorkshopRecord, scenarios: CreateOptions['scenarios'], progress: Progress): Promise<void> {
  const namespace = `${record.control}-preflight`;
  const images = [...new Set(scenarios.flatMap((s) => s.images))];
  const policies = scenarios.filter((s) => s.injected.some((o) => o.kind === 'NetworkPolicy'));
  let problem: string | undefined;
  try {
    await kube.createNamespace(namespace, { [MANAGED_BY]: 'kubedrill', [WORKSHOP_LABEL]: record.name }, {});
    problem = await progress.step(`preflight: ${images.length} image(s) start on every seat node`, async () => imagesProblem(kube, namespace, images, await kube.listNodes()));
    if (!problem && policies.length > 0) {
      const busybox = images.find((i) => /(^|\/)busybox(:|@|$)/.test(i));
      if (!busybox) progress.info(`NetworkPolicy enforcement not proven: no busybox image among the tasks' images (${policies.map((s) => s.id).join(', ')} depend on it)`);
      problem = await progress.step(`preflight: NetworkPolicies enforced (for ${policies.map((s) => s.id).join(', ')})`, () => networkPolicyProblem(kube, namespace, busybox));
    }
  } finally {
    await kube.deleteNamespace(namespace, 0).catch(() => undefined);
  }
  if (problem) throw new WorkshopError(problem);
}

/** An API client configuration acting as a seat: the cluster's server and CA, the seat's token, nothing of the instructor's. */
function seatClient(apis: Pick<CreateOptions['apis'], 'server' | 'caData'>, token: string): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'workshop', server: apis.server, ...(apis.caData ? { caData: apis.caData } : {}), skipTLSVerify: false }],
    users: [{ name: 'seat', token }],
    contexts: [{ name: 'seat', cluster: 'workshop', user: 'seat' }],
    currentContext: 'seat',
  });
  return kc;
}

/**
 * Each seat's rights (put back as they should be) and a fresh kubeconfig in
 * `outDir/<seat>.kubeconfig`, its token valid until the workshop's end plus
 * the margin. A token cannot be extended: `extend` issues new files.
 */
async function issueKubeconfigs(apis: CreateOptions['apis'], record: WorkshopRecord, scenarios: ScenarioView[], outDir: string): Promise<Record<string, string>> {
  await mkdir(outDir, { recursive: true });
  const kubeconfigs: Record<string, string> = {};
  const until = new Date(Date.parse(record.endsAt) + CREDENTIAL_MARGIN_MS);
  const tasks = seatTasks(record, scenarios);
  for (const seat of record.seats) {
    const namespaces = tasks.filter((t) => t.seat === seat).map((t) => t.namespace);
    await grantSeat(apis, { workshop: record.name, control: record.control, seat, namespaces });
    const { token } = await seatToken(apis, { control: record.control, seat }, until);
    const file = join(outDir, `${seat}.kubeconfig`);
    await writeFile(file, seatKubeconfig({ workshop: record.name, seat, server: apis.server, ...(apis.caData ? { certificateAuthorityData: apis.caData } : {}), token, namespace: namespaces[0]! }), { mode: 0o600 });
    kubeconfigs[seat] = file;
  }
  return kubeconfigs;
}

/**
 * Inject a seat's task (or every task of the seat) again, as `kubedrill
 * reset` does for one learner: the attempt cleaned up and started afresh in
 * the same namespace, the seat's rights bound there again. Its token is
 * unchanged (the ServiceAccount stays).
 */
export async function resetSeat(options: { kube: Kube; apis: CreateOptions['apis']; record: WorkshopRecord; scenarios: ScenarioView[]; seat: string; task?: string; progress: Progress; signal?: AbortSignal }): Promise<SeatTask[]> {
  const { kube, record, progress } = options;
  if (!record.seats.includes(options.seat)) throw new WorkshopError(`workshop ${record.name} has no seat ${options.seat} (seats: ${record.seats.join(', ')})`);
  if (options.task && !record.scenarios.includes(options.task)) throw new WorkshopError(`workshop ${record.name} has no task ${options.task} (tasks: ${record.scenarios.join(', ')})`);
  const all = seatTasks(record, options.scenarios).filter((t) => t.seat === options.seat);
  const tasks = all.filter((t) => !options.task || t.scenario === options.task);
  for (const task of tasks) {
    await progress.step(`${task.seat}: ${task.scenario} again in ${task.namespace}`, async () => {
      const attempt = await readAttempt(kube, task.namespace).catch(() => undefined);
      if (attempt) await cleanupAttempt(kube, attempt, quiet(progress));
      await startSeatTask(kube, record, options.scenarios, task, progress, options.signal);
    });
  }
  await grantSeat(options.apis, { workshop: record.name, control: record.control, seat: options.seat, namespaces: all.map((t) => t.namespace) });
  return tasks;
}

/** Move the workshop's end by `minutes` and issue every seat a new kubeconfig valid until then (hand them out again). */
export async function extendWorkshop(kube: Kube, apis: CreateOptions['apis'], record: WorkshopRecord, scenarios: ScenarioView[], minutes: number, outDir: string): Promise<{ record: WorkshopRecord; kubeconfigs: Record<string, string> }> {
  const extended = { ...record, endsAt: new Date(Date.parse(record.endsAt) + minutes * 60_000).toISOString() };
  await kube.annotateNamespace(record.control, { [RECORD]: JSON.stringify(extended) });
  return { record: extended, kubeconfigs: await issueKubeconfigs(apis, extended, scenarios, outDir) };
}

/** The plan stored on the control namespace, or undefined when there is no such workshop. */
export async function readWorkshop(kube: Kube, name: string): Promise<WorkshopRecord | undefined> {
  const ns = await kube.readNamespace(controlNamespace(name));
  const text = ns?.metadata?.annotations?.[RECORD];
  if (!ns || !text || ns.status?.phase === 'Terminating') return undefined;
  return JSON.parse(text) as WorkshopRecord;
}

/** Every workshop on the cluster, by its control namespace. */
export async function listWorkshops(kube: Kube): Promise<WorkshopRecord[]> {
  const namespaces = await kube.listNamespaces(`${MANAGED_BY}=kubedrill,${WORKSHOP_LABEL}`);
  return namespaces
    .filter((ns) => ns.metadata?.annotations?.[RECORD] && ns.status?.phase !== 'Terminating')
    .map((ns) => JSON.parse(ns.metadata!.annotations![RECORD]!) as WorkshopRecord)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** One seat's task as graded now. */
export interface TaskStatus extends SeatTask {
  state: 'passed' | 'failing' | 'missing';
  points: number;
  maxPoints: number;
  /** The first failing check's reason (nothing for a pass). */
  reason?: string;
  hintsUsed: number;
  revealed: boolean;
  startedAt?: string;
  /** When a status first saw it pass (kept if it fails again later). */
  passedAt?: string;
  secondsToPass?: number;
}

/**
 * Grade every seat's every task with the instructor's identity, the checks
 * `kubedrill hint` grades with: all of the scenario's but restartsStable,
 * and no stability window (a look at the room at once, not the verdict
 * `check` gives a learner; a pod that is not stable fails podsHealthy or
 * rolloutComplete too) — the board's first refresh (board.ts: the room read
 * with one list call per kind, the first pass seen written on the attempt),
 * with a task nobody has touched reported as failing. A task whose namespace
 * or record is gone is `missing`.
 */
export async function workshopStatus(kube: Kube, record: WorkshopRecord, scenarios: ScenarioView[]): Promise<TaskStatus[]> {
  const { cells } = await new RoomWatcher(kube, record, scenarios).refresh();
  return cells.map(({ stuck: _stuck, ...cell }) => ({ ...cell, state: cell.state === 'not-started' ? 'failing' : cell.state }));
}

/** What `end` needs beside Kube: ServiceAccounts to delete, admission policies to look for afterwards. */
export interface EndApis {
  core: Pick<CoreV1Api, 'deleteNamespacedServiceAccount'>;
  admission: Pick<AdmissionregistrationV1Api, 'listValidatingAdmissionPolicy' | 'listValidatingAdmissionPolicyBinding'>;
}

/**
 * End a workshop: every seat's attempts cleaned up as `stop` would (their
 * namespaces and anything they made outside), the seats' ServiceAccounts
 * deleted so every token dies at once, the PriorityClasses seats made, the
 * guardrails and the control namespace deleted; then what still carries the
 * workshop's label, or a seat's class name, is listed (empty when all went).
 */
export async function endWorkshop(kube: Kube, apis: EndApis, record: WorkshopRecord, scenarios: ScenarioView[], progress: Progress): Promise<string[]> {
  for (const seat of record.seats) {
    await apis.core.deleteNamespacedServiceAccount({ name: seat, namespace: record.control }).catch((error: unknown) => {
      if (!isNotFound(error)) throw error;
    });
  }
  // A few seats at once: each cleanup mostly waits for its namespace to go (20 seats one by one took 222 s).
  const pool = new Semaphore(END_AT_ONCE);
  await Promise.all(
    seatTasks(record, scenarios).map((task) =>
      pool.run(async () => {
        const attempt: AttemptRecord | undefined = await readAttempt(kube, task.namespace).catch(() => undefined);
        if (attempt) await cleanupAttempt(kube, attempt, quiet(progress));
        else await kube.deleteNamespace(task.namespace).catch(() => undefined);
      }),
    ),
  );
  for (const name of seatClasses((await kube.listClusterObjects()).priorityClasses, record.seats, record.createdAt)) await kube.deletePriorityClass(name);
  for (const { kind, name } of guardrailRefs(record.name)) await kube.deleteClusterObject(kind, name);
  await kube.deleteNamespace(record.control).catch(() => undefined);
  return leftovers(kube, apis, record);
}

/** Everything of workshop `record` still standing: labelled namespaces, cluster roles, bindings and policies, and seats' PriorityClasses. */
async function leftovers(kube: Kube, apis: EndApis, record: WorkshopRecord): Promise<string[]> {
  const selector = `${WORKSHOP_LABEL}=${record.name}`;
  const ours = (o: { metadata?: { labels?: Record<string, string> } }): boolean => o.metadata?.labels?.[WORKSHOP_LABEL] === record.name;
  const [namespaces, cluster, policies, bindings] = await Promise.all([
    kube.listNamespaces(selector),
    kube.listClusterObjects(),
    apis.admission.listValidatingAdmissionPolicy({ labelSelector: selector }),
    apis.admission.listValidatingAdmissionPolicyBinding({ labelSelector: selector }),
  ]);
  return [
    ...namespaces.filter((ns) => ns.status?.phase !== 'Terminating').map((ns) => `Namespace ${ns.metadata?.name}`),
    ...cluster.clusterRoles.filter(ours).map((o) => `ClusterRole ${o.metadata?.name}`),
    ...cluster.clusterRoleBindings.filter(ours).map((o) => `ClusterRoleBinding ${o.metadata?.name}`),
    ...policies.items.map((o) => `ValidatingAdmissionPolicy ${o.metadata?.name}`),
    ...bindings.items.map((o) => `ValidatingAdmissionPolicyBinding ${o.metadata?.name}`),
    ...seatClasses(cluster.priorityClasses, record.seats, record.createdAt).map((name) => `PriorityClass ${name}`),
  ];
}

/** A workshop command's refusal: what is wrong and, when known, what to run instead. */
export class WorkshopError extends Error {
  readonly fix?: string;
  constructor(message: string, fix?: string) {
    super(message);
    this.name = 'WorkshopError';
    if (fix) this.fix = fix;
  }
}

/** The seats a create asks for; a bad learner name is the instructor's input to fix. */
function seatsOf(options: Pick<CreateOptions, 'seats' | 'learners' | 'scenarios'>): string[] {
  try {
    return seatNames(options.learners ? { learners: options.learners } : { seats: options.seats }, options.scenarios.map((s) => s.namespace));
  } catch (error) {
    throw new WorkshopError((error as Error).message);
  }
}

/**
 * One seat's task injected into its namespace, labelled with the workshop and
 * seat (`end` finds it by them), under PodSecurity `baseline` (unless the
 * scenario enforces its own level) and the seat's LimitRange and quota, made
 * before the first pod (seat-limits.ts).
 */
async function startSeatTask(kube: Kube, record: WorkshopRecord, scenarios: ScenarioView[], task: SeatTask, progress: Progress, signal?: AbortSignal): Promise<void> {
  const scenario = scenarios.find((s) => s.id === task.scenario)!;
  const labels = { [WORKSHOP_LABEL]: record.name, [SEAT_LABEL]: task.seat };
  const limits = seatLimitObjects(seatLimits(scenario), { [MANAGED_BY]: 'kubedrill', ...labels });
  await startAttempt({
    kube,
    scenario,
    namespace: task.namespace,
    labels: { ...seatPodSecurity(scenario), ...labels },
    prepare: async (namespace) => {
      await kube.apply(limits, namespace);
      await quotaInForce(kube, namespace);
    },
    progress: quiet(progress),
    signal,
  });
}

/**
 * Wait until the quota controller has written the seat quota's status: until
 * then quota admission refuses every pod ("status unknown for quota"), and the
 * task's first ReplicaSet would start in back-off.
 */
async function quotaInForce(kube: Kube, namespace: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { resourceQuotas = [] } = await kube.snapshot(namespace, ['resourceQuotas']);
    if (resourceQuotas.some((q) => q.metadata?.name === SEAT_LIMITS_NAME && q.status?.hard)) return;
    if (Date.now() >= deadline) throw new Error(`ResourceQuota ${SEAT_LIMITS_NAME} in namespace ${namespace} has no status after ${timeoutMs / 1000}s: is kube-controller-manager's resourcequota controller running?`);
    await sleep(250);
  }
}

// A room's worth of attempts: one progress line per task, not every inject step of each.
function quiet(progress: Progress): Progress {
  return { ...progress, info: () => undefined, step: (_label, fn) => fn() };
}
