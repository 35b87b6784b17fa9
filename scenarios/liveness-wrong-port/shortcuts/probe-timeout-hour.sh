#!/bin/sh
# Point the probe at /healthz on 8080 but let each try wait an hour (timeoutSeconds 3600): a server that accepts and never answers is restarted only after 2 hours, not within a minute.
set -eu
kubectl -n "$NS" patch deployment web --type=json -p '[
  {"op": "replace", "path": "/spec/template/spec/containers/0/livenessProbe",
   "value": {"httpGet": {"path": "/healthz", "port": 8080}, "initialDelaySeconds": 3, "periodSeconds": 3, "failureThreshold": 2, "timeoutSeconds": 3600}}
]'
