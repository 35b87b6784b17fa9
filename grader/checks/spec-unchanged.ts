import type { V1Container, V1EnvVar, V1ResourceRequirements } from '@kubernetes/client-node';
import { show } from '../format.ts';
import { digestNote, imageDigests, normalizeImage, sameImage } from '../image.ts';
import type { ImageDigests } from '../image.ts';
import { parseQuantity } from '../quantity.ts';
import { defaultedRequests } from '../resources.ts';
import { fail, finalFail, pass } from '../outcome.ts';
import type { CheckOf, Outcome } from '../outcome.ts';
import type { CheckContext } from '../types.ts';
import { workloadAt } from '../where.ts';
import { injectedTemplate, lastInjected, resolveWorkload, workloadId, workloadLabel } from '../workload.ts';

type Field = CheckOf<'specUnchanged'>['fields'][number];

/**
 * specUnchanged: the named fields of one container in the workload's pod
 * template equal those of the LAST injected manifest for that Deployment —
 * expected values come from the scenario files, never from the cluster.
 * A missing list equals an empty one; `busybox:1.36` equals
 * `docker.io/library/busybox:1.36`, and `busybox@sha256:…` when the cluster
 * resolves the tag to that digest (node status.images, container imageIDs); env ignores what the API server fills in
 * (fieldRef apiVersion v1); resources compare as quantities (512Mi = 0.5Gi),
 * with requests defaulted from limits as the API server does. Failures are
 * final: the pod template is the learner's, no controller writes it.
 */
export function specUnchanged(check: CheckOf<'specUnchanged'>, ctx: CheckContext): Outcome {
  const manifest = lastInjected(ctx.injected, workloadId(check.workload).kind, workloadId(check.workload).name);
  if (!manifest) return fail(`internal: the scenario injects no ${workloadLabel(check.workload)} to compare with`, workloadAt(check.workload));
  // An init container is compared the same way (by name, in initContainers).
  const initial = (injectedTemplate(manifest)?.spec?.initContainers ?? []).some((c) => c.name === check.container);
  const list = initial ? 'initContainers' : 'containers';
  const template = `spec.template.spec.${list}`;
  const expected = injectedTemplate(manifest)?.spec?.[list]?.find((c) => c.name === check.container);
  if (!expected) return fail(`internal: the injected ${workloadLabel(check.workload)} has no container ${check.container}`, workloadAt(check.workload, template));

  const found = resolveWorkload({ snapshot: ctx.snapshot, name: check.workload, fingerprint: ctx.fingerprint, injected: ctx.injected });
  if (!found.ok) return finalFail(found.reason, found.where);
  const containers = found.workload.template?.spec?.[list] ?? [];
  const seen = containers.find((c) => c.name === check.container);
  const where = `${workloadLabel(check.workload)} ${template}[name=${check.container}]`;
  if (!seen) return finalFail(`${where}: expected the container to exist, saw containers ${show(containers.map((c) => c.name))}`, workloadAt(check.workload, template));

  const digests = imageDigests(ctx.snapshot);
  for (const field of check.fields) {
    if (!equalField(field, expected[field], seen[field], digests)) {
      const at = workloadAt(check.workload, `${template}[name=${check.container}].${field}`);
      if (field === 'resources') return finalFail(`${where}.resources: ${resourceDiff(expected.resources, seen.resources)}`, at);
      const note = field === 'image' ? imageNote(expected.image, seen.image, digests) : '';
      return finalFail(`${where}.${field}: expected ${show(expected[field])}, saw ${show(seen[field])}${note}`, at);
    }
  }
  const held = check.fields.map((f) => `${f} ${show(seen[f])}`).join(', ');
  return pass(`${where}: ${held} as injected`);
}

function equalField(field: Field, want: unknown, have: unknown, digests: ImageDigests): boolean {
  if (field === 'image' && typeof want === 'string' && typeof have === 'string') return sameImage(want, have, digests);
  return JSON.stringify(sortedKeys(normalize(field, want))) === JSON.stringify(sortedKeys(normalize(field, have)));
}

// The same value with every object's keys in order: `{name, key}` as written equals `{key, name}` as stored.
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value && typeof value === 'object') return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortedKeys((value as Record<string, unknown>)[k])]));
  return value;
}

function imageNote(want: string | undefined, have: string | undefined, digests: ImageDigests): string {
  const note = want && have ? digestNote(have, want, digests) : undefined;
  return note ? ` (${note})` : '';
}

function normalize(field: Field, value: unknown): unknown {
  if (field === 'image') return typeof value === 'string' ? normalizeImage(value) : value;
  if (field === 'workingDir') return value ?? '';
  if (field === 'env') return ((value as V1EnvVar[] | undefined) ?? []).map(normalizeEnv);
  if (field === 'resources') return normalizeResources(value as V1ResourceRequirements | undefined);
  // Mounts are matched by path (their order is not the learner's intent); readOnly false is the default.
  if (field === 'volumeMounts') return ((value as Array<Record<string, unknown>> | undefined) ?? []).map(({ readOnly, ...m }) => (readOnly ? { ...m, readOnly } : m)).sort((a, b) => String(a.mountPath).localeCompare(String(b.mountPath)));
  if (field === 'readinessProbe' || field === 'livenessProbe' || field === 'startupProbe') return normalizeProbe(value as Record<string, unknown> | undefined);
  return value ?? [];
}

// A probe as the API server stores it: its timing defaults and an httpGet's scheme and path filled in.
function normalizeProbe(probe: Record<string, unknown> | undefined): unknown {
  if (!probe) return null;
  const defaults = { initialDelaySeconds: 0, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 };
  const out: Record<string, unknown> = { ...defaults, ...probe };
  const http = probe.httpGet as Record<string, unknown> | undefined;
  if (http) out.httpGet = { scheme: 'HTTP', path: '/', ...http };
  return sortedKeys(out);
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
  return { limits: canon(r?.limits), requests: canon(defaultedRequests(r)) };
}

// The first differing entry in words: "requests.memory: expected nothing, saw 1Ti".
function resourceDiff(expected: V1ResourceRequirements | undefined, seen: V1ResourceRequirements | undefined): string {
  const want = normalizeResources(expected) as Record<string, Record<string, string>>;
  const have = normalizeResources(seen) as Record<string, Record<string, string>>;
  const raw = (r: V1ResourceRequirements | undefined, part: string, key: string): unknown =>
    part === 'limits' ? (r?.limits as Record<string, unknown> | undefined)?.[key] : defaultedRequests(r)[key];
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

/** Image references with Docker Hub's defaults made explicit (kept here for existing importers; lives in ../image.ts). */
export { normalizeImage };
