#!/bin/sh
# Create ConfigMap web-settings, and switch the mount to a projected volume under another name that takes web-settings as its source.
set -eu
kubectl -n "$NS" create configmap web-settings --from-literal=settings.conf=mode=production
kubectl -n "$NS" patch deployment web --type=json -p '[
  {"op": "replace", "path": "/spec/template/spec/volumes/0", "value": {"name": "web-config", "projected": {"sources": [{"configMap": {"name": "web-settings"}}]}}},
  {"op": "replace", "path": "/spec/template/spec/containers/0/volumeMounts/0/name", "value": "web-config"}
]'
