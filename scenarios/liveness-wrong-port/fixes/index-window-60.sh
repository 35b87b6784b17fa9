#!/bin/sh
# Probe /index.html on 8080 as slowly as the brief allows: 0 + 3 × 20s = 60s exactly.
set -eu
kubectl -n "$NS" patch deployment web --type=json -p '[
  {"op": "replace", "path": "/spec/template/spec/containers/0/livenessProbe",
   "value": {"httpGet": {"path": "/index.html", "port": 8080}, "periodSeconds": 20, "failureThreshold": 3}}
]'
