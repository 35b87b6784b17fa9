#!/bin/sh
# Replace the volume with a projected one named settings whose source is ConfigMap app-config, mounted at /etc/app.
set -eu
kubectl -n "$NS" patch deployment app --type=json -p '[
  {"op": "replace", "path": "/spec/template/spec/volumes/0", "value": {"name": "settings", "projected": {"sources": [{"configMap": {"name": "app-config"}}]}}},
  {"op": "replace", "path": "/spec/template/spec/containers/0/volumeMounts/0", "value": {"name": "settings", "mountPath": "/etc/app", "readOnly": true}}
]'
