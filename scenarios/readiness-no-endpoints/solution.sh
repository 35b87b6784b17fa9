#!/bin/sh
# Point the readiness probe at web's health endpoint /healthz instead of /ready (JSON patch).
set -eu
kubectl -n "$NS" patch deployment web --type=json -p '[
  {"op": "replace", "path": "/spec/template/spec/containers/0/readinessProbe/httpGet/path", "value": "/healthz"}
]'
