#!/bin/sh
# Add every restricted field but runAsNonRoot without a numeric runAsUser: admitted, but busybox's image runs as root, so the kubelet refuses to start it.
set -eu
kubectl -n "$NS" patch deployment web --type=strategic -p '{"spec":{"template":{"spec":{
  "securityContext": {"runAsNonRoot": true, "seccompProfile": {"type": "RuntimeDefault"}},
  "containers": [{"name": "web", "securityContext": {"allowPrivilegeEscalation": false, "capabilities": {"drop": ["ALL"]}}}]
}}}}'
