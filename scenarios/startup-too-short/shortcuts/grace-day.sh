#!/bin/sh
# Give the startup probe a 30 s budget but a day of grace for its kill (startupProbe.terminationGracePeriodSeconds 86400): sh ignores SIGTERM, so a start that hangs is killed only a day later, not within 5 minutes.
set -eu
kubectl -n "$NS" patch deployment app --type=json -p '[
  {"op": "replace", "path": "/spec/template/spec/containers/0/startupProbe/failureThreshold", "value": 15},
  {"op": "add", "path": "/spec/template/spec/containers/0/startupProbe/terminationGracePeriodSeconds", "value": 86400}
]'
