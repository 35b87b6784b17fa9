#!/bin/sh
# Replace Role pod-reader as a whole with kubectl apply: one rule, verbs get, list and watch on pods.
set -eu
kubectl -n "$NS" apply -f - <<'YAML'
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: pod-reader
rules:
  - apiGroups: ['']
    resources: ['pods']
    verbs: ['get', 'list', 'watch']
YAML
