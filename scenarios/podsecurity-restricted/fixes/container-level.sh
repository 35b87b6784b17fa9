#!/bin/sh
# Set every field on container web itself (user, seccomp, no escalation, drop ALL), nothing at pod level.
set -eu
kubectl -n "$NS" patch deployment web --type=json -p '[
  {"op": "add", "path": "/spec/template/spec/containers/0/securityContext", "value": {
    "runAsNonRoot": true, "runAsUser": 2000, "allowPrivilegeEscalation": false,
    "capabilities": {"drop": ["ALL"]}, "seccompProfile": {"type": "RuntimeDefault"}}}
]'
