/** A Kubernetes version as gitVersion spells it (`v1.32.4-dispatcher` → 1.32.4). */
export interface KubeVersion {
  major: number;
  minor: number;
  patch: number;
  /** The text it was read from. */
  text: string;
}

/** Parse a gitVersion (`v1.36.3`, `v1.32.4-dispatcher`, `1.30.0+k3s1`); undefined when it is not one. */
export function parseKubeVersion(text: string | undefined): KubeVersion | undefined {
  const match = /^v?(\d+)\.(\d+)\.(\d+)/.exec(text?.trim() ?? '');
  if (!match) return undefined;
  return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]), text: text!.trim() };
}

/** `clientVersion.gitVersion` from `kubectl version --client -o json`; undefined when absent or not JSON. */
export function clientGitVersion(json: string): string | undefined {
  try {
    const version = (JSON.parse(json) as { clientVersion?: { gitVersion?: unknown } }).clientVersion?.gitVersion;
    return typeof version === 'string' ? version : undefined;
  } catch {
    return undefined;
  }
}

/** How the learner's kubectl relates to the server; the same shape whatever the answer. */
export interface Skew {
  ok: boolean;
  problem: 'none' | 'missing' | 'too-old' | 'too-new' | 'unknown-client' | 'unknown-server';
  reason: string;
}

/**
 * kubectl's version skew policy: supported within one minor version (older or
 * newer) of kube-apiserver. `client` undefined means no kubectl on PATH. An
 * unreadable server version cannot be judged and passes (nothing to warn about).
 */
export function kubectlSkew(client: string | undefined, server: string | undefined): Skew {
  if (client === undefined) return { ok: false, problem: 'missing', reason: 'no kubectl on PATH' };
  const c = parseKubeVersion(client);
  const s = parseKubeVersion(server);
  if (!s) return { ok: true, problem: 'unknown-server', reason: `kubectl ${client}; server version unknown` };
  if (!c) return { ok: false, problem: 'unknown-client', reason: `kubectl reports no readable version (${client || 'empty'}); the server is ${s.text}` };
  const distance = c.major === s.major ? c.minor - s.minor : (c.major - s.major) * 1000;
  if (Math.abs(distance) <= 1) return { ok: true, problem: 'none', reason: `kubectl ${c.text} works with the server ${s.text}` };
  const minors = Math.abs(distance) >= 1000 ? 'a different major version' : `${Math.abs(distance)} minor versions`;
  return {
    ok: false,
    problem: distance < 0 ? 'too-old' : 'too-new',
    reason: `kubectl ${c.text} is ${minors} ${distance < 0 ? 'older' : 'newer'} than the server ${s.text} (kubectl supports one minor version either way)`,
  };
}
