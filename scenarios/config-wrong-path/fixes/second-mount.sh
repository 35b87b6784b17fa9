#!/bin/sh
# Mount volume config a second time, at /etc/app, beside /etc/config (strategic merge patch: volumeMounts merge by mountPath).
set -eu
kubectl -n "$NS" patch deployment app -p '{"spec":{"template":{"spec":{"containers":[{
  "name": "app",
  "volumeMounts": [{"name": "config", "mountPath": "/etc/app", "readOnly": true}]
}]}}}}'
