import { z } from 'zod';

/**
 * The scenario format: one zod schema is the source of the TypeScript types,
 * the load-time validation, and the JSON Schema exported to
 * scenarios/scenario.schema.json (referenced by every scenario.yaml).
 */

/** "10s", "2m", "1h30m", "500ms". */
export const duration = z
  .string()
  .regex(/^(\d+(ms|s|m|h))+$/, 'a duration such as 10s, 2m or 1h30m');

const name = z.string().regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, 'a Kubernetes object name');

/** The workload kinds a check can follow (their pods through owner references). */
export const workloadKinds = ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Pod'] as const;
export type WorkloadKind = (typeof workloadKinds)[number];

/**
 * A workload the scenario injects: a Deployment's name, or `{kind, name}`. `identity: name` where
 * recreating the object is the honest fix (a Job's template is immutable):
 * the check then follows whatever object holds the name, not the injected uid.
 */
const workload = z.union([
  name.describe('name of a Deployment the scenario injects (other kinds: {kind, name})'),
  z
    .object({ kind: z.enum(workloadKinds), name, identity: z.enum(['uid', 'name']).default('uid') })
    .strict(),
]);
export type WorkloadRef = z.infer<typeof workload>;

/** A namespace role of the attempt: `main` (the scenario's namespace) or a key of `namespaces`. */
const role = z.string().regex(/^[a-z][a-z0-9]*$/, 'a namespace role: main or a key of namespaces');

const labels = z.record(z.string().min(1), z.string());

