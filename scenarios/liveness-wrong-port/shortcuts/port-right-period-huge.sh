#!/bin/sh
# Point the probe at 8080 but probe once an hour: 3 + 2 × 3600s before a hung server is restarted, far beyond the minute the brief allows.
set -eu
kubectl -n "$NS" patch deployment web --type=json -p '[
  {"op": "replace", "path": "/spec/template/spec/containers/0/livenessProbe/httpGet/port", "value": 8080},
  {"op": "replace", "path": "/spec/template/spec/containers/0/livenessProbe/periodSeconds", "value": 3600}
]'
