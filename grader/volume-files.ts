import type { V1ConfigMap, V1KeyToPath, V1Volume, V1VolumeProjection } from '@kubernetes/client-node';

/** Who supplies one file of a volume. */
export interface FileSource {
  /** The file's path inside the volume (`settings.conf`, `conf/app.ini`). */
  path: string;
  /** `ConfigMap web-settings`, `Secret db`, `downwardAPI`… */
  source: string;
  /** Set when the source is a ConfigMap. */
  configMap?: string;
  /** The field of the volume that holds the source: `configMap`, `projected.sources[1]`. */
  field: string;
}

/** The files of a volume, and the sources whose files the snapshot cannot tell (Secrets without items). */
export interface VolumeFiles {
  files: Map<string, FileSource>;
  unknown: FileSource[];
}

/**
 * The files a configMap or projected volume presents, each with the source
 * that supplies it, resolved as the kubelet writes them: a ConfigMap gives
 * every key of data and binaryData, or with `items` only those keys under
 * their paths; the sources of a projected volume are written in order into
 * one map, so a later source that supplies the same path wins. The judged
 * ConfigMap (`judged`) missing from the snapshot supplies nothing (a pod
 * cannot have mounted it). Any other non-optional source that is missing — a
 * ConfigMap deleted, or an `items` key taken out of one — is unknown: the
 * kubelet then stops updating the volume, and running pods keep the files it
 * wrote before.
 */
export function volumeFiles(volume: V1Volume, configMaps: V1ConfigMap[], judged?: string): VolumeFiles {
  const files = new Map<string, FileSource>();
  const unknown: FileSource[] = [];
  const put = (paths: string[], from: Omit<FileSource, 'path'>): void => {
    for (const path of paths) files.set(trimPath(path), { path: trimPath(path), ...from });
  };
  const fromConfigMap = (source: { name?: string; items?: V1KeyToPath[]; optional?: boolean }, field: string): void => {
    const name = source.name ?? '';
    const { paths, missing } = configMapPaths(name, source.items, configMaps);
    if (missing && name !== judged && source.optional !== true) {
      unknown.push({ path: '*', source: `ConfigMap ${name} (${missing}: running pods keep the files it wrote before)`, field });
    }
    put(paths, { source: `ConfigMap ${name}`, configMap: name, field });
  };
  if (volume.configMap) fromConfigMap(volume.configMap, 'configMap');
  (volume.projected?.sources ?? []).forEach((s: V1VolumeProjection, i) => {
    const field = `projected.sources[${i}]`;
    if (s.configMap) {
      fromConfigMap(s.configMap, field);
    } else if (s.secret) {
      const from = { source: `Secret ${s.secret.name ?? ''}`, field };
      if (s.secret.items) put(s.secret.items.map((item) => item.path), from);
      else unknown.push({ path: '*', ...from });
    } else if (s.downwardAPI) {
      put((s.downwardAPI.items ?? []).map((item) => item.path), { source: 'downwardAPI', field });
    } else if (s.serviceAccountToken) {
      put([s.serviceAccountToken.path], { source: 'serviceAccountToken', field });
    } else if (s.clusterTrustBundle) {
      put([s.clusterTrustBundle.path], { source: 'clusterTrustBundle', field });
    } else {
      unknown.push({ path: '*', source: Object.keys(s)[0] ?? 'an empty source', field });
    }
  });
  return { files, unknown };
}

// The paths a ConfigMap source writes, and what is missing for it to write them all.
function configMapPaths(name: string, items: V1KeyToPath[] | undefined, configMaps: V1ConfigMap[]): { paths: string[]; missing?: string } {
  const cm = configMaps.find((c) => c.metadata?.name === name);
  if (!cm) return { paths: [], missing: 'not found' };
  const keys = new Set([...Object.keys(cm.data ?? {}), ...Object.keys(cm.binaryData ?? {})]);
  if (!items) return { paths: [...keys] };
  const absent = items.filter((item) => !keys.has(item.key)).map((item) => item.key);
  return { paths: items.filter((item) => keys.has(item.key)).map((item) => item.path), ...(absent.length ? { missing: `no key ${absent.join(', ')}` } : {}) };
}

function trimPath(path: string): string {
  return path.replace(/^\.\//, '').replace(/\/+$/, '');
}
