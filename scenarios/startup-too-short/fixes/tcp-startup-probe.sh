#!/bin/sh
# Replace the startup probe with a TCP check of port 8080 every 3 s, 10 failures allowed (30 s).
set -eu
kubectl -n "$NS" patch deployment app --type=json -p '[
  {"op": "replace", "path": "/spec/template/spec/containers/0/startupProbe",
   "value": {"tcpSocket": {"port": 8080}, "periodSeconds": 3, "failureThreshold": 10}}
]'
