#!/bin/sh
# Probe /healthz on 8080 but let each try wait an hour (timeoutSeconds 3600): a pod that accepts and stops answering stays in Service web for 3 hours, not a minute.
set -eu
kubectl -n "$NS" patch deployment web --type=json -p '[
  {"op": "replace", "path": "/spec/template/spec/containers/0/readinessProbe",
   "value": {"httpGet": {"path": "/healthz", "port": 8080}, "periodSeconds": 2, "timeoutSeconds": 3600}}
]'
