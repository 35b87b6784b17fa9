#!/bin/sh
# Serve in the foreground on 8081 and move the readiness probe along: Ready pods, but Service web still sends 8080 to nothing.
set -eu
kubectl -n "$NS" patch deployment web --type=json -p '[
  {"op": "replace", "path": "/spec/template/spec/containers/0/args", "value": ["-f", "-p", "8081", "-h", "/www"]},
  {"op": "replace", "path": "/spec/template/spec/containers/0/ports/0/containerPort", "value": 8081},
  {"op": "replace", "path": "/spec/template/spec/containers/0/readinessProbe/httpGet/port", "value": 8081}
]'
