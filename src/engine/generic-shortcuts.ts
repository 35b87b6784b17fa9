import type { Scenario } from '../scenario/types.ts';
import { quote as shellQuote } from '../shell/exports.ts';
import { workloadId, type WorkloadId } from '../../grader/workload.ts';

const quote = (value: string): string => shellQuote(value, 'bash');

/** A learner action as shell (run with KUBECONFIG and NS set), generated or from a file. */
export interface CaseScript {
  name: string;
  kind: 'solution' | 'fix' | 'shortcut';
  description: string;
  /** A script file to run with sh, or an inline shell command. */
  path?: string;
  inline?: string;
  /** Why it changes what every attempt on the cluster sees (verify runs it alone): see ScenarioScript. */
  clusterWide?: string;
}

/**
 * Shortcuts every scenario gets without writing them: for each workload the
 * task is about — one whose rollout check earns points (not a gate on a
 * bystander) — delete it, scale it to zero, replace its command with sleep,
 * swap its image for the decoy tag both providers serve; and for each object
 * the brief keeps, the whole task done plus a change to that object.
 */
export function genericShortcuts(scenario: Pick<Scenario, 'checks' | 'injected' | 'keep' | 'solution'>): CaseScript[] {
  return [...workloadShortcuts(scenario), ...keepShortcuts(scenario), ...policyShortcuts(scenario)];
}

function workloadShortcuts(scenario: Pick<Scenario, 'checks' | 'injected'>): CaseScript[] {
  // The workloads whose own checks earn points: rolled-out ones and Jobs that must complete.
  const seen = new Map<string, { id: WorkloadId; ns: string }>();
  for (const c of scenario.checks) {
    if (c.gate || (c.kind !== 'rolloutComplete' && c.kind !== 'jobComplete')) continue;
    const id = workloadId(c.workload);
    seen.set(`${c.namespace ?? 'main'}/${id.kind}/${id.name}`, { id, ns: namespaceVariable(c.namespace) });
  }
  return [...seen.values()].flatMap(({ id, ns }): CaseScript[] => {
    const { kind, name: w } = id;
    const resource = kind.toLowerCase();
    const suffix = kind === 'Deployment' ? w : `${resource}-${w}`;
    const kubectl = `kubectl -n "${ns}"`;
    const remove: CaseScript = { name: `generic-delete-${suffix}`, kind: 'shortcut', description: `delete ${kind} ${w}`, inline: `${kubectl} delete ${resource} ${w} --wait=false` };
    if (kind === 'Job') {
      // A Job's template is immutable: the cheat recreates it under the same name, doing nothing.
      return [
        remove,
        {
          name: `generic-empty-job-${w}`,
          kind: 'shortcut',
          description: `replace Job ${w} with one of the same name that only runs true`,
          inline: `set -eu\n${kubectl} delete job ${w} --wait=true\n${kubectl} create job ${w} --image=busybox:1.36 -- true`,
        },
      ];
    }
    if (kind !== 'Deployment' && kind !== 'StatefulSet' && kind !== 'DaemonSet') return [remove];
    const container = firstContainer(scenario, kind, w);
    const patch = JSON.stringify({ spec: { template: { spec: { containers: [{ name: container, command: ['sh', '-c', 'sleep 3600'], args: null }] } } } });
    return [
      remove,
      ...(kind === 'DaemonSet' ? [] : [{ name: `generic-scale0-${suffix}`, kind: 'shortcut' as const, description: `scale ${kind} ${w} to 0`, inline: `${kubectl} scale ${resource} ${w} --replicas=0` }]),
      {
        name: `generic-sleep-${suffix}`,
        kind: 'shortcut',
        description: `replace ${w}'s command with sleep`,
        inline: `${kubectl} patch ${resource} ${w} --type=strategic -p '${patch}'`,
      },
      {
        name: `generic-image-${suffix}`,
        kind: 'shortcut',
        description: `swap ${w}'s image for the decoy busybox:1.37`,
        inline: `${kubectl} set image ${resource}/${w} '*=busybox:1.37'`,
      },
    ];
  });
}

/** The shell variable holding a namespace role's name in a script: $NS, or $NS_<ROLE>. */
export function namespaceVariable(role: string | undefined): string {
  return role === undefined || role === 'main' ? '$NS' : `$NS_${role.toUpperCase()}`;
}

/**
 * For each object the brief keeps: do the whole task (solution.sh), then
 * change the kept object the way a learner might in passing — a Deployment
 * gets an extra container, a Service is re-pointed at other pods, a
 * ConfigMap gets another key. The task is done, so only the keep-list can
 * fail them.
 */
