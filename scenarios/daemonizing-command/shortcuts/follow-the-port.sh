#!/bin/sh
# Serve on 8081 with the probe moved along, and re-target Service web at 8081: it answers, but the kept Service and the probe were changed.
set -eu
kubectl -n "$NS" patch deployment web --type=json -p '[
  {"op": "replace", "path": "/spec/template/spec/containers/0/args", "value": ["-f", "-p", "8081", "-h", "/www"]},
  {"op": "replace", "path": "/spec/template/spec/containers/0/ports/0/containerPort", "value": 8081},
  {"op": "replace", "path": "/spec/template/spec/containers/0/readinessProbe/httpGet/port", "value": 8081}
]'
kubectl -n "$NS" patch service web --type=json -p '[
  {"op": "replace", "path": "/spec/ports/0/targetPort", "value": 8081}
]'
