import type { V1VolumeMount } from '@kubernetes/client-node';
import { show } from '../format.ts';
import { finalFail, pass } from '../outcome.ts';
import type { CheckOf, Outcome } from '../outcome.ts';
import type { CheckContext } from '../types.ts';
import { volumeFiles } from '../volume-files.ts';
import { workloadAt } from '../where.ts';
import { resolveWorkload, workloadLabel } from '../workload.ts';
import { configMapSource, describeVolume, trimSlash } from './mounts-config-map.ts';

/** The mount that shows `path` in the container: the deepest one at the path or a directory above it. */
export function coveringMount(mounts: V1VolumeMount[], path: string): V1VolumeMount | undefined {
  const covers = (m: V1VolumeMount): boolean => {
    const at = trimSlash(m.mountPath);
    return at === path || at === '/' || path.startsWith(`${at}/`);
  };
  return mounts.filter(covers).sort((a, b) => trimSlash(b.mountPath).length - trimSlash(a.mountPath).length)[0];
}

/**
 * fileFromConfigMap: which object supplies one file as the container sees
 * it. In the workload's pod template, the container's mount that covers
 * `path` (the deepest mountPath equal to it or a directory above it) must be
 * a configMap or projected volume, not optional, whose file at that place —
 * the rest of the path below the mount, under its subPath — is supplied by
 * ConfigMap `configMap` (keys or `items` paths, a later projected source
 * winning, resolved by volumeFiles). A directory mount moved, a subPath mount
 * of the file, `items` or a projected volume all pass; the image's own file,
 * an emptyDir filled by the command or an init container, or another
 * ConfigMap fail. Failures are final: the pod template and the ConfigMaps
 * are the learner's.
 */
export function fileFromConfigMap(check: CheckOf<'fileFromConfigMap'>, ctx: CheckContext): Outcome {
  const found = resolveWorkload({ snapshot: ctx.snapshot, name: check.workload, fingerprint: ctx.fingerprint, injected: ctx.injected });
  if (!found.ok) return finalFail(found.reason, found.where);
  const spec = found.workload.template?.spec;
  const container = spec?.containers.find((c) => c.name === check.container);
  const where = `${workloadLabel(check.workload)} container ${check.container}: ${check.path}`;
  const mountsAt = workloadAt(check.workload, `spec.template.spec.containers[name=${check.container}].volumeMounts`);
  if (!container) return finalFail(`${workloadLabel(check.workload)}: expected container ${check.container}, saw containers ${show((spec?.containers ?? []).map((c) => c.name))}`, workloadAt(check.workload, 'spec.template.spec.containers'));
  // A subPathExpr without $(VAR) is a plain subPath.
  const mounts = (container.volumeMounts ?? []).map((m) => (m.subPathExpr && !m.subPathExpr.includes('$(') ? { ...m, subPath: m.subPathExpr, subPathExpr: undefined } : m));
  const mount = coveringMount(mounts, check.path);
  if (!mount) return finalFail(`${where}: expected it from ConfigMap ${check.configMap}, saw no volume mounted at it or above it (the file would come from the image)`, mountsAt);
  const at = trimSlash(mount.mountPath);
  if (mount.subPathExpr) return finalFail(`${where}: expected it from ConfigMap ${check.configMap}, saw mount ${mount.name} at ${at} with subPathExpr, which is not resolved here`, mountsAt);
  const below = at === check.path ? '' : check.path.slice(at === '/' ? 1 : at.length + 1);
  const inVolume = [mount.subPath ?? '', below].filter((p) => p !== '').join('/').replace(/\/+/g, '/');
  const volume = (spec?.volumes ?? []).find((v) => v.name === mount.name);
  const volumeAt = workloadAt(check.workload, `spec.template.spec.volumes[name=${mount.name}]`);
  if (!volume) return finalFail(`${where}: the mount at ${at} names volume ${mount.name}, which the pod template does not define`, volumeAt);
  const what = `volume ${volume.name} mounted at ${at}${mount.subPath ? ` (subPath ${mount.subPath})` : ''}`;
  const source = configMapSource(volume, check.configMap);
  if (!source) return finalFail(`${where}: expected it from ConfigMap ${check.configMap}, saw ${what}: ${describeVolume(volume)}`, volumeAt);
  if (source.optional === true) return finalFail(`${where}: expected ${what} (${source.how}) not to be optional — a missing ConfigMap must stop the pod, not hide the problem`, volumeAt);
  if (inVolume === '') return finalFail(`${where}: expected a file from ConfigMap ${check.configMap}, saw ${what} as a whole directory there`, mountsAt);
  const { files } = volumeFiles(volume, ctx.snapshot.configMaps, check.configMap);
  const file = files.get(inVolume);
  if (file?.configMap === check.configMap) return pass(`${where} comes from ConfigMap ${check.configMap} (${what}, file ${inVolume} of the ${source.how}), not optional`);
  const cm = ctx.snapshot.configMaps.find((c) => c.metadata?.name === check.configMap);
  const keys = cm ? `ConfigMap ${check.configMap} has keys ${show([...Object.keys(cm.data ?? {}), ...Object.keys(cm.binaryData ?? {})])}` : `ConfigMap ${check.configMap} does not exist`;
  if (!file) return finalFail(`${where}: expected file ${inVolume} of ${what} to come from ConfigMap ${check.configMap}, saw no such file in the volume (${keys})`, volumeAt);
  return finalFail(`${where}: expected file ${inVolume} of ${what} to come from ConfigMap ${check.configMap}, saw it from ${file.source} (${file.field})`, workloadAt(check.workload, `spec.template.spec.volumes[name=${volume.name}].${file.field}`));
}
