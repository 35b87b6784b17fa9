import type { V1Volume } from '@kubernetes/client-node';
import { listSome, show } from '../format.ts';
import { finalFail, pass } from '../outcome.ts';
import type { CheckOf, Outcome } from '../outcome.ts';
import type { CheckContext } from '../types.ts';
import { workloadAt } from '../where.ts';
import { volumeFiles } from '../volume-files.ts';
import { resolveWorkload, workloadLabel } from '../workload.ts';

/** A path without its trailing slashes (`/` stays `/`). */
export const trimSlash = (p: string): string => (p.length > 1 ? p.replace(/\/+$/, '') : p);

/**
 * mountsConfigMap: in the workload's pod template, the container mounts a
 * volume at `mountPath` (the whole directory, no subPath) whose content comes
 * from ConfigMap `configMap` — a configMap volume or a projected one with that
 * source, under any volume name — not marked optional, and no other mount of
 * the container sits inside that directory (a file laid over it from
 * elsewhere would hide the ConfigMap). Every file the directory shows — or,
 * with `files`, each of those paths — must come from that ConfigMap: the sources of a projected volume are resolved
 * as the kubelet writes them (keys or `items` paths, ConfigMaps as the
 * snapshot has them, a later source winning a path), so a file supplied by
 * another ConfigMap, a Secret or the downward API — before or after it —
 * fails, and a Secret whose keys cannot be read here fails too. Every
 * failure is final: the pod template and the ConfigMaps are the learner's.
 */
export function mountsConfigMap(check: CheckOf<'mountsConfigMap'>, ctx: CheckContext): Outcome {
  const found = resolveWorkload({ snapshot: ctx.snapshot, name: check.workload, fingerprint: ctx.fingerprint, injected: ctx.injected });
  if (!found.ok) return finalFail(found.reason, found.where);
  const spec = found.workload.template?.spec;
  const container = spec?.containers.find((c) => c.name === check.container);
  const where = `${workloadLabel(check.workload)} container ${check.container}`;
  const mountsAt = workloadAt(check.workload, `spec.template.spec.containers[name=${check.container}].volumeMounts`);
  if (!container) return finalFail(`${where}: expected the container to exist, saw containers ${show((spec?.containers ?? []).map((c) => c.name))}`, workloadAt(check.workload, 'spec.template.spec.containers'));
  const dir = trimSlash(check.mountPath);
  const mounts = container.volumeMounts ?? [];
  const mount = mounts.find((m) => trimSlash(m.mountPath) === dir && !m.subPath && !m.subPathExpr);
  if (!mount) {
    const seen = mounts.map((m) => `${m.mountPath}${m.subPath ? ` (subPath ${m.subPath})` : ''}`);
    return finalFail(`${where}: expected a volume mounted at ${dir}, saw mounts ${show(seen)}`, mountsAt);
  }
  const inside = mounts.find((m) => m !== mount && trimSlash(m.mountPath).startsWith(`${dir}/`));
  if (inside) return finalFail(`${where}: expected nothing mounted inside ${dir}, saw volume ${inside.name} at ${inside.mountPath} laid over it`, mountsAt);
  const volume = (spec?.volumes ?? []).find((v) => v.name === mount.name);
  const volumeAt = workloadAt(check.workload, `spec.template.spec.volumes[name=${mount.name}]`);
  if (!volume) return finalFail(`${where}: the mount at ${dir} names volume ${mount.name}, which the pod template does not define`, volumeAt);
  const source = configMapSource(volume, check.configMap);
  const what = `volume ${volume.name} mounted at ${dir}`;
  if (!source) return finalFail(`${where}: expected ${what} to come from ConfigMap ${check.configMap}, saw ${describeVolume(volume)}`, volumeAt);
  if (source.optional === true) return finalFail(`${where}: expected ${what} (${source.how}) not to be optional — a missing ConfigMap must stop the pod, not hide the problem`, volumeAt);
  const { files, unknown } = volumeFiles(volume, ctx.snapshot.configMaps, check.configMap);
  // With `files`, only those paths are judged (other files may sit beside them); without, every file.
  const judged = (path: string): boolean => !check.files || check.files.includes(path);
  const foreign = [...files.values()].filter((f) => judged(f.path) && f.configMap !== check.configMap).sort((a, b) => a.path.localeCompare(b.path));
  const first = foreign[0] ?? unknown[0];
  if (first) {
    const seen = [...foreign.map((f) => `${f.path} from ${f.source} (${f.field})`), ...unknown.map((u) => `${u.source} (${u.field}), whose files cannot be read here`)];
    const expected = check.files ? `${listSome(check.files)} in ${dir}` : `every file in ${dir}`;
    return finalFail(`${where}: expected ${expected} to come from ConfigMap ${check.configMap}, saw ${listSome(seen)}`, workloadAt(check.workload, `spec.template.spec.volumes[name=${volume.name}].${first.field}`));
  }
  return pass(`${where}: ${what} comes from ConfigMap ${check.configMap} (${source.how}), not optional`);
}

export function configMapSource(volume: V1Volume, name: string): { optional?: boolean; how: string } | undefined {
  if (volume.configMap?.name === name) return { optional: volume.configMap.optional, how: 'configMap volume' };
  const projected = volume.projected?.sources?.find((s) => s.configMap?.name === name);
  if (projected) return { optional: projected.configMap?.optional, how: 'projected volume' };
  return undefined;
}

export function describeVolume(volume: V1Volume): string {
  if (volume.configMap) return `ConfigMap ${volume.configMap.name}`;
  if (volume.projected) return `a projected volume of ${show((volume.projected.sources ?? []).map((s) => Object.keys(s).map((k) => `${k} ${(s as Record<string, { name?: string }>)[k]?.name ?? ''}`.trim()).join('+')))}`;
  const kind = Object.keys(volume).find((k) => k !== 'name');
  return kind ? `volume source ${kind}` : 'a volume with no source';
}