function keepShortcuts(scenario: Pick<Scenario, 'keep' | 'solution'>): CaseScript[] {
  const solve = `sh ${quote(scenario.solution)}`;
  return scenario.keep.flatMap(({ kind, name }): CaseScript[] => {
    const patch = (type: string, body: unknown): string => `kubectl -n "$NS" patch ${kind.toLowerCase()} ${name} --type=${type} -p ${quote(JSON.stringify(body))}`;
    if (kind === 'Deployment' || kind === 'StatefulSet' || kind === 'DaemonSet') {
      const extra = { name: 'kubedrill-extra', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 3600'] };
      return [{ name: `generic-modify-${name}`, kind: 'shortcut', description: `solve, then give kept ${kind} ${name} an extra container`, inline: `set -eu\n${solve}\n${patch('json', [{ op: 'add', path: '/spec/template/spec/containers/-', value: extra }])}` }];
    }
    if (kind === 'Service') {
      return [{ name: `generic-repoint-${name}`, kind: 'shortcut', description: `solve, then re-point kept Service ${name} at other pods`, inline: `set -eu\n${solve}\n${patch('json', [{ op: 'replace', path: '/spec/selector', value: { 'kubedrill.io/elsewhere': 'true' } }])}` }];
    }
    if (kind === 'Role') {
      return [{ name: `generic-widen-${name}`, kind: 'shortcut', description: `solve, then let kept Role ${name} also read Secrets`, inline: `set -eu\n${solve}\n${patch('json', [{ op: 'add', path: '/rules/-', value: { apiGroups: [''], resources: ['secrets'], verbs: ['get'] } }])}` }];
    }
    if (kind === 'RoleBinding') {
      return [{ name: `generic-widen-${name}`, kind: 'shortcut', description: `solve, then bind kept RoleBinding ${name} to every ServiceAccount of the namespace too`, inline: `set -eu\n${solve}\n${patch('json', [{ op: 'add', path: '/subjects/-', value: { kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name: 'system:serviceaccounts' } }])}` }];
    }
    if (kind === 'ConfigMap') {
      return [{ name: `generic-modify-${name}`, kind: 'shortcut', description: `solve, then add a key to kept ConfigMap ${name}`, inline: `set -eu\n${solve}\n${patch('merge', { data: { 'kubedrill-extra': 'x' } })}` }];
    }
    return [];
  });
}

/**
 * For each NetworkPolicy the brief keeps restricting (a policyApplies check):
 * do the whole task, then open that policy in ways the reachability probes
 * cannot see — every port except exactly the probed ones, and a whole
 * protocol the probes do not use. Only judging what the policies allow
 * (policyAllows) can fail them.
 */
function policyShortcuts(scenario: Pick<Scenario, 'checks' | 'solution'>): CaseScript[] {
  const solve = `sh ${quote(scenario.solution)}`;
  return scenario.checks.flatMap((check): CaseScript[] => {
    if (check.kind !== 'policyApplies') return [];
    const direction = check.policyType === 'Egress' ? 'egress' : 'ingress';
    const probed = [...new Set(scenario.checks.flatMap((c) => (c.kind === 'networkReachable' && c.from === check.workload ? [c.port] : [])))].sort((a, b) => a - b);
    const addRule = (rule: unknown): string => `kubectl -n "$NS" patch networkpolicy ${check.policy} --type=json -p ${quote(JSON.stringify([{ op: 'add', path: `/spec/${direction}/-`, value: rule }]))}`;
    return [
      {
        name: `generic-open-but-probed-${check.policy}`,
        kind: 'shortcut',
        description: `solve, then let ${check.policy} allow every TCP port but the probed ones (${probed.join(', ') || 'none'}) to anywhere`,
        inline: `set -eu\n${solve}\n${addRule({ ports: portsExcept(probed) })}`,
      },
      {
        name: `generic-open-protocol-${check.policy}`,
        kind: 'shortcut',
        description: `solve, then let ${check.policy} allow all of UDP to anywhere (a port entry with only a protocol)`,
        inline: `set -eu\n${solve}\n${addRule({ ports: [{ protocol: 'UDP' }] })}`,
      },
    ];
  });
}

/** TCP port ranges covering 1–65535 except `ports`. */
export function portsExcept(ports: number[]): Array<{ protocol: 'TCP'; port: number; endPort?: number }> {
  const ranges: Array<{ protocol: 'TCP'; port: number; endPort?: number }> = [];
  let from = 1;
  for (const port of [...ports, 65536]) {
    if (port > from) ranges.push(port - 1 > from ? { protocol: 'TCP', port: from, endPort: port - 1 } : { protocol: 'TCP', port: from });
    from = port + 1;
  }
  return ranges;
}

function firstContainer(scenario: Pick<Scenario, 'injected'>, kind: string, workload: string): string {
  const object = [...scenario.injected].reverse().find((o) => o.kind === kind && o.metadata.name === workload);
  const spec = object?.spec as { template?: { spec?: { containers?: Array<{ name: string }> } } } | undefined;
  return spec?.template?.spec?.containers?.[0]?.name ?? workload;
}
