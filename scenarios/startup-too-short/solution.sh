#!/bin/sh
# Raise the startup probe's failureThreshold from 4 to 15: 15 × 2 s = 30 s, enough for the 20 s warm-up.
set -eu
kubectl -n "$NS" patch deployment app --type=json -p '[
  {"op": "replace", "path": "/spec/template/spec/containers/0/startupProbe/failureThreshold", "value": 15}
]'
