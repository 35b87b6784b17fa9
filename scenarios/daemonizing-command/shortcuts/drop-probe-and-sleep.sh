#!/bin/sh
# Remove the readiness probe and let the container only sleep: green and stable pods, but no server and a removed probe.
set -eu
kubectl -n "$NS" patch deployment web --type=json -p '[
  {"op": "remove", "path": "/spec/template/spec/containers/0/readinessProbe"},
  {"op": "replace", "path": "/spec/template/spec/containers/0/command", "value": ["sleep", "2147483647"]},
  {"op": "remove", "path": "/spec/template/spec/containers/0/args"}
]'
