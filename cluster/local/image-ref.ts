/** An image reference split the way Docker Hub names resolve. */
export interface ImageRef {
  /** Registry host; images without one are docker.io. */
  host: string;
  /** Repository path in the registry (docker.io single names get `library/`). */
  repository: string;
  tag: string;
}

/** Parse `busybox:1.36`, `docker.io/library/busybox:1.36`, `kubedrill/pause:1.0`, … */
export function parseImageRef(image: string): ImageRef {
  const at = image.indexOf('@');
  const withoutDigest = at === -1 ? image : image.slice(0, at);
  const slash = withoutDigest.indexOf('/');
  const first = slash === -1 ? '' : withoutDigest.slice(0, slash);
  const hasHost = first.includes('.') || first.includes(':') || first === 'localhost';
  let host = hasHost ? first : 'docker.io';
  let rest = hasHost ? withoutDigest.slice(slash + 1) : withoutDigest;
  if (host === 'index.docker.io' || host === 'registry-1.docker.io') host = 'docker.io';
  const colon = rest.lastIndexOf(':');
  const tag = colon === -1 ? 'latest' : rest.slice(colon + 1);
  rest = colon === -1 ? rest : rest.slice(0, colon);
  const repository = host === 'docker.io' && !rest.includes('/') ? `library/${rest}` : rest;
  return { host, repository, tag };
}

/** The repository's last path element (`library/busybox` → `busybox`). */
export function imageBaseName(ref: ImageRef): string {
  return ref.repository.slice(ref.repository.lastIndexOf('/') + 1);
}