const comparison = z.enum(['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'exists', 'absent', 'contains', 'in']);

const checkBase = {
  id: z.string().regex(/^[a-z0-9][-a-z0-9]*$/, 'a kebab-case id'),
  /** What the check proves, as the learner reads it. */
  description: z.string().min(1),
  /** Partial-credit points; only non-gate checks earn them. */
  points: z.number().int().min(0).default(1),
  /** A gate already holds on the broken state: it can fail a fix but never earns points. */
  gate: z.boolean().default(false),
  /** Grade in this namespace of the attempt (a key of `namespaces`); default: the scenario's own. */
  namespace: role.optional(),
};

const objectRef = z.object({
  kind: z.enum(['Deployment', 'Service', 'ConfigMap', 'NetworkPolicy', 'PriorityClass', 'Pod', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Secret', 'ServiceAccount', 'Role', 'RoleBinding', 'PersistentVolumeClaim', 'Namespace', 'ResourceQuota']),
  name,
});

/** Every check kind the grader implements; `kind` picks the function in grader/. */
export const checkSpec = z.discriminatedUnion('kind', [
  z.object({ ...checkBase, kind: z.literal('rolloutComplete'), workload, replicas: z.number().int().min(1) }),
  z.object({ ...checkBase, kind: z.literal('podsHealthy'), workload }),
  z.object({ ...checkBase, kind: z.literal('restartsStable'), workload, window: duration.default('10s') }),
  z.object({ ...checkBase, kind: z.literal('noTerminationReason'), workload, reason: z.string().min(1) }),
  z.object({
    ...checkBase,
    kind: z.literal('specUnchanged'),
    workload,
    container: name,
    /** Container fields compared with the injected manifest (never with cluster state). */
    fields: z.array(z.enum(['image', 'command', 'args', 'workingDir', 'env', 'envFrom', 'resources', 'volumeMounts', 'readinessProbe', 'livenessProbe', 'startupProbe', 'lifecycle'])).min(1),
  }),
  z.object({
    ...checkBase,
    kind: z.literal('fieldCompare'),
    /** The object to read; `pods: <workload>` reads every pod the workload owns (all must satisfy). */
    object: objectRef.optional(),
    pods: workload.optional(),
    /** Dotted path; `[name=x]` selects a list item by name, e.g. spec.template.spec.containers[name=api].image */
    path: z.string().min(1),
    op: comparison,
    value: z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()]))]).optional(),
    /** Compare as Kubernetes quantities (160Mi, 1Gi, 500m). */
    quantity: z.boolean().default(false),
    /** Compare as image references: busybox:1.36 = library/busybox:1.36 = docker.io/library/busybox:1.36. */
    image: z.boolean().default(false),
  }),
  z.object({ ...checkBase, kind: z.literal('objectExists'), object: objectRef, injected: z.boolean().default(true) }),
  z.object({ ...checkBase, kind: z.literal('objectAbsent'), object: objectRef }),
  /** The injected object, unchanged as a whole against what the API server stored at injection (what `keep` expands to). */
  z.object({ ...checkBase, kind: z.literal('objectUnchanged'), object: objectRef }),
  z.object({
    ...checkBase,
    kind: z.literal('configMapData'),
    name,
    key: z.string().min(1),
    /** A line of the value must match this regular expression. */
    matches: z.string().min(1),
  }),
  z.object({
    ...checkBase,
    kind: z.literal('networkReachable'),
    /** Probe from a running pod of this workload. */
    from: workload,
    host: z.string().min(1),
    port: z.number().int().min(1).max(65535),
    /** "reachable" reads back the genuine target's pod uid (/kubedrill-id); "blocked" also proves the target serves: each of its pods accepts `port` on its own pod address, and Service `host` still selects them. */
    expect: z.enum(['reachable', 'blocked']),
    /** The Deployment whose pods are the genuine target; default: the one Service `host`'s manifest selects (name it when that selector is the injected break and selects none). */
    target: name.optional(),
    /** The role of the attempt's namespace holding Service `host` and its target (default: the check's own); the probe still runs from `from`'s pods. */
    targetNamespace: role.optional(),
  }),
  z.object({
    ...checkBase,
    kind: z.literal('serviceRoutes'),
    /** A Service of the check's namespace. */
    service: name,
    /** Its selector must match this workload's pod template and no other's, and its endpoints list every Ready pod of it and nothing else. */
    workload,
    /** The Service port judged. */
    port: z.number().int().min(1).max(65535),
    /** The container port the workload serves on: the Service's targetPort for `port`, a name resolved against the pod template, must come to it. */
    targetPort: z.number().int().min(1).max(65535),
  }),
  z.object({
    ...checkBase,
    kind: z.literal('fileContent'),
    workload,
    container: name.optional(),
    path: z.string().startsWith('/'),
    /** Some line of the file must match this regular expression. */
    matches: z.string().min(1),
  }),
  z.object({
    ...checkBase,
    kind: z.literal('priorityOrder'),
    /** Every pod of `higher` must strictly outrank every pod of `lower` (and no PriorityClass may be globalDefault). */
    higher: workload,
    lower: workload,
  }),
  z.object({
    ...checkBase,
    kind: z.literal('envNamesService'),
    /** In every Ready pod, the variable names Service `service` (short or qualified name, or its ClusterIP). */
    workload,
    container: name.optional(),
    variable: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name'),
    service: name,
    /** The role of the attempt's namespace holding Service `service` (default: the check's own); a short name then does not name it. */
    targetNamespace: role.optional(),
    /** Only a DNS name counts (no ClusterIP literal), and cluster DNS must resolve it to the address the pod reached (no /etc/hosts pin). */
    byDns: z.boolean().default(false),
  }),
  z.object({
    ...checkBase,
    kind: z.literal('mountsConfigMap'),
    /** The pod template mounts, at mountPath (whole directory, nothing laid inside), a non-optional volume from the ConfigMap (configMap or projected, any volume name). */
    workload,
    container: name,
    mountPath: z.string().startsWith('/'),
    configMap: name,
    /**
     * The files (paths under mountPath) that must come from the ConfigMap; other
     * files may sit beside them. Omitted: every file the directory shows.
     */
    files: z.array(z.string().min(1)).min(1).optional(),
  }),
  z.object({
    ...checkBase,
    kind: z.literal('policyAllows'),
    /** What the union of the NetworkPolicies selecting the workload's pods allows, in `direction`, must lie within this intent. */
    workload,
    direction: z.enum(['Egress', 'Ingress']),
    allow: z.array(
      z
        .object({
          /** matchLabels of the peer pods (in the attempt's namespace, or in `namespace`). */
          pods: z.record(z.string(), z.string()).optional(),
          namespace: name.optional(),
          cidr: z.string().regex(/^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/, 'an IPv4 CIDR').optional(),
          except: z.array(z.string()).optional(),
          /** Omitted: every port. */
          ports: z.array(z.object({ protocol: z.enum(['TCP', 'UDP', 'SCTP']).optional(), port: z.number().int().min(1).max(65535).optional(), endPort: z.number().int().min(1).max(65535).optional() }).strict()).optional(),
        })
        .strict(),
    ),
    /** Also allow port 53 (UDP and TCP) with any peer: name resolution. */
    dns: z.boolean().default(false),
    /** Also allow what the scenario's injected NetworkPolicies allowed the workload. */
    plusInjected: z.boolean().default(false),
  }),
  z.object({
    ...checkBase,
    kind: z.literal('policyPermits'),
    /**
     * The NetworkPolicies let a new pod of `from` reach a new pod of `to` (same
     * namespace) on `port`: from's egress and to's ingress, judged on the pod
     * templates' labels with no address known (hand-set pod labels and ipBlocks
     * of today's pod IPs do not count).
     */
    from: workload,
    to: workload,
    /** The container port on `to`. */
    port: z.number().int().min(1).max(65535),
    protocol: z.enum(['TCP', 'UDP', 'SCTP']).default('TCP'),
  }),
  z.object({
    ...checkBase,
    kind: z.literal('policyApplies'),
    /** The NetworkPolicy must exist (the injected one), select the workload's pods and list the policy type. */
    policy: name,
    workload,
    policyType: z.enum(['Ingress', 'Egress']),
  }),
  z.object({
    ...checkBase,
    kind: z.literal('jobComplete'),
    /** A Job (its Complete condition and succeeded count) or a CronJob (the newest Job it owns). */
    workload,
  }),
  z.object({
    ...checkBase,
    kind: z.literal('secretData'),
    name,
    key: z.string().min(1),
    /** A line of the decoded value must match this regular expression. */
    matches: z.string().min(1),
  }),
  z.object({
    ...checkBase,
    kind: z.literal('claimBound'),
    /** The PersistentVolumeClaim is Bound to a PersistentVolume that is Bound to it (claimRef uid) and still exists. */
    name,
    /** The PersistentVolume it must be bound to (the injected one: its data), not any volume that fits. */
    volume: name.optional(),
  }),
  z.object({
    ...checkBase,
    kind: z.literal('logContains'),
    /** Running pods of the workload (every one must match), or for a Job or CronJob its Succeeded pods (one must match). */
    workload,
    container: name.optional(),
    /** Read the previous instance of the container (what it printed before its last restart). */
    previous: z.boolean().default(false),
    /** Only the last N lines. */
    tail: z.number().int().min(1).max(10000).optional(),
    /** Some line of the log must match this regular expression. */
    matches: z.string().min(1),
  }),
  z.object({
    ...checkBase,
    kind: z.literal('accessReview'),
    /**
     * A ServiceAccount of the check's namespace, asked through SubjectAccessReviews
     * (what the API server would decide): every verb × resource × namespace
     * combination must come out as `expect`.
     */
    serviceAccount: name,
    verbs: z.array(z.enum(['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection', 'impersonate', 'bind', 'escalate'])).min(1),
    resources: z.array(z.string().regex(/^[a-z][a-z0-9.-]*$/, 'a plural resource name such as pods or deployments')).min(1),
    group: z.string().default(''),
    subresource: z.string().optional(),
    resourceName: z.string().optional(),
    /** The namespaces (roles) the access is asked in; default the check's. `cluster`: cluster-wide. */
    in: z.array(role).min(1).optional(),
    expect: z.enum(['allowed', 'denied']),
  }),
  z.object({
    ...checkBase,
    kind: z.literal('namespaceLabel'),
    /** The attempt namespace (the check's) carries this label with this value. */
    label: z.string().min(1),
    value: z.string(),
    /** Also pass when the label is absent (where absence means `value`, as an unset enforce-version means latest). */
    orAbsent: z.boolean().default(false),
  }),
  z.object({
    ...checkBase,
    kind: z.literal('envSource'),
    /**
     * In the workload's pod template, the container's variable takes its value
     * from this object — env valueFrom (secretKeyRef, configMapKeyRef) or
     * envFrom (secretRef, configMapRef, with prefix), resolved as the kubelet
     * does (envFrom in order, then env, a later entry winning) — not optional;
     * the object exists and holds the key. With `key`, from that key.
     */
    workload,
    container: name,
    variable: z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/, 'an environment variable name'),
    source: z.object({ kind: z.enum(['Secret', 'ConfigMap']), name, key: z.string().min(1).optional() }).strict(),
  }),
  z.object({
    ...checkBase,
    kind: z.literal('fileFromConfigMap'),
    /**
     * In the workload's pod template, the mount of the container that covers
     * `path` (the deepest mountPath equal to it or a parent directory) is a
     * non-optional configMap or projected volume whose file at that place is
     * supplied by ConfigMap `configMap`: a directory mount with the key (or an
     * `items` path) there, or a subPath mount of that file.
     */
    workload,
    container: name,
    path: z.string().regex(/^\/.*[^/]$/, 'an absolute file path'),
    configMap: name,
  }),
  z.object({
    ...checkBase,
    kind: z.literal('mainProcess'),
    /** In every Running pod, PID 1 of the container runs `process` (argv[0]'s basename; a busybox applet by its name): the server is the main process, not a child beside a keep-alive. */
    workload,
    container: name,
    process: z.string().regex(/^[^/\s]+$/, 'a program name such as httpd'),
    /** PID 1 itself holds the socket listening on this TCP port (/proc/net/tcp, /proc/1/fd): the serving process, not a decoy beside it. */
    port: z.number().int().min(1).max(65535).optional(),
  }),
  z.object({
    ...checkBase,
    kind: z.literal('writablePaths'),
    /**
     * In every Running pod, as the container's user: each `writable` directory
     * accepts a new file (written and removed at once), and each `readOnly`
     * path lies on a read-only mount (/proc/self/mountinfo), not merely one
     * the user may not write.
     */
    workload,
    container: name,
    writable: z.array(z.string().startsWith('/')).default([]),
    readOnly: z.array(z.string().startsWith('/')).default([]),
    /** Also nothing else: every writable mount lies at, under or above a `writable` path (`readOnly` bounds how far above) (the kubelet's /etc/hosts, /etc/hostname, /etc/resolv.conf and /dev, /proc, /sys aside). */
    othersReadOnly: z.boolean().default(false),
    /** Each `writable` path lies on an emptyDir volume of the pod (scratch space that dies with it): not a volume claim, a hostPath or storage shared with the node. */
    emptyDirOnly: z.boolean().default(false),
  }),
  z.object({
    ...checkBase,
    kind: z.literal('probe'),
    /**
     * The container's probe in the workload's pod template exists, uses one of
     * `handlers`, targets `port` (a named port resolves through the container's
     * ports) and `path` (httpGet), and its window — initialDelaySeconds +
     * failureThreshold × periodSeconds, server defaults filled in — lies within
     * [minWindow, maxWindow].
     */
    workload,
    container: name,
    probe: z.enum(['liveness', 'readiness', 'startup']),
    port: z.number().int().min(1).max(65535),
    handlers: z.array(z.enum(['httpGet', 'tcpSocket', 'exec', 'grpc'])).min(1).default(['httpGet', 'tcpSocket']),
    path: z.string().startsWith('/').optional(),
    minWindow: duration.optional(),
    /** Counts the longer of periodSeconds and timeoutSeconds per failure: a hung server's tries each last the timeout. */
    maxWindow: duration.optional(),
    /** The kill after a failure (liveness, startup) waits at most this for the container to stop: the probe's terminationGracePeriodSeconds, else the pod's (default 30s). */
    maxGrace: duration.optional(),
  }),
  z.object({
    ...checkBase,
    kind: z.literal('templateEquals'),
    /** The workload's current pod template equals, as stored, the template of its `injected`-th injected manifest (found among a Deployment's ReplicaSets or a StatefulSet's ControllerRevisions recorded at injection); revision numbers never count. */
    workload,
    injected: z.number().int().min(1),
  }),
  z.object({
    ...checkBase,
    kind: z.literal('logNamesTarget'),
    /** The container's log (an init container's too) has a line holding the uid of a genuine pod behind Service `service`: it reached the real target. */
    workload,
    container: name,
    service: name,
    /**
     * A container of the genuine target pods whose log records each client by
     * IP (an access log, such as busybox `httpd -v`): every pod of `workload`
     * must appear in it, so a relay or a stand-in holding a copied uid, which
     * the client asked instead of the target, fails.
     */
    targetContainer: name.optional(),
  }),
  z.object({
    ...checkBase,
    kind: z.literal('nodeTargeted'),
    /**
     * The workload's pods are placed by node label `key`=`value`: a node still
     * carries it, the pod template's required constraints (nodeSelector, required
     * node affinity) admit that node and refuse it without the label; no nodeName.
     */
    workload,
    key: z.string().regex(/^([a-z0-9.-]+\/)?[A-Za-z0-9._-]+$/, 'a label key'),
    value: z.string(),
  }),
  z.object({
    ...checkBase,
    kind: z.literal('admitted'),
    /**
     * A pod made from the workload's template now passes admission in the
     * check's namespace (a server-side dry-run create): Pod Security, quotas,
     * LimitRanges, webhooks judge the template as they would a new pod.
     */
    workload,
  }),
]);

