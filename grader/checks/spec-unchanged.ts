import type { V1Container } from '@kubernetes/client-node';
import { show } from '../format.ts';
import { fail, pass } from '../outcome.ts';
import type { CheckOf, Outcome } from '../outcome.ts';
import type { CheckContext } from '../types.ts';
import { lastInjected, resolveWorkload } from '../workload.ts';

type Field = CheckOf<'specUnchanged'>['fields'][number];

/**
 * specUnchanged: the named fields of one container in the workload's pod
 * template equal those of the LAST injected manifest for that Deployment —
 * expected values come from the scenario files, never from the cluster.
 * A missing list equals an empty one; `busybox:1.36` equals
 * `docker.io/library/busybox:1.36`.
 */
export function specUnchanged(check: CheckOf<'specUnchanged'>, ctx: CheckContext): Outcome {
  const manifest = lastInjected(ctx.injected, 'Deployment', check.workload) as { spec?: { template?: { spec?: { containers?: V1Container[] } } } } | undefined;
  if (!manifest) return fail(`internal: the scenario injects no Deployment ${check.workload} to compare with`);
  const expected = manifest.spec?.template?.spec?.containers?.find((c) => c.name === check.container);
  if (!expected) return fail(`internal: the injected Deployment ${check.workload} has no container ${check.container}`);

  const found = resolveWorkload({ snapshot: ctx.snapshot, name: check.workload, fingerprint: ctx.fingerprint, injected: ctx.injected });
  if (!found.ok) return fail(found.reason);
  const containers = found.workload.deployment.spec?.template.spec?.containers ?? [];
  const seen = containers.find((c) => c.name === check.container);
  const where = `Deployment ${check.workload} spec.template.spec.containers[name=${check.container}]`;
  if (!seen) return fail(`${where}: expected the container to exist, saw containers ${show(containers.map((c) => c.name))}`);

  for (const field of check.fields) {
    const want = normalize(field, expected[field]);
    const have = normalize(field, seen[field]);
    if (JSON.stringify(want) !== JSON.stringify(have)) {
      return fail(`${where}.${field}: expected ${show(expected[field])}, saw ${show(seen[field])}`);
    }
  }
  const held = check.fields.map((f) => `${f} ${show(seen[f])}`).join(', ');
  return pass(`${where}: ${held} as injected`);
}

function normalize(field: Field, value: unknown): unknown {
  if (field === 'image') return typeof value === 'string' ? normalizeImage(value) : value;
  if (field === 'workingDir') return value ?? '';
  return value ?? [];
}

/** Docker Hub's implicit registry, library/ and :latest made explicit, so equal references compare equal. */
export function normalizeImage(image: string): string {
  let ref = image.trim();
  const firstSlash = ref.indexOf('/');
  const host = firstSlash > 0 ? ref.slice(0, firstSlash) : '';
  if (!host.includes('.') && !host.includes(':') && host !== 'localhost') ref = `docker.io/${ref}`;
  ref = ref.replace(/^(index\.)?docker\.io\/(?!.*\/)/, 'docker.io/library/').replace(/^index\.docker\.io\//, 'docker.io/');
  const lastPart = ref.slice(ref.lastIndexOf('/') + 1);
  if (!lastPart.includes(':') && !lastPart.includes('@')) ref = `${ref}:latest`;
  return ref;
}
