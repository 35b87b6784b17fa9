#!/bin/sh
# Allow DNS, and TCP 5432 only to a stand-in db (a bare pod on 5432 serving its own uid), then pin the name db to the stand-in in app's /etc/hosts (hostAliases): app becomes Ready and metrics/legacy-db stay blocked, but app never talks to the genuine db.
set -eu
kubectl -n "$NS" apply -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: db-stand-in
  labels:
    role: db-stand-in
spec:
  terminationGracePeriodSeconds: 2
  containers:
    - name: db
      image: busybox:1.36
      command: ["sh", "-c", "mkdir -p /www && echo \"$POD_UID\" > /www/kubedrill-id && exec httpd -f -p 5432 -h /www"]
      env:
        - name: POD_UID
          valueFrom:
            fieldRef:
              fieldPath: metadata.uid
      readinessProbe:
        tcpSocket:
          port: 5432
        periodSeconds: 2
YAML
kubectl -n "$NS" patch networkpolicy app-egress --type=json -p '[
  {"op": "add", "path": "/spec/egress/-", "value": {
    "to": [{"namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": "kube-system"}},
            "podSelector": {"matchLabels": {"k8s-app": "kube-dns"}}}],
    "ports": [{"protocol": "UDP", "port": 53}, {"protocol": "TCP", "port": 53}]}},
  {"op": "add", "path": "/spec/egress/-", "value": {
    "to": [{"podSelector": {"matchLabels": {"role": "db-stand-in"}}}],
    "ports": [{"protocol": "TCP", "port": 5432}]}}
]'
kubectl -n "$NS" wait --for=condition=Ready pod/db-stand-in --timeout=90s
ip=$(kubectl -n "$NS" get pod db-stand-in -o jsonpath='{.status.podIP}')
kubectl -n "$NS" patch deployment app -p "{\"spec\":{\"template\":{\"spec\":{\"hostAliases\":[{\"ip\":\"$ip\",\"hostnames\":[\"db\"]}]}}}}"
