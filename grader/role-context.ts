import type { CheckContext } from './types.ts';

/**
 * The context a check with `namespace: <role>` reads: that namespace's
 * snapshot (and earlier snapshot), probe and identities. The main one
 * (no role, or `main`) is `ctx` itself; undefined when the role was not read.
 * A role's context keeps the whole attempt's under `attempt`, so a check there
 * can still find a target in another namespace (targetContext).
 */
export function contextIn(ctx: CheckContext, role: string | undefined): CheckContext | undefined {
  const attempt = ctx.attempt ?? ctx;
  if (role === undefined || role === 'main') return attempt;
  const snapshot = attempt.snapshot.others?.[role];
  const probe = attempt.probes?.[role];
  if (!snapshot || !probe) return undefined;
  const prefix = `${role}:`;
  const fingerprint = Object.fromEntries(Object.entries(attempt.fingerprint).filter(([k]) => k.startsWith(prefix)).map(([k, v]) => [k.slice(prefix.length), v]));
  const before = attempt.before?.others?.[role];
  return { ...attempt, snapshot, probe, fingerprint, baseline: undefined, attempt, ...(before ? { before } : { before: undefined }) };
}

/** Where a probe's target lives: the check's own context, or the attempt's namespace with role `role`. */
export type TargetContext = { ok: true; ctx: CheckContext } | { ok: false; reason: string };

/**
 * The context of the namespace holding a check's target (a Service and the
 * workload behind it): the check's own when `role` is undefined, else that
 * role's — the check still probes from its own pods.
 */
export function targetContext(ctx: CheckContext, role: string | undefined): TargetContext {
  if (role === undefined) return { ok: true, ctx };
  const found = contextIn(ctx, role);
  return found ? { ok: true, ctx: found } : { ok: false, reason: `internal: no snapshot of the attempt's namespace with role ${role}` };
}
