import { fail, pass, settledFail } from '../outcome.ts';
import type { CheckOf, Outcome } from '../outcome.ts';
import type { AccessAnswer, AccessQuestion, CheckContext } from '../types.ts';

// Reviews asked at once by one check.
const BATCH = 6;
// Seconds after the learner is done that a wrong answer stays wrong: the authorizer's caches and the
// ClusterRole aggregation controller settle within a second or two; twenty leaves room for a loaded node.
const SETTLE_S = 20;

/**
 * accessReview: asks the API server's authorizer (SubjectAccessReviews, as
 * `kubectl auth can-i --as=system:serviceaccount:…` does) whether the
 * ServiceAccount may do each verb on each resource in each namespace named,
 * and every answer must be `expect`. Judges what RBAC decides — any Role,
 * ClusterRole, aggregation, group or wildcard that grants it — never the
 * objects' shape; "denied" over a matrix of verbs, resources and namespaces
 * is how a scenario says "this much and nothing more". A missing
 * ServiceAccount fails: a grant to a name nobody runs as proves nothing.
 * A wrong answer is final once the learner has been done SETTLE_S seconds:
 * only the learner writes Roles, bindings and ClusterRoles, but the
 * authorizer answers from informers that follow them a moment late, and the
 * aggregation controller fills an aggregated ClusterRole after it is made.
 */
export async function accessReview(check: CheckOf<'accessReview'>, ctx: CheckContext): Promise<Outcome> {
  const own = ctx.snapshot.namespace;
  const where = { kind: 'ServiceAccount', name: check.serviceAccount, path: `may ${check.verbs.join('/')} ${check.resources.join('/')}` };
  const scopes: Array<string | undefined> = [];
  for (const role of check.in ?? [undefined]) {
    if (role === 'cluster') scopes.push(undefined);
    else if (role === undefined) scopes.push(own);
    else if (ctx.namespaces?.[role]) scopes.push(ctx.namespaces[role]);
    else return fail(`internal: no namespace of the attempt has role ${role}`, where);
  }
  if (!(ctx.snapshot.serviceAccounts ?? []).some((sa) => sa.metadata?.name === check.serviceAccount)) {
    return fail(`ServiceAccount ${check.serviceAccount} not found in namespace ${own}: expected it to exist (the pods run as it)`, { kind: 'ServiceAccount', name: check.serviceAccount });
  }
  const questions: AccessQuestion[] = scopes.flatMap((namespace) =>
    check.resources.flatMap((resource) =>
      check.verbs.map((verb) => ({
        serviceAccount: { namespace: own, name: check.serviceAccount },
        verb,
        resource,
        group: check.group,
        ...(check.subresource ? { subresource: check.subresource } : {}),
        ...(check.resourceName ? { resourceName: check.resourceName } : {}),
        ...(namespace ? { namespace } : {}),
      })),
    ),
  );
  // A few questions at a time, stopping at the first wrong answer: a matrix of reviews from every case
  // at once would crowd the API server's queues (429) on a 2-core cluster.
  const answers: AccessAnswer[] = [];
  for (let i = 0; i < questions.length; i += BATCH) {
    answers.push(...(await Promise.all(questions.slice(i, i + BATCH).map((q) => ctx.probe.access(q)))));
    if (answers.some((a) => (a.allowed ? 'allowed' : 'denied') !== check.expect)) break;
  }
  const words = (q: AccessQuestion): string =>
    `${q.verb} ${q.resource}${q.subresource ? `/${q.subresource}` : ''}${q.group ? `.${q.group}` : ''}${q.resourceName ? ` ${q.resourceName}` : ''} ${q.namespace ? `in ${q.namespace}` : 'cluster-wide'}`;
  const wrong = answers.map((a, i) => ({ q: questions[i]!, a })).filter(({ a }) => (a.allowed ? 'allowed' : 'denied') !== check.expect);
  const who = `${own}:${check.serviceAccount}`;
  if (wrong.length > 0) {
    const first = wrong[0]!;
    const more = wrong.length > 1 ? ` (and ${wrong.length - 1} more of the first ${answers.length} of ${questions.length} questions)` : '';
    return settledFail(`can ${who} ${words(first.q)}: expected ${check.expect}, saw ${first.a.allowed ? 'allowed' : 'denied'}${first.a.reason ? ` (${first.a.reason})` : ''}${more}`, where, SETTLE_S);
  }
  const only = questions.length === 1 ? `can ${who} ${words(questions[0]!)}` : `${questions.length} questions for ${who} (${check.verbs.join(', ')} × ${check.resources.join(', ')})`;
  return pass(`${only}: all ${check.expect}`, where);
}
