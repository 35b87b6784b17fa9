#!/bin/sh
# Run web as user nobody (65534) with the restricted fields split between pod and container, and a read-only root besides.
set -eu
kubectl -n "$NS" patch deployment web --type=json -p '[
  {"op": "add", "path": "/spec/template/spec/securityContext", "value": {"runAsUser": 65534, "runAsGroup": 65534, "fsGroup": 65534, "seccompProfile": {"type": "RuntimeDefault"}}},
  {"op": "add", "path": "/spec/template/spec/containers/0/securityContext", "value": {
    "runAsNonRoot": true, "allowPrivilegeEscalation": false, "readOnlyRootFilesystem": true, "capabilities": {"drop": ["ALL"]}}}
]'
