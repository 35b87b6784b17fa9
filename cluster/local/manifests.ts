import { network, systemImages } from './settings.ts';

/** admin.conf's group (kubeadm ≥ 1.29) gets cluster-admin, as `kubeadm init` would do; and the apiserver may call kubelets. */
export const clusterAdminsBinding = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: { name: "kubeadm:cluster-admins" }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin }
subjects: [{ apiGroup: rbac.authorization.k8s.io, kind: Group, name: "kubeadm:cluster-admins" }]
---
# The apiserver's client certificate towards kubelets (logs, exec), bound as kubeadm does.
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: { name: "kubeadm:apiserver-kubelet-client" }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: "system:kubelet-api-admin" }
subjects: [{ apiGroup: rbac.authorization.k8s.io, kind: User, name: kube-apiserver-kubelet-client }]
`;

/** What kube-router's policy controller reads (its upstream ClusterRole, firewall part). */
export const kubeRouterRbac = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: "kubedrill:kube-router" }
rules:
- apiGroups: [""]
  resources: [namespaces, pods, services, nodes, endpoints]
  verbs: [get, list, watch]
- apiGroups: [networking.k8s.io]
  resources: [networkpolicies]
  verbs: [get, list, watch]
- apiGroups: [discovery.k8s.io]
  resources: [endpointslices]
  verbs: [get, list, watch]
- apiGroups: [coordination.k8s.io]
  resources: [leases]
  verbs: [get, create, update]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: { name: "kubedrill:kube-router" }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: "kubedrill:kube-router" }
subjects: [{ apiGroup: rbac.authorization.k8s.io, kind: User, name: "system:kube-router" }]
`;

/** The Corefile: cluster names only. No \`forward\`: no query ever leaves the machine. */
const corefile = `.:53 {
    errors
    health
    ready
    kubernetes ${network.dnsDomain} in-addr.arpa ip6.arpa {
        pods insecure
        fallthrough in-addr.arpa ip6.arpa
        ttl 30
    }
    prometheus :9153
    cache 30
    reload
    loadbalance
}
`;

const indented = corefile
  .split('\n')
  .map((line) => (line ? `    ${line}` : line))
  .join('\n');

/** CoreDNS as a pod (k8s-app=kube-dns) behind Service kube-dns, like kubeadm's addon. */
export const coredns = `apiVersion: v1
kind: ServiceAccount
metadata: { name: coredns, namespace: kube-system }
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: "system:coredns" }
rules:
- apiGroups: [""]
  resources: [endpoints, services, pods, namespaces]
  verbs: [list, watch]
- apiGroups: [discovery.k8s.io]
  resources: [endpointslices]
  verbs: [list, watch]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: { name: "system:coredns" }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: "system:coredns" }
subjects: [{ kind: ServiceAccount, name: coredns, namespace: kube-system }]
---
apiVersion: v1
kind: ConfigMap
metadata: { name: coredns, namespace: kube-system }
data:
  Corefile: |
${indented}
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: coredns, namespace: kube-system, labels: { k8s-app: kube-dns } }
spec:
  replicas: 1
  selector: { matchLabels: { k8s-app: kube-dns } }
  template:
    metadata: { labels: { k8s-app: kube-dns } }
    spec:
      priorityClassName: system-cluster-critical
      serviceAccountName: coredns
      dnsPolicy: Default
      terminationGracePeriodSeconds: 2
      tolerations: [{ key: CriticalAddonsOnly, operator: Exists }, { key: node-role.kubernetes.io/control-plane, effect: NoSchedule }]
      containers:
      - name: coredns
        image: docker.io/${systemImages.coredns}
        imagePullPolicy: IfNotPresent
        args: [-conf, /etc/coredns/Corefile]
        resources: { limits: { memory: 170Mi }, requests: { cpu: 100m, memory: 70Mi } }
        ports:
        - { name: dns, containerPort: 53, protocol: UDP }
        - { name: dns-tcp, containerPort: 53, protocol: TCP }
        - { name: metrics, containerPort: 9153, protocol: TCP }
        securityContext:
          allowPrivilegeEscalation: false
          readOnlyRootFilesystem: true
          capabilities: { add: [NET_BIND_SERVICE], drop: [ALL] }
        livenessProbe: { httpGet: { path: /health, port: 8080 }, initialDelaySeconds: 10, periodSeconds: 10 }
        readinessProbe: { httpGet: { path: /ready, port: 8181 }, periodSeconds: 2 }
        volumeMounts: [{ name: config, mountPath: /etc/coredns, readOnly: true }]
      volumes:
      - name: config
        configMap: { name: coredns, items: [{ key: Corefile, path: Corefile }] }
---
apiVersion: v1
kind: Service
metadata:
  name: kube-dns
  namespace: kube-system
  labels: { k8s-app: kube-dns, kubernetes.io/name: CoreDNS }
spec:
  clusterIP: ${network.dnsServiceIp}
  selector: { k8s-app: kube-dns }
  ports:
  - { name: dns, port: 53, protocol: UDP }
  - { name: dns-tcp, port: 53, protocol: TCP }
  - { name: metrics, port: 9153, protocol: TCP }
`;
