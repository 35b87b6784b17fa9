#!/bin/sh
# Add -f, but rewrite the readiness probe (path /kubedrill-id, period 30s, failureThreshold 1000) keeping only its port: the brief forbids changing the probe.
set -eu
kubectl -n "$NS" patch deployment web --type=json -p '[
  {"op": "add", "path": "/spec/template/spec/containers/0/args/0", "value": "-f"},
  {"op": "replace", "path": "/spec/template/spec/containers/0/readinessProbe",
   "value": {"httpGet": {"path": "/kubedrill-id", "port": 8080}, "periodSeconds": 30, "failureThreshold": 1000}}
]'
