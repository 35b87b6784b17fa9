/** What is known about a kubeconfig context before touching it. */
export interface ContextInfo {
  /** The context's name. */
  context: string;
  /** Its cluster's API server URL (may be empty when the kubeconfig lacks it). */
  server: string;
}

/**
 * Context names that local and lab tools give their clusters: kind, kubedrill's
 * own, minikube, Docker Desktop, k3d, Rancher Desktop.
 */
const localNames: RegExp[] = [
  /^kind-/,
  /^kubedrill(-|$)/,
  /^minikube$/,
  /^docker-desktop$/,
  /^docker-for-desktop$/,
  /^k3d-/,
  /^rancher-desktop$/,
];

/** True for a host name or address on this machine's loopback. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare.endsWith('.localhost') || bare === '::1' || /^127(\.\d{1,3}){3}$/.test(bare);
}

/**
 * Why a context counts as a local/lab cluster, or null when it may be a real
 * one (then kubedrill asks before using it). A name can be chosen freely, so
 * this is a guard against accidents, not a security boundary.
 */
export function localReason(info: ContextInfo): string | null {
  const byName = localNames.find((pattern) => pattern.test(info.context));
  if (byName) return `context name ${info.context} is a local tool's`;
  let host = '';
  try {
    host = new URL(info.server).hostname;
  } catch {
    return null;
  }
  return isLoopbackHost(host) ? `server ${info.server} is on loopback` : null;
}

/** True when the context is a local/lab cluster (see {@link localReason}). */
export function isLocalContext(info: ContextInfo): boolean {
  return localReason(info) !== null;
}
