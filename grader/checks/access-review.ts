import { fail, pass } from '../outcome.ts';
import type { CheckOf, Outcome } from '../outcome.ts';
import type { CheckContext } from '../types.ts';

/**
 * accessReview: asks the API server's authorizer (a SubjectAccessReview, as
 * `kubectl auth can-i --as=system:serviceaccount:…` does) whether the
 * ServiceAccount may do one thing, and compares with `expect`. Judges what
 * RBAC decides — any Role, ClusterRole or binding spelling that grants it —
 * never the objects' shape. A missing ServiceAccount fails: a grant to a
 * name nobody runs as proves nothing. Never final: a binding just written
 * may take a moment to reach the authorizer.
 */
export async function accessReview(check: CheckOf<'accessReview'>, ctx: CheckContext): Promise<Outcome> {
  const own = ctx.snapshot.namespace;
  const where = { kind: 'ServiceAccount', name: check.serviceAccount, path: `may ${check.verb} ${check.resource}` };
  const namespace = check.in === 'cluster' ? undefined : check.in ? ctx.namespaces?.[check.in] : own;
  if (check.in && check.in !== 'cluster' && !namespace) return fail(`internal: no namespace of the attempt has role ${check.in}`, where);
  if (!(ctx.snapshot.serviceAccounts ?? []).some((sa) => sa.metadata?.name === check.serviceAccount)) {
    return fail(`ServiceAccount ${check.serviceAccount} not found in namespace ${own}: expected it to exist (the pods run as it)`, { kind: 'ServiceAccount', name: check.serviceAccount });
  }
  const resource = `${check.resource}${check.subresource ? `/${check.subresource}` : ''}${check.group ? `.${check.group}` : ''}${check.resourceName ? ` ${check.resourceName}` : ''}`;
  const scope = namespace ? `in namespace ${namespace}` : 'cluster-wide';
  const question = `can ${own}:${check.serviceAccount} ${check.verb} ${resource} ${scope}`;
  const answer = await ctx.probe.access({
    serviceAccount: { namespace: own, name: check.serviceAccount },
    verb: check.verb,
    resource: check.resource,
    group: check.group,
    ...(check.subresource ? { subresource: check.subresource } : {}),
    ...(check.resourceName ? { resourceName: check.resourceName } : {}),
    ...(namespace ? { namespace } : {}),
  });
  const seen = answer.allowed ? 'allowed' : 'denied';
  const why = answer.reason ? ` (${answer.reason})` : '';
  if (seen !== check.expect) return fail(`${question}: expected ${check.expect}, saw ${seen}${why}`, where);
  return pass(`${question}: ${seen}${why}`, where);
}
