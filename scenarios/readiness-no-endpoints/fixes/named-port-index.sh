#!/bin/sh
# Name the container port http and rewrite the probe as an HTTP GET of /index.html on port http, every 5s.
set -eu
kubectl -n "$NS" patch deployment web --type=json -p '[
  {"op": "add", "path": "/spec/template/spec/containers/0/ports/0/name", "value": "http"},
  {"op": "replace", "path": "/spec/template/spec/containers/0/readinessProbe",
   "value": {"httpGet": {"path": "/index.html", "port": "http"}, "periodSeconds": 5}}
]'
