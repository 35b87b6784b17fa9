#!/bin/sh
# Remove the startup probe and delay the liveness probe by 30 s instead: the pods run, but the brief keeps the liveness probe as it is.
set -eu
kubectl -n "$NS" patch deployment app --type=json -p '[
  {"op": "remove", "path": "/spec/template/spec/containers/0/startupProbe"},
  {"op": "add", "path": "/spec/template/spec/containers/0/livenessProbe/initialDelaySeconds", "value": 30}
]'
