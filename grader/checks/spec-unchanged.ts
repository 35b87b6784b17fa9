import type { V1Container, V1EnvVar, V1ResourceRequirements } from '@kubernetes/client-node';
import { show } from '../format.ts';
import { parseQuantity } from '../quantity.ts';
import { fail, pass } from '../outcome.ts';
import type { CheckOf, Outcome } from '../outcome.ts';
import type { CheckContext } from '../types.ts';
import { deployment } from '../where.ts';
import { lastInjected, resolveWorkload } from '../workload.ts';

type Field = CheckOf<'specUnchanged'>['fields'][number];

/**
 * specUnchanged: the named fields of one container in the workload's pod
 * template equal those of the LAST injected manifest for that Deployment —
 * expected values come from the scenario files, never from the cluster.
 * A missing list equals an empty one; `busybox:1.36` equals
 * `docker.io/library/busybox:1.36`; env ignores what the API server fills in
 * (fieldRef apiVersion v1); resources compare as quantities (512Mi = 0.5Gi),
 * with requests defaulted from limits as the API server does.
 */
export function specUnchanged(check: CheckOf<'specUnchanged'>, ctx: CheckContext): Outcome {
  const manifest = lastInjected(ctx.injected, 'Deployment', check.workload) as { spec?: { template?: { spec?: { containers?: V1Container[] } } } } | undefined;
  const template = 'spec.template.spec.containers';
  if (!manifest) return fail(`internal: the scenario injects no Deployment ${check.workload} to compare with`, deployment(check.workload));
  const expected = manifest.spec?.template?.spec?.containers?.find((c) => c.name === check.container);
  if (!expected) return fail(`internal: the injected Deployment ${check.workload} has no container ${check.container}`, deployment(check.workload, template));

  const found = resolveWorkload({ snapshot: ctx.snapshot, name: check.workload, fingerprint: ctx.fingerprint, injected: ctx.injected });
  if (!found.ok) return fail(found.reason, found.where);
  const containers = found.workload.deployment.spec?.template.spec?.containers ?? [];
  const seen = containers.find((c) => c.name === check.container);
  const where = `Deployment ${check.workload} spec.template.spec.containers[name=${check.container}]`;
  if (!seen) return fail(`${where}: expected the container to exist, saw containers ${show(containers.map((c) => c.name))}`, deployment(check.workload, template));

  for (const field of check.fields) {
    const want = normalize(field, expected[field]);
    const have = normalize(field, seen[field]);
    if (JSON.stringify(want) !== JSON.stringify(have)) {
      const at = deployment(check.workload, `${template}[name=${check.container}].${field}`);
      if (field === 'resources') return fail(`${where}.resources: ${resourceDiff(expected.resources, seen.resources)}`, at);
      return fail(`${where}.${field}: expected ${show(expected[field])}, saw ${show(seen[field])}`, at);
    }
  }
  const held = check.fields.map((f) => `${f} ${show(seen[f])}`).join(', ');
  return pass(`${where}: ${held} as injected`);
}

function normalize(field: Field, value: unknown): unknown {
  if (field === 'image') return typeof value === 'string' ? normalizeImage(value) : value;
  if (field === 'workingDir') return value ?? '';
  if (field === 'env') return ((value as V1EnvVar[] | undefined) ?? []).map(normalizeEnv);
  if (field === 'resources') return normalizeResources(value as V1ResourceRequirements | undefined);
  return value ?? [];
}

function normalizeEnv(e: V1EnvVar): unknown {
  const fieldRef = e.valueFrom?.fieldRef;
  if (!fieldRef) return e;
  const { apiVersion, ...rest } = fieldRef;
  return { ...e, valueFrom: { ...e.valueFrom, fieldRef: apiVersion === 'v1' ? rest : fieldRef } };
}

// Each quantity as an exact reduced fraction; requests default to limits.
function normalizeResources(r: V1ResourceRequirements | undefined): unknown {
  const canon = (m: Record<string, unknown> | undefined): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const key of Object.keys(m ?? {}).sort()) {
      const raw = (m ?? {})[key];
      const q = parseQuantity(typeof raw === 'number' ? raw : String(raw));
      if (!q) {
        out[key] = String(raw);
        continue;
      }
      const g = gcd(q.numerator < 0n ? -q.numerator : q.numerator, q.denominator) || 1n;
      out[key] = `${q.numerator / g}/${q.denominator / g}`;
    }
    return out;
  };
  const limits = canon(r?.limits);
  return { limits, requests: { ...limits, ...canon(r?.requests) } };
}

// The first differing entry in words: "requests.memory: expected nothing, saw 1Ti".
function resourceDiff(expected: V1ResourceRequirements | undefined, seen: V1ResourceRequirements | undefined): string {
  const want = normalizeResources(expected) as Record<string, Record<string, string>>;
  const have = normalizeResources(seen) as Record<string, Record<string, string>>;
  const raw = (r: V1ResourceRequirements | undefined, part: string, key: string): unknown => {
    const limits = (r?.limits ?? {}) as Record<string, unknown>;
    const requests = (r?.requests ?? {}) as Record<string, unknown>;
    return part === 'limits' ? limits[key] : (requests[key] ?? limits[key]);
  };
  for (const part of ['requests', 'limits']) {
    for (const key of [...new Set([...Object.keys(want[part] ?? {}), ...Object.keys(have[part] ?? {})])].sort()) {
      if (want[part]?.[key] !== have[part]?.[key]) return `${part}.${key}: expected ${show(raw(expected, part, key))}, saw ${show(raw(seen, part, key))}`;
    }
  }
  return `expected ${show(expected)}, saw ${show(seen)}`;
}

function gcd(a: bigint, b: bigint): bigint {
  return b === 0n ? a : gcd(b, a % b);
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
