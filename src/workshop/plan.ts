import { clusterNames } from '../engine/cluster-names.ts';
import type { ScenarioView } from '../engine/scenario-view.ts';
import { isClusterScoped } from '../kube/client.ts';
import type { WorkshopRecord } from './workshop.ts';

/**
 * Why a scenario cannot run once per seat on one shared cluster, or
 * undefined when it can. A seat's attempt lives in its own namespaces; what
 * a scenario puts outside them — a node's resources or labels, files on a
 * node, cluster-scoped objects, anything that needs the cluster to itself
 * (`exclusive`) — would be one thing every seat fights over, and its brief
 * names it as written. `workshop create` refuses such a scenario with this
 * reason, and the README's scenario table says the same.
 */
export function sharedClusterProblem(scenario: Pick<ScenarioView, 'exclusive' | 'inject' | 'manifests'>): string | undefined {
  const reasons: string[] = [];
  if (scenario.exclusive) reasons.push('it needs the cluster to itself (exclusive)');
  for (const step of scenario.inject) {
    if ('nodeResource' in step) reasons.push(`it advertises ${step.nodeResource.name} on a node`);
    if ('nodeLabel' in step) reasons.push(`it labels a node ${step.nodeLabel.key}`);
    if ('hostFiles' in step) reasons.push(`it writes files on a node (${step.hostFiles.path})`);
  }
  for (const m of scenario.manifests) for (const o of m.objects) if (isClusterScoped(o.kind)) reasons.push(`it creates ${o.kind} ${o.metadata.name}`);
  // clusterNames lists every name the checks above found, and nothing else: a new kind of cluster-wide name must be named here too.
  if (reasons.length === 0 && clusterNames(scenario).length > 0) reasons.push(`it names ${clusterNames(scenario).join(', ')} outside its namespaces`);
  return reasons.length ? `every seat would share what ${reasons.join('; ')}` : undefined;
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/**
 * The seats of a workshop: `seat-01`… for a count, or the learners' own
 * names, each a DNS label (it becomes a namespace prefix and a
 * ServiceAccount) short enough that `<seat>-<namespace>` fits 63 characters
 * for every namespace of the workshop. A bad name is an error naming it, not
 * a silent rewrite: the instructor hands out the names.
 */
export function seatNames(options: { seats?: number; learners?: string[] }, namespaces: string[]): string[] {
  const width = Math.max(2, String(options.seats ?? 0).length);
  const names = options.learners ?? Array.from({ length: options.seats ?? 0 }, (_, i) => `seat-${String(i + 1).padStart(width, '0')}`);
  if (names.length === 0) throw new Error('a workshop needs at least one seat: --seats N or --learners a,b,…');
  const longest = Math.max(0, ...namespaces.map((n) => n.length));
  const seen = new Set<string>();
  for (const name of names) {
    if (!DNS_LABEL.test(name)) throw new Error(`learner name ${JSON.stringify(name)} is not usable as a seat: lower-case letters, digits and '-', starting and ending with a letter or digit (e.g. ${JSON.stringify(suggest(name))})`);
    if (name.length + 1 + longest > 63) throw new Error(`seat name ${JSON.stringify(name)} is too long: ${name}-<namespace> must fit 63 characters (at most ${62 - longest} for this workshop's namespaces)`);
    if (seen.has(name)) throw new Error(`seat name ${JSON.stringify(name)} is given twice`);
    seen.add(name);
  }
  // A seat owns the PriorityClasses named `<seat>-…` (guardrails.ts): no seat's prefix may cover another seat's.
  for (const name of names) {
    const other = names.find((n) => n !== name && n.startsWith(`${name}-`));
    if (other) throw new Error(`seat names ${JSON.stringify(name)} and ${JSON.stringify(other)} overlap: a seat's cluster-wide objects are named "${name}-…", which would cover ${other}'s too (rename one)`);
  }
  return names;
}

function suggest(name: string): string {
  return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'seat-01';
}

/** A seat's namespace for a scenario namespace: `<seat>-<namespace>`. */
export function seatNamespace(seat: string, namespace: string): string {
  return `${seat}-${namespace}`;
}

/** One seat's task: where it runs and how it stands. */
export interface SeatTask {
  seat: string;
  scenario: string;
  namespace: string;
}

/** Every seat × scenario of a workshop, seat by seat. */
export function seatTasks(record: Pick<WorkshopRecord, 'seats' | 'scenarios'>, scenarios: Pick<ScenarioView, 'id' | 'namespace'>[]): SeatTask[] {
  return record.seats.flatMap((seat) =>
    record.scenarios.map((id) => {
      const scenario = scenarios.find((s) => s.id === id);
      if (!scenario) throw new Error(`workshop names scenario ${id}, which this kubedrill does not have`);
      return { seat, scenario: id, namespace: seatNamespace(seat, scenario.namespace) };
    }),
  );
}
