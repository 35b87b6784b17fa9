#!/bin/sh
# Probe /healthz, but only every 5 minutes with 10 failures allowed: Ready pods, but a web pod that stops answering would stay in Service web for 50 minutes.
set -eu
kubectl -n "$NS" patch deployment web --type=json -p '[
  {"op": "replace", "path": "/spec/template/spec/containers/0/readinessProbe",
   "value": {"httpGet": {"path": "/healthz", "port": 8080}, "periodSeconds": 300, "failureThreshold": 10}}
]'
