#!/bin/sh
# Replace the liveness probe with a TCP connection to port 8080, same timing (JSON patch).
set -eu
kubectl -n "$NS" patch deployment web --type=json -p '[
  {"op": "replace", "path": "/spec/template/spec/containers/0/livenessProbe",
   "value": {"tcpSocket": {"port": 8080}, "initialDelaySeconds": 3, "periodSeconds": 3, "failureThreshold": 2}}
]'