/** What proves the injection worked; each must be observed (all of `all`, one of `any`). */
export const observation = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('podWaiting'), workload, reasons: z.array(z.string()).min(1) }),
  z.object({ kind: z.literal('podTerminated'), workload, reason: z.string().optional(), exitCode: z.number().int().optional() }),
  z.object({ kind: z.literal('podPending'), workload, reason: z.string().optional() }),
  z.object({ kind: z.literal('podNotReady'), workload }),
  z.object({ kind: z.literal('event'), reason: z.string().min(1), objectKind: z.string().default('Pod') }),
]);

/** A symptom the authorizer shows: ServiceAccount `serviceAccount` of the main namespace may not `verb` `resource` there. */
export const deniedAccess = z
  .object({
    serviceAccount: name,
    verb: z.string().regex(/^[a-z*]+$/, 'an API verb (list, get, create…)'),
    resource: z.string().regex(/^[a-z0-9.*-]+$/, 'a resource (pods, deployments…)'),
    /** The API group; '' is the core group. */
    group: z.string().default(''),
    subresource: z.string().optional(),
  })
  .strict();

/** One inject step, run in order by `start`. */
export const injectStep = z.union([
  z.object({ apply: z.string().regex(/^manifests\/[^/]+\.ya?ml$/, 'a file under manifests/'), namespace: role.optional() }).strict(),
  z
    .object({
      waitFor: z
        .object({ workload, condition: z.enum(['Available']), timeout: duration.default('120s'), namespace: role.optional() })
        .strict(),
    })
    .strict(),
  z
    .object({
      nodeResource: z
        .object({ name: z.string().regex(/^[a-z0-9.-]+\/[a-z0-9.-]+$/, 'an extended resource name'), quantity: z.string() })
        .strict(),
    })
    .strict(),
  z
    .object({
      /** A label set on one node (the first Ready, schedulable one); the key is renamed per verify case like other cluster-wide names. */
      nodeLabel: z
        .object({
          key: z.string().regex(/^[a-z0-9.-]+\/[A-Za-z0-9._-]+$/, 'a prefixed label key (example.io/name)'),
          value: z.string().regex(/^([A-Za-z0-9][A-Za-z0-9._-]{0,61})?[A-Za-z0-9]?$/, 'a label value'),
        })
        .strict(),
    })
    .strict(),
  z
    .object({
      /**
       * Files written into directory `path` on one node (the first Ready,
       * schedulable one) by a short-lived pod in the main namespace that mounts
       * the directory's parent (so the namespace must admit hostPath pods), and
       * removed on stop: the data behind a hostPath PersistentVolume. The path
       * is renamed per verify case like other cluster-wide names.
       */
      hostFiles: z
        .object({
          path: z.string().regex(/^(\/[A-Za-z0-9_][A-Za-z0-9._-]*){2,}$/, 'an absolute directory path below an existing one (/tmp/kubedrill-data), no ".."'),
          files: z.record(z.string().regex(/^[A-Za-z0-9_][A-Za-z0-9._-]*$/, 'a file name'), z.string()).refine((f) => Object.keys(f).length > 0, 'at least one file'),
        })
        .strict(),
    })
    .strict(),
]);

