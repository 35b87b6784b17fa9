#!/bin/sh
# Give web's pod template a non-root user and RuntimeDefault seccomp (pod level), no privilege escalation and no capabilities (container web).
set -eu
kubectl -n "$NS" patch deployment web --type=strategic -p '{"spec":{"template":{"spec":{
  "securityContext": {"runAsNonRoot": true, "runAsUser": 1000, "runAsGroup": 1000, "seccompProfile": {"type": "RuntimeDefault"}},
  "containers": [{"name": "web", "securityContext": {"allowPrivilegeEscalation": false, "capabilities": {"drop": ["ALL"]}}}]
}}}}'
kubectl -n "$NS" rollout status deployment web --timeout=90s
