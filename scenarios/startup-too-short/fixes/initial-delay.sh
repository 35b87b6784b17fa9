#!/bin/sh
# Hold the startup probe off for the warm-up: initialDelaySeconds 20 + 4 × 2 s = 28 s (JSON patch).
set -eu
kubectl -n "$NS" patch deployment app --type=json -p '[
  {"op": "add", "path": "/spec/template/spec/containers/0/startupProbe/initialDelaySeconds", "value": 20}
]'
