#!/bin/sh
# Give the startup probe a 30 s budget but the pod a day of termination grace (terminationGracePeriodSeconds 86400): sh ignores SIGTERM, so a start that hangs is killed only a day after the probe gives up.
set -eu
kubectl -n "$NS" patch deployment app --type=json -p '[
  {"op": "replace", "path": "/spec/template/spec/containers/0/startupProbe/failureThreshold", "value": 15},
  {"op": "replace", "path": "/spec/template/spec/terminationGracePeriodSeconds", "value": 86400}
]'
