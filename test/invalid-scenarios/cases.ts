/**
 * The deliberately invalid scenarios: each is test/fixtures/valid-scenario
 * with its id set to the case name and one mistake made by `edits`. The
 * folders next to this file are generated from this table (generate.ts) and
 * committed as data; a unit test proves they match it.
 */

/** One change to a copy of the valid fixture. */
export type Edit =
  | { file: string; replace: string; with: string }
  | { file: string; write: string }
  | { file: string; remove: true }
  | { file: string; mode: number };

/** One invalid scenario and the single problem the loader must report. */
export interface InvalidCase {
  /** Folder name (and id, unless the case is about the id). */
  name: string;
  /** `<file>: <field path>`, or `<file>` for a problem with the whole file; relative to the case folder. */
  expected: string;
  /** Text the problem's detail must contain. */
  text: string;
  edits: Edit[];
}

/** Every case, one mistake each. */
export const invalidCases: InvalidCase[] = [
  {
    name: 'bad-duration',
    expected: 'scenario.yaml: timeLimit',
    text: 'expected a duration such as 10s, 2m or 1h30m, saw "five minutes"',
    edits: [{ file: 'scenario.yaml', replace: 'timeLimit: 5m', with: 'timeLimit: five minutes' }],
  },
  {
    name: 'replicas-not-a-number',
    expected: 'scenario.yaml: checks[0].replicas',
    text: 'expected a number, saw "one"',
    edits: [{ file: 'scenario.yaml', replace: 'replicas: 1\n', with: 'replicas: one\n' }],
  },
  {
    name: 'unknown-check-kind',
    expected: 'scenario.yaml: checks[1].kind',
    text: 'unknown kind "podsHappy"',
    edits: [{ file: 'scenario.yaml', replace: 'kind: podsHealthy', with: 'kind: podsHappy' }],
  },
  {
    name: 'unknown-field',
    expected: 'scenario.yaml: tittle',
    text: 'unknown field',
    edits: [{ file: 'scenario.yaml', replace: 'title: A client', with: 'tittle: A typo\ntitle: A client' }],
  },
  {
    name: 'yaml-syntax-error',
    expected: 'scenario.yaml',
    text: 'not valid YAML',
    edits: [{ file: 'scenario.yaml', replace: 'weight: 2', with: 'weight: [2' }],
  },
  {
    name: 'missing-schema-header',
    expected: 'scenario.yaml',
    text: 'yaml-language-server',
    edits: [{ file: 'scenario.yaml', replace: '# yaml-language-server: $schema=../scenario.schema.json\n', with: '' }],
  },
  {
    name: 'wrong-id',
    expected: 'scenario.yaml: id',
    text: "expected \"wrong-id\" (the folder's name), saw \"valid-scenario\"",
    edits: [{ file: 'scenario.yaml', replace: 'id: wrong-id', with: 'id: valid-scenario' }],
  },
  {
    name: 'too-few-hints',
    expected: 'scenario.yaml: hints',
    text: 'expected at least 3 progressive hints',
    edits: [{ file: 'scenario.yaml', replace: '  - Look at the NetworkPolicies of the namespace.\n', with: '' }],
  },
  {
    name: 'missing-explanation',
    expected: 'scenario.yaml: explanation',
    text: 'required: a string',
    edits: [{ file: 'scenario.yaml', replace: 'explanation: |\n  NetworkPolicy client-egress selects the client pods and lists Egress, so\n  their egress is allow-list: only what a rule names gets out.\n  Allow DNS and web:8080, and nothing else.\n', with: '' }],
  },
  {
    name: 'explanation-folded',
    expected: 'scenario.yaml: explanation',
    text: 'expected 3 to 6 non-empty lines (a | block scalar, wrapped as it should read), saw 1',
    edits: [{ file: 'scenario.yaml', replace: 'explanation: |\n', with: 'explanation: >\n' }],
  },
  {
    name: 'missing-manifest',
    expected: 'scenario.yaml: inject[3].apply',
    text: 'no such file manifests/extra.yaml',
    edits: [{ file: 'scenario.yaml', replace: '  - apply: manifests/client.yaml\n', with: '  - apply: manifests/client.yaml\n  - apply: manifests/extra.yaml\n' }],
  },
  {
    name: 'unapplied-manifest',
    expected: 'manifests/old.yaml',
    text: 'not applied by any inject step',
    edits: [{ file: 'manifests/old.yaml', write: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: old\n' }],
  },
  {
    name: 'manifest-syntax-error',
    expected: 'manifests/client.yaml',
    text: 'not valid YAML',
    edits: [{ file: 'manifests/client.yaml', replace: 'policyTypes: [Egress]', with: 'policyTypes: [Egress' }],
  },
  {
    name: 'namespace-in-manifest',
    expected: 'manifests/web.yaml: Deployment/web metadata.namespace',
    text: 'must not be set',
    edits: [{ file: 'manifests/web.yaml', replace: '  name: web\n  labels', with: '  name: web\n  namespace: fixture\n  labels' }],
  },
  {
    name: 'object-without-kind',
    expected: 'manifests/web.yaml: document 2 kind',
    text: 'required',
    edits: [{ file: 'manifests/web.yaml', replace: 'apiVersion: v1\nkind: Service\n', with: 'apiVersion: v1\n' }],
  },
  {
    name: 'missing-grace-period',
    expected: 'manifests/client.yaml: Deployment/client spec.template.spec.terminationGracePeriodSeconds',
    text: 'expected 2',
    edits: [{ file: 'manifests/client.yaml', replace: '      terminationGracePeriodSeconds: 2\n', with: '' }],
  },
  {
    name: 'nc-zv-in-command',
    expected: 'manifests/web.yaml: Deployment/metrics spec.template.spec.containers[0].command',
    text: 'nc -z and -v are not supported by the busybox stand-in (use nc -w 2 HOST PORT </dev/null)',
    edits: [{ file: 'manifests/web.yaml', replace: "command: [httpd, -f, -p, '9100', -h, /tmp]", with: "command: [sh, -c, 'until nc -zv web 8080; do sleep 1; done; exec httpd -f -p 9100 -h /tmp']" }],
  },
  {
    name: 'nc-k-in-args',
    expected: 'manifests/web.yaml: Deployment/metrics spec.template.spec.containers[0].args',
    text: 'nc -k is not supported',
    edits: [{ file: 'manifests/web.yaml', replace: "command: [httpd, -f, -p, '9100', -h, /tmp]", with: "command: [nc]\n          args: [-lk, -p, '9100', -e, cat]" }],
  },
  {
    name: 'wget-timeout-in-probe',
    expected: 'manifests/web.yaml: Deployment/web spec.template.spec.containers[0].readinessProbe.exec.command',
    text: 'wget -T is not supported',
    edits: [{ file: 'manifests/web.yaml', replace: 'httpGet: { path: /, port: 8080 }', with: "exec:\n              command: [wget, -q, -T, '2', -O, /dev/null, 'http://localhost:8080/']" }],
  },
  {
    name: 'timeout-t-in-fix',
    expected: 'fixes/new-policy.sh',
    text: 'timeout -t is not supported',
    edits: [{ file: 'fixes/new-policy.sh', replace: 'set -eu\n', with: 'set -eu\nkubectl -n "$NS" exec deploy/client -- timeout -t 2 nc -w 2 web 8080 </dev/null || true\n' }],
  },
  {
    name: 'nc-z-in-solution',
    expected: 'solution.sh',
    text: 'nc -z is not supported by the busybox stand-in (use nc -w 2 HOST PORT </dev/null)',
    edits: [{ file: 'solution.sh', replace: 'set -eu\n', with: 'set -eu\nkubectl -n "$NS" exec deploy/client -- nc -z web 8080\n' }],
  },
  {
    name: 'unknown-workload',
    expected: 'scenario.yaml: checks[1].workload',
    text: 'names no Deployment of the manifests: "clinet"',
    edits: [{ file: 'scenario.yaml', replace: 'kind: podsHealthy\n    workload: client', with: 'kind: podsHealthy\n    workload: clinet' }],
  },
  {
    name: 'unknown-symptom-workload',
    expected: 'scenario.yaml: symptom.any[0].workload',
    text: 'names no Deployment',
    edits: [{ file: 'scenario.yaml', replace: 'kind: podNotReady\n      workload: client', with: 'kind: podNotReady\n      workload: api' }],
  },
  {
    name: 'wait-before-apply',
    expected: 'scenario.yaml: inject[0].waitFor.workload',
    text: 'not applied by an earlier step',
    edits: [{ file: 'scenario.yaml', replace: '  - apply: manifests/web.yaml\n  - waitFor: { workload: web, condition: Available, timeout: 60s }\n', with: '  - waitFor: { workload: web, condition: Available, timeout: 60s }\n  - apply: manifests/web.yaml\n' }],
  },
  {
    name: 'duplicate-check-id',
    expected: 'scenario.yaml: checks[2].id',
    text: 'duplicate id "client-healthy" (also checks[1])',
    edits: [{ file: 'scenario.yaml', replace: 'id: client-reaches-web', with: 'id: client-healthy' }],
  },
  {
    name: 'blocked-target-not-a-service',
    expected: 'scenario.yaml: checks[3].host',
    text: 'expect "blocked" needs a Service the scenario injects',
    edits: [{ file: 'scenario.yaml', replace: '    host: metrics\n', with: '    host: monitoring\n' }],
  },
  {
    name: 'unknown-container',
    expected: 'scenario.yaml: checks[4].container',
    text: 'has no container "cleint"',
    edits: [{ file: 'scenario.yaml', replace: 'container: client', with: 'container: cleint' }],
  },
  {
    name: 'invalid-regex',
    expected: 'scenario.yaml: checks[6].matches',
    text: 'not a valid regular expression',
    edits: [{ file: 'scenario.yaml', replace: 'matches: ^ok$', with: 'matches: ^(ok$' }],
  },
  {
    name: 'port-mismatch',
    expected: 'manifests/web.yaml: Service/web spec.ports[0].targetPort',
    text: 'expected 8080 (equal to port), saw 80',
    edits: [{ file: 'manifests/web.yaml', replace: '      targetPort: 8080', with: '      targetPort: 80' }],
  },
  {
    name: 'container-port-mismatch',
    expected: 'manifests/web.yaml: Service/metrics spec.ports[0].port',
    text: 'Deployment/metrics declares no containerPort 9100/TCP (its ports: 9000/TCP)',
    edits: [{ file: 'manifests/web.yaml', replace: '- containerPort: 9100', with: '- containerPort: 9000' }],
  },
  {
    name: 'service-selects-nothing',
    expected: 'manifests/web.yaml: Service/metrics spec.selector',
    text: 'selects no pods',
    edits: [{ file: 'manifests/web.yaml', replace: 'selector: { app: metrics }\n  ports', with: 'selector: { app: metrix }\n  ports' }],
  },
  {
    name: 'cluster-scoped-not-exclusive',
    expected: 'scenario.yaml: exclusive',
    text: 'expected true: it creates PriorityClass/fixture-high',
    edits: [{ file: 'manifests/client.yaml', replace: 'apiVersion: networking.k8s.io/v1', with: 'apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata:\n  name: fixture-high\nvalue: 1000\n---\napiVersion: networking.k8s.io/v1' }],
  },
  {
    name: 'missing-solution',
    expected: 'solution.sh',
    text: 'missing',
    edits: [{ file: 'solution.sh', remove: true }],
  },
  {
    name: 'solution-not-executable',
    expected: 'solution.sh',
    text: 'not executable',
    edits: [{ file: 'solution.sh', mode: 0o644 }],
  },
  {
    name: 'fix-without-description',
    expected: 'fixes/new-policy.sh',
    text: 'expected a "# what this script does" line after the shebang',
    edits: [{ file: 'fixes/new-policy.sh', replace: '# Add a second NetworkPolicy that allows client to reach web:8080 and DNS.\n', with: '' }],
  },
  {
    name: 'solution-without-description',
    expected: 'solution.sh',
    text: 'expected a "# what this script does" line after the shebang',
    edits: [{ file: 'solution.sh', replace: '# Add two egress rules to client-egress: TCP 8080 to the web pods, and DNS.\n', with: '' }],
  },
  {
    name: 'too-few-fixes',
    expected: 'scenario.yaml: fewerFixesBecause',
    text: 'required: fixes/ holds 1 alternative fix (fewer than 3)',
    edits: [{ file: 'scenario.yaml', replace: 'fewerFixesBecause: a fixture needs only one of each script\n', with: '' }],
  },
  {
    name: 'bad-field-path',
    expected: 'scenario.yaml: checks[7].path',
    text: 'is neither an index',
    edits: [{ file: 'scenario.yaml', replace: '    matches: ^ok$\n    gate: true\n', with: '    matches: ^ok$\n    gate: true\n  - id: web-image\n    description: web runs busybox\n    kind: fieldCompare\n    object: { kind: Deployment, name: web }\n    path: spec.template.spec.containers[web].image\n    op: eq\n    value: busybox:1.36\n    gate: true\n' }],
  },
  {
    name: 'bad-quantity',
    expected: 'scenario.yaml: checks[7].value',
    text: 'expected a Kubernetes quantity (160Mi, 1Gi, 500m) since quantity is true, saw "160 MiB"',
    edits: [{ file: 'scenario.yaml', replace: '    matches: ^ok$\n    gate: true\n', with: '    matches: ^ok$\n    gate: true\n  - id: web-memory\n    description: web may use enough memory\n    kind: fieldCompare\n    object: { kind: Deployment, name: web }\n    path: spec.template.spec.containers[name=web].resources.limits.memory\n    op: gte\n    value: 160 MiB\n    quantity: true\n' }],
  },
  {
    name: 'workload-in-other-namespace',
    expected: 'scenario.yaml: checks[1].workload',
    text: 'names no Deployment of the manifests applied into namespace role backend: "client" (it is applied into namespace role main)',
    edits: [
      { file: 'scenario.yaml', replace: 'namespace: fixture\n', with: 'namespace: fixture\nnamespaces:\n  backend: { name: fixture-backend }\n' },
      { file: 'scenario.yaml', replace: 'kind: podsHealthy\n', with: 'kind: podsHealthy\n    namespace: backend\n' },
    ],
  },
  {
    name: 'rollout-of-a-job',
    expected: 'scenario.yaml: checks[0].workload',
    text: 'expected a Deployment, StatefulSet or DaemonSet (what rolloutComplete judges), saw a Job: use jobComplete',
    edits: [
      { file: 'manifests/migrate.yaml', write: "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\nspec:\n  backoffLimit: 2\n  template:\n    spec:\n      terminationGracePeriodSeconds: 2\n      restartPolicy: Never\n      containers:\n        - name: migrate\n          image: busybox:1.36\n          command: [sh, -c, 'echo migrated']\n" },
      { file: 'scenario.yaml', replace: '  - apply: manifests/client.yaml\n', with: '  - apply: manifests/client.yaml\n  - apply: manifests/migrate.yaml\n' },
      { file: 'scenario.yaml', replace: 'kind: rolloutComplete\n    workload: web\n', with: 'kind: rolloutComplete\n    workload: { kind: Job, name: migrate }\n' },
    ],
  },
  {
    name: 'unknown-log-container',
    expected: 'scenario.yaml: checks[7].container',
    text: 'Deployment/web has no container "httpd" (containers: web)',
    edits: [{ file: 'scenario.yaml', replace: '    matches: ^ok$\n    gate: true\n', with: '    matches: ^ok$\n    gate: true\n  - id: web-logs-start\n    description: web logged its start\n    kind: logContains\n    workload: web\n    container: httpd\n    matches: started\n' }],
  },
  {
    name: 'unknown-namespace-role',
    expected: 'scenario.yaml: checks[5].namespace',
    text: 'names no namespace role: "backend" (expected main or a key of namespaces: main)',
    edits: [{ file: 'scenario.yaml', replace: 'kind: policyApplies\n', with: 'kind: policyApplies\n    namespace: backend\n' }],
  },
  {
    name: 'apply-into-unknown-role',
    expected: 'scenario.yaml: inject[2].namespace',
    text: 'names no namespace role: "backend"',
    edits: [{ file: 'scenario.yaml', replace: '  - apply: manifests/client.yaml\n', with: '  - apply: manifests/client.yaml\n    namespace: backend\n' }],
  },
  {
    name: 'namespace-name-clash',
    expected: 'scenario.yaml: namespaces.backend.name',
    text: "expected a namespace of its own, saw \"fixture\", already the scenario's namespace",
    edits: [{ file: 'scenario.yaml', replace: 'namespace: fixture\n', with: 'namespace: fixture\nnamespaces:\n  backend: { name: fixture }\n' }],
  },
  {
    name: 'secret-invalid-regex',
    expected: 'scenario.yaml: checks[7].matches',
    text: 'not a valid regular expression',
    edits: [{ file: 'scenario.yaml', replace: '    matches: ^ok$\n    gate: true\n', with: '    matches: ^ok$\n    gate: true\n  - id: web-token\n    description: the token of web is set\n    kind: secretData\n    name: web-token\n    key: token\n    matches: ^[a-z+$\n' }],
  },
  {
    name: 'unknown-service-account',
    expected: 'scenario.yaml: checks[7].serviceAccount',
    text: 'names no ServiceAccount the manifests create: "client" (ServiceAccounts: default)',
    edits: [{ file: 'scenario.yaml', replace: '    matches: ^ok$\n    gate: true\n', with: '    matches: ^ok$\n    gate: true\n  - id: client-cannot-list-pods\n    description: client still cannot list pods\n    kind: accessReview\n    serviceAccount: client\n    verbs: [list]\n    resources: [pods]\n    expect: denied\n    gate: true\n' }],
  },
  {
    name: 'unknown-claim',
    expected: 'scenario.yaml: checks[7].name',
    text: "names no PersistentVolumeClaim of the manifests nor of a StatefulSet's volumeClaimTemplates (<template>-<statefulset>-<ordinal>): \"data-web-0\"",
    edits: [{ file: 'scenario.yaml', replace: '    matches: ^ok$\n    gate: true\n', with: '    matches: ^ok$\n    gate: true\n  - id: web-data-bound\n    description: the data claim of web is Bound\n    kind: claimBound\n    name: data-web-0\n' }],
  },
  {
    name: 'namespace-label-not-gate',
    expected: 'scenario.yaml: checks[7].gate',
    text: 'expected true: team=web is set at injection (namespaceLabels), so the check holds on the broken state',
    edits: [
      { file: 'scenario.yaml', replace: 'namespace: fixture\n', with: 'namespace: fixture\nnamespaceLabels:\n  team: web\n' },
      { file: 'scenario.yaml', replace: '    matches: ^ok$\n    gate: true\n', with: '    matches: ^ok$\n    gate: true\n  - id: namespace-team\n    description: the namespace still names its team\n    kind: namespaceLabel\n    label: team\n    value: web\n' },
    ],
  },
];
