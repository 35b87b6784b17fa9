#!/bin/sh
# The smallest budget the brief allows: initialDelaySeconds 5 + 10 × 2 s = 25 s.
set -eu
kubectl -n "$NS" patch deployment app --type=json -p '[
  {"op": "add", "path": "/spec/template/spec/containers/0/startupProbe/initialDelaySeconds", "value": 5},
  {"op": "replace", "path": "/spec/template/spec/containers/0/startupProbe/failureThreshold", "value": 10}
]'
