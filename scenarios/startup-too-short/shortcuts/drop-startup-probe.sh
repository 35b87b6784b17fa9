#!/bin/sh
# Remove the startup probe: the liveness probe (3 × 5 s) then runs from the start and kills the app mid warm-up just the same.
set -eu
kubectl -n "$NS" patch deployment app --type=json -p '[
  {"op": "remove", "path": "/spec/template/spec/containers/0/startupProbe"}
]'
