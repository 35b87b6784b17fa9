import type { Scenario } from '../scenario/types.ts';

/** A learner action as shell (run with KUBECONFIG and NS set), generated or from a file. */
export interface CaseScript {
  name: string;
  kind: 'solution' | 'fix' | 'shortcut';
  description: string;
  /** A script file to run with sh, or an inline shell command. */
  path?: string;
  inline?: string;
}

/**
 * Shortcuts every scenario gets without writing them: for each workload the
 * task is about — one whose rollout check earns points (not a gate on a
 * bystander) — delete it, scale it to zero, replace its command with sleep,
 * swap its image for the decoy tag both providers serve.
 */
export function genericShortcuts(scenario: Pick<Scenario, 'checks' | 'injected'>): CaseScript[] {
  const workloads = [...new Set(scenario.checks.flatMap((c) => (c.kind === 'rolloutComplete' && !c.gate ? [c.workload] : [])))];
  return workloads.flatMap((w): CaseScript[] => {
    const container = firstContainer(scenario, w);
    const patch = JSON.stringify({ spec: { template: { spec: { containers: [{ name: container, command: ['sh', '-c', 'sleep 3600'], args: null }] } } } });
    return [
      { name: `generic-delete-${w}`, kind: 'shortcut', description: `delete Deployment ${w}`, inline: `kubectl -n "$NS" delete deployment ${w} --wait=false` },
      { name: `generic-scale0-${w}`, kind: 'shortcut', description: `scale Deployment ${w} to 0`, inline: `kubectl -n "$NS" scale deployment ${w} --replicas=0` },
      {
        name: `generic-sleep-${w}`,
        kind: 'shortcut',
        description: `replace ${w}'s command with sleep`,
        inline: `kubectl -n "$NS" patch deployment ${w} --type=strategic -p '${patch}'`,
      },
      {
        name: `generic-image-${w}`,
        kind: 'shortcut',
        description: `swap ${w}'s image for the decoy busybox:1.37`,
        inline: `kubectl -n "$NS" set image deployment/${w} '*=busybox:1.37'`,
      },
    ];
  });
}

function firstContainer(scenario: Pick<Scenario, 'injected'>, workload: string): string {
  const deployment = [...scenario.injected].reverse().find((o) => o.kind === 'Deployment' && o.metadata.name === workload);
  const spec = deployment?.spec as { template?: { spec?: { containers?: Array<{ name: string }> } } } | undefined;
  return spec?.template?.spec?.containers?.[0]?.name ?? workload;
}
