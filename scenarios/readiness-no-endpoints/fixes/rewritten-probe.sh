#!/bin/sh
# Write a new readiness probe with its own timing: GET /healthz on 8080 after 3s, every 10s, 3 failures (33s window), 2s timeout.
set -eu
kubectl -n "$NS" patch deployment web --type=json -p '[
  {"op": "replace", "path": "/spec/template/spec/containers/0/readinessProbe",
   "value": {"httpGet": {"path": "/healthz", "port": 8080}, "initialDelaySeconds": 3, "periodSeconds": 10, "failureThreshold": 3, "timeoutSeconds": 2}}
]'
