import type { KubeObject } from '../../grader/types.ts';
import { MANAGED_BY, WORKSHOP_LABEL } from '../attempt/record.ts';

/**
 * A workshop's guardrails, cluster-scoped and labelled with the workshop:
 *
 * - a ClusterRole and its binding to every ServiceAccount of the control
 *   namespace (the seats): PriorityClasses, the one cluster-scoped kind a
 *   task may need a learner to make;
 * - a ValidatingAdmissionPolicy narrowing that to the seat's own classes: a
 *   name starting `<seat>-` (on delete, the old object's), never
 *   `globalDefault` (admission would give it to every new pod, every seat's);
 * - a ValidatingAdmissionPolicy refusing seats any change or delete of an
 *   object labelled with the workshop (the seat's RoleBinding, quota,
 *   LimitRange): `admin` in a namespace could otherwise delete the binding
 *   or, through a role it may write, hand its rights to someone else.
 *
 * CEL policies in the API server itself, not a webhook: nothing to be down.
 * Both match only requests from the control namespace's ServiceAccounts,
 * so the instructor's own commands and the cluster's controllers pass.
 */
export function guardrailNames(workshop: string): { role: string; classes: string; objects: string } {
  const prefix = `kubedrill-ws-${workshop}`;
  return { role: `${prefix}-priorityclasses`, classes: `${prefix}-seat-classes`, objects: `${prefix}-workshop-objects` };
}

const ADMISSION = 'admissionregistration.k8s.io/v1';

/** The guardrail objects of workshop `workshop` whose seats live in namespace `control` (server-side applied, so create again is a no-op). */
export function guardrailObjects(workshop: string, control: string): KubeObject[] {
  const names = guardrailNames(workshop);
  const labels = { [MANAGED_BY]: 'kubedrill', [WORKSHOP_LABEL]: workshop };
  const seat = { name: 'a-seat', expression: `request.userInfo.username.startsWith('system:serviceaccount:${control}:')` };
  const variables = [{ name: 'seat', expression: `request.userInfo.username.split(':')[3]` }];
  return [
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: names.role, labels },
      rules: [{ apiGroups: ['scheduling.k8s.io'], resources: ['priorityclasses'], verbs: ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'] }],
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: names.role, labels },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: names.role },
      subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: `system:serviceaccounts:${control}` }],
    },
    {
      apiVersion: ADMISSION,
      kind: 'ValidatingAdmissionPolicy',
      metadata: { name: names.classes, labels },
      spec: {
        failurePolicy: 'Fail',
        matchConstraints: { resourceRules: [{ apiGroups: ['scheduling.k8s.io'], apiVersions: ['*'], operations: ['CREATE', 'UPDATE', 'DELETE'], resources: ['priorityclasses'] }] },
        matchConditions: [seat],
        variables: [...variables, { name: 'name', expression: `request.operation == 'DELETE' ? oldObject.metadata.name : object.metadata.name` }],
        validations: [
          {
            expression: `variables.name.startsWith(variables.seat + '-')`,
            messageExpression: `'seat ' + variables.seat + ' may only make, change or delete PriorityClasses named ' + variables.seat + '-…, not ' + variables.name`,
            reason: 'Forbidden',
          },
          {
            expression: `request.operation == 'DELETE' || !has(object.globalDefault) || !object.globalDefault`,
            messageExpression: `'seat ' + variables.seat + ': a PriorityClass may not be globalDefault in a workshop (every new pod of the cluster, every seat\\'s, would get it)'`,
            reason: 'Forbidden',
          },
        ],
      },
    },
    {
      apiVersion: ADMISSION,
      kind: 'ValidatingAdmissionPolicyBinding',
      metadata: { name: names.classes, labels },
      spec: { policyName: names.classes, validationActions: ['Deny'] },
    },
    {
      apiVersion: ADMISSION,
      kind: 'ValidatingAdmissionPolicy',
      metadata: { name: names.objects, labels },
      spec: {
        failurePolicy: 'Fail',
        matchConstraints: {
          resourceRules: [{ apiGroups: ['*'], apiVersions: ['*'], operations: ['UPDATE', 'DELETE'], resources: ['*'] }],
          objectSelector: { matchLabels: { [WORKSHOP_LABEL]: workshop } },
        },
        matchConditions: [seat],
        variables,
        validations: [
          {
            expression: 'false',
            messageExpression: `'seat ' + variables.seat + ' may not change or delete what workshop ${workshop} made (label ${WORKSHOP_LABEL})'`,
            reason: 'Forbidden',
          },
        ],
      },
    },
    {
      apiVersion: ADMISSION,
      kind: 'ValidatingAdmissionPolicyBinding',
      metadata: { name: names.objects, labels },
      spec: { policyName: names.objects, validationActions: ['Deny'] },
    },
  ] as KubeObject[];
}

