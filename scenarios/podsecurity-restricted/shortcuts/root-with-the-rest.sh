#!/bin/sh
# Keep running as root (runAsUser 0) and add the other restricted fields: restricted forbids user 0, so no pod is admitted.
set -eu
kubectl -n "$NS" patch deployment web --type=strategic -p '{"spec":{"template":{"spec":{
  "securityContext": {"runAsUser": 0, "seccompProfile": {"type": "RuntimeDefault"}},
  "containers": [{"name": "web", "securityContext": {"allowPrivilegeEscalation": false, "capabilities": {"drop": ["ALL"]}}}]
}}}}'
