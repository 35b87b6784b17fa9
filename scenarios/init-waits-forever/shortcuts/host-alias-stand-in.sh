#!/bin/sh
# Pin the name db to a stand-in pod's address in the pods' /etc/hosts (hostAliases): DB_HOST stays db and the wait ends, but the stand-in answered, not Deployment database.
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
      command: ["sh", "-c", "mkdir -p /d && echo \"$POD_UID\" > /d/kubedrill-id && exec httpd -f -p 5432 -h /d"]
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
kubectl -n "$NS" wait --for=condition=Ready pod/db-stand-in --timeout=90s
ip=$(kubectl -n "$NS" get pod db-stand-in -o jsonpath='{.status.podIP}')
kubectl -n "$NS" patch deployment app -p "{\"spec\":{\"template\":{\"spec\":{\"hostAliases\": [{\"ip\": \"$ip\", \"hostnames\": [\"db\"]}]}}}}"