/** The guardrail objects by kind and name, in the order `end` deletes them (bindings before what they bind). */
export function guardrailRefs(workshop: string): { kind: string; name: string }[] {
  const names = guardrailNames(workshop);
  return [
    { kind: 'ValidatingAdmissionPolicyBinding', name: names.classes },
    { kind: 'ValidatingAdmissionPolicy', name: names.classes },
    { kind: 'ValidatingAdmissionPolicyBinding', name: names.objects },
    { kind: 'ValidatingAdmissionPolicy', name: names.objects },
    { kind: 'ClusterRoleBinding', name: names.role },
    { kind: 'ClusterRole', name: names.role },
  ];
}

/**
 * The PriorityClasses seats made: named `<seat>-…` for a seat of the
 * workshop and created after it began (a class of that name made before
 * belongs to someone else). `end` deletes them.
 */
export function seatClasses(classes: { metadata?: { name?: string; creationTimestamp?: Date | string } }[], seats: string[], createdAt: string): string[] {
  const since = Date.parse(createdAt) - 1000;
  return classes
    .filter((c) => seats.some((s) => c.metadata?.name?.startsWith(`${s}-`)) && Date.parse(String(c.metadata?.creationTimestamp ?? 0)) >= since)
    .map((c) => c.metadata!.name!);
}

/** How long a new policy may take to reach the API server's admission (its informer): seconds, under load. */
const POLICY_SETTLE_MS = 30_000;

/**
 * Prove the guardrails hold before any seat works: as a seat, a dry-run
 * create of a PriorityClass outside its prefix must be refused by the
 * workshop's policy. Tried until refused (RBAC and admission pick up new
 * objects within seconds); a create still admitted means the cluster does not
 * enforce ValidatingAdmissionPolicies, and the problem says what to change.
 */
export async function guardrailProblem(dryRunCreate: (name: string) => Promise<void>, workshop: string, timeoutMs = POLICY_SETTLE_MS): Promise<string | undefined> {
  const policy = guardrailNames(workshop).classes;
  const deadline = Date.now() + timeoutMs;
  let last = 'admitted';
  for (;;) {
    try {
      // A dot: no seat (a DNS label) plus '-' is a prefix of it.
      await dryRunCreate(`kubedrill.guardrail-check.${workshop}`);
      last = 'admitted';
    } catch (error) {
      const text = String((error as { body?: unknown })?.body ?? (error as Error)?.message ?? error);
      if (text.includes(policy)) return undefined;
      last = text.slice(0, 300);
    }
    if (Date.now() >= deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return last === 'admitted'
    ? `the cluster admitted a seat's PriorityClass outside its prefix ${timeoutMs / 1000}s after ValidatingAdmissionPolicy ${policy} was made: it does not enforce ValidatingAdmissionPolicies (Kubernetes ≥ 1.30 enables them unless kube-apiserver's --disable-admission-plugins names ValidatingAdmissionPolicy)`
    : `a seat's dry-run PriorityClass was refused, but not by ValidatingAdmissionPolicy ${policy}: ${last}`;
}
