import type { V1ResourceRequirements } from '@kubernetes/client-node';
import { readPath } from './path.ts';

// `…resources.requests` then nothing, `.memory` or `["kubedrill.io/slot"]`.
const requestsPath = /^(.*(?:^|\.)resources)\.requests((?:[.[].*)?)$/;

/**
 * readPath, reading requests as the pod will have them: the API server
 * defaults each missing request to its limit when it creates a pod (never
 * in a pod template), so `…resources.requests.memory` of a Deployment with
 * only a memory limit reads that limit, and `…resources.requests` reads
 * limits overlaid with the requests written.
 */
export function readDefaulted(root: unknown, path: string): unknown {
  const match = requestsPath.exec(path);
  const value = readPath(root, path);
  if (!match) return value;
  const [, resources = '', rest = ''] = match;
  if (rest === '') {
    const limits = readPath(root, `${resources}.limits`);
    if (!isRecord(limits)) return value;
    return { ...limits, ...(isRecord(value) ? value : {}) };
  }
  if (value !== undefined && value !== null) return value;
  // A requests map that exists but lacks this key is defaulted the same way (per key).
  return readPath(root, `${resources}.limits${rest}`);
}

/** Requests as the API server defaults them on a pod: each missing request from its limit. */
export function defaultedRequests(r: V1ResourceRequirements | undefined): Record<string, unknown> {
  return { ...(r?.limits ?? {}), ...(r?.requests ?? {}) };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
