#!/bin/sh
# Point the liveness probe of container web at port 8080, where httpd serves (JSON patch).
set -eu
kubectl -n "$NS" patch deployment web --type=json -p '[
  {"op": "replace", "path": "/spec/template/spec/containers/0/livenessProbe/httpGet/port", "value": 8080}
]'
