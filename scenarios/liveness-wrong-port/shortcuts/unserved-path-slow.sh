#!/bin/sh
# Point the probe at 8080 but at /health, which httpd does not serve (404), as slowly as the brief allows (6 × 10s): green for a minute, then killed again.
set -eu
kubectl -n "$NS" patch deployment web --type=json -p '[
  {"op": "replace", "path": "/spec/template/spec/containers/0/livenessProbe",
   "value": {"httpGet": {"path": "/health", "port": 8080}, "periodSeconds": 10, "failureThreshold": 6}}
]'