/** Lines that hold text; blank lines between paragraphs do not count. */
export function textLines(text: string): number {
  return text.split('\n').filter((line) => line.trim() !== '').length;
}

/**
 * The debrief shown once a check passes: what broke and why the cluster
 * showed that symptom, then the lesson. Counted as the author wrapped it in a
 * `|` block scalar, so a folded `>` scalar (one long line) is refused.
 */
export const explanation = z
  .string()
  .min(1)
  .superRefine((text, ctx) => {
    const lines = textLines(text);
    if (text.length > 0 && (lines < 3 || lines > 6)) {
      ctx.addIssue({ code: 'custom', message: `expected 3 to 6 non-empty lines (a | block scalar, wrapped as it should read), saw ${lines}` });
    }
  })
  .describe('The root cause, shown after a pass: 3 to 6 non-empty lines, written as a | block scalar.');

/** The CKA curriculum domains. */
export const domains = [
  'cluster-architecture',
  'workloads-scheduling',
  'services-networking',
  'storage',
  'troubleshooting',
] as const;

/** A scenario.yaml. */
export const scenarioSpec = z
  .object({
    id: z.string().regex(/^[a-z0-9][-a-z0-9]*$/, 'a kebab-case id'),
    title: z.string().min(1),
    domain: z.enum(domains),
    difficulty: z.enum(['easy', 'medium', 'hard']),
    weight: z.number().int().min(1).max(100),
    timeLimit: duration,
    namespace: name,
    /** Labels set on the scenario's namespace at injection (e.g. pod-security.kubernetes.io/enforce: restricted). */
    namespaceLabels: labels.default({}),
    /**
     * More namespaces of the attempt, by role (`server: {name: dns-b}`): each
     * created and labelled at injection, snapshotted at grading, deleted on
     * stop. Manifests (`apply` with `namespace: <role>`) and checks
     * (`namespace: <role>`) name the role; scripts get \$NS_<ROLE>.
     */
    namespaces: z.record(role, z.object({ name, labels: labels.default({}) }).strict()).default({}),
    /** Touches cluster-scoped state (nodes, PriorityClasses): one attempt at a time. */
    exclusive: z.boolean().default(false),
    /** Refuse to start when a condition of the cluster would make the scenario meaningless. */
    preconditions: z.array(z.enum(['noGlobalDefaultPriorityClass'])).default([]),
    brief: z.string().min(1),
    hints: z.array(z.string().min(1)).min(1),
    explanation,
    inject: z.array(injectStep).min(1),
    symptom: z
      .object({
        description: z.string().min(1),
        timeout: duration.default('120s'),
        all: z.array(observation).default([]),
        any: z.array(observation).default([]),
        /** Questions the authorizer must refuse in the main namespace (SubjectAccessReviews): a broken RBAC grant shows no pod state. Each ServiceAccount must exist. */
        denied: z.array(deniedAccess).optional(),
      })
      .strict()
      .refine((s) => s.all.length + s.any.length + (s.denied?.length ?? 0) > 0, 'a symptom needs at least one observation'),
    /** How long `verify` waits for a fix to pass (ConfigMap mounts retry with back-off). */
    settle: duration.default('150s'),
    /**
     * Image references the scenario relies on NOT existing (a bad tag): never
     * preloaded into kind, never served by the local registry.
     */
    missingImages: z.array(z.string().min(1)).default([]),
    /** Fewer than three honest alternative fixes exist: say why. */
    fewerFixesBecause: z.string().optional(),
    /**
     * What the brief protects ("do not delete or modify X"): each becomes a
     * gate check `keep-<kind>-<name>` of kind objectUnchanged — the injected
     * object, unchanged as a whole against what the API server stored.
     */
    keep: z.array(objectRef).default([]),
    /**
     * Services whose selector or targetPort is the injected break: the manifest
     * rule that a Service selects a workload of the manifests on a declared
     * containerPort skips them (a serviceRoutes check judges the fix).
     */
    brokenServices: z.array(name).default([]),
    checks: z.array(checkSpec).min(1),
  })
  .strict();

export type ScenarioSpec = z.infer<typeof scenarioSpec>;
export type CheckSpec = z.infer<typeof checkSpec>;
export type Observation = z.infer<typeof observation>;
export type DeniedAccess = z.infer<typeof deniedAccess>;
export type InjectStep = z.infer<typeof injectStep>;
export type Domain = (typeof domains)[number];

/** The gate check a `keep` entry becomes. */
export function keepCheck(object: z.infer<typeof objectRef>): CheckSpec {
  return {
    id: keepCheckId(object),
    kind: 'objectUnchanged',
    object,
    description: `${object.kind} ${object.name} is the injected object, unchanged (the brief keeps it)`,
    points: 0,
    gate: true,
  };
}

/** "keep-deployment-redis". */
export function keepCheckId(object: { kind: string; name: string }): string {
  return `keep-${object.kind.toLowerCase()}-${object.name}`;
}
