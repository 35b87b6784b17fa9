#!/bin/sh
# Create a correct ConfigMap under another name (web-config) and point the volume at it: healthy, but not web-settings.
set -eu
kubectl -n "$NS" create configmap web-config --from-literal=settings.conf=mode=production
kubectl -n "$NS" patch deployment web --type=json -p '[
  {"op": "replace", "path": "/spec/template/spec/volumes/0/configMap/name", "value": "web-config"}
]'
