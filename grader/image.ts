import type { V1ContainerStatus } from '@kubernetes/client-node';
import type { Snapshot } from './types.ts';

/** An image reference in its parts, with Docker Hub's implicit registry and library/ made explicit. */
export interface ImageRef {
  /** `docker.io/library/busybox`, `registry.k8s.io/pause`. */
  repository: string;
  /** `1.36`; `latest` when neither a tag nor a digest was written. */
  tag?: string;
  /** `sha256:…` when the reference pins one. */
  digest?: string;
}

/** Split a reference: `busybox@sha256:…` → docker.io/library/busybox + digest. */
export function parseImage(image: string): ImageRef {
  let ref = image.trim();
  let digest: string | undefined;
  const at = ref.indexOf('@');
  if (at >= 0) {
    digest = ref.slice(at + 1);
    ref = ref.slice(0, at);
  }
  const firstSlash = ref.indexOf('/');
  const host = firstSlash > 0 ? ref.slice(0, firstSlash) : '';
  if (!host.includes('.') && !host.includes(':') && host !== 'localhost') ref = `docker.io/${ref}`;
  ref = ref.replace(/^(index\.)?docker\.io\/(?!.*\/)/, 'docker.io/library/').replace(/^index\.docker\.io\//, 'docker.io/');
  const lastPart = ref.slice(ref.lastIndexOf('/') + 1);
  const colon = lastPart.lastIndexOf(':');
  const repository = colon >= 0 ? ref.slice(0, ref.length - lastPart.length + colon) : ref;
  const tag = colon >= 0 ? lastPart.slice(colon + 1) : digest ? undefined : 'latest';
  return { repository, ...(tag !== undefined ? { tag } : {}), ...(digest ? { digest } : {}) };
}

/** Docker Hub's implicit registry, library/ and :latest made explicit, so equal references compare equal. */
export function normalizeImage(image: string): string {
  const { repository, tag, digest } = parseImage(image);
  return `${repository}${tag !== undefined ? `:${tag}` : ''}${digest ? `@${digest}` : ''}`;
}

/** Which digests each tag resolves to on this cluster: `docker.io/library/busybox:1.36` → {sha256:…}. */
export type ImageDigests = Map<string, Set<string>>;

/**
 * What the cluster says each tag runs as, from two witnesses: a node's
 * status.images (an entry lists the tags and the repo digests of one image)
 * and the kubelet's container statuses (the tag a container was started
 * from, and the imageID it resolved to). A digest only counts for a tag of
 * the same repository.
 */
export function imageDigests(snapshot: Snapshot): ImageDigests {
  const digests: ImageDigests = new Map();
  const add = (tagged: string, digested: string): void => {
    const t = parseImage(tagged);
    const d = parseImage(digested);
    if (t.digest || !d.digest || t.repository !== d.repository) return;
    const key = `${t.repository}:${t.tag}`;
    digests.set(key, (digests.get(key) ?? new Set()).add(d.digest));
  };
  for (const node of snapshot.nodes) {
    for (const entry of node.status?.images ?? []) {
      const names = entry.names ?? [];
      for (const tagged of names.filter((n) => !n.includes('@'))) for (const digested of names.filter((n) => n.includes('@'))) add(tagged, digested);
    }
  }
  const statuses = (s: V1ContainerStatus[] | undefined): V1ContainerStatus[] => s ?? [];
  for (const pod of snapshot.pods) {
    for (const status of [...statuses(pod.status?.initContainerStatuses), ...statuses(pod.status?.containerStatuses)]) {
      if (status.image && status.imageID?.includes('@')) add(status.image, status.imageID.replace(/^docker-pullable:\/\//, ''));
    }
  }
  return digests;
}

/**
 * Whether two references run the same image: same repository, and the same
 * digest (a tag stands for the digests it resolves to here) or, both being
 * tags, the same tag. A digest the cluster has never resolved the tag to is
 * a different image.
 */
export function sameImage(a: string, b: string, digests: ImageDigests = new Map()): boolean {
  const x = parseImage(a);
  const y = parseImage(b);
  if (x.repository !== y.repository) return false;
  if (x.digest && y.digest) return x.digest === y.digest;
  if (!x.digest && !y.digest) return x.tag === y.tag;
  const [pinned, tagged] = x.digest ? [x, y] : [y, x];
  return digests.get(`${tagged.repository}:${tagged.tag}`)?.has(pinned.digest ?? '') ?? false;
}

/** `busybox:1.36 is sha256:fcabee45a08a… here` or `no digest of busybox:1.36 is known here`: why a digest and a tag differ. */
export function digestNote(a: string, b: string, digests: ImageDigests): string | undefined {
  const x = parseImage(a);
  const y = parseImage(b);
  if (Boolean(x.digest) === Boolean(y.digest)) return undefined;
  const tagged = x.digest ? y : x;
  const name = `${tagged.repository}:${tagged.tag}`;
  const known = [...(digests.get(name) ?? [])];
  return known.length ? `${name} is ${known.map((d) => `${d.slice(0, 19)}…`).join(' or ')} here` : `no digest of ${name} is known here`;
}

/** The repositories of a set of references, for keeping only the node images that matter. */
export function repositories(images: Iterable<string>): Set<string> {
  return new Set([...images].map((i) => parseImage(i).repository));
}
