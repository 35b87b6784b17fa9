#!/bin/sh
# Project app-config and then a ConfigMap app-override (same app.conf text) into /etc/app: the later source wins app.conf, so the file comes from app-override.
set -eu
kubectl -n "$NS" create configmap app-override --from-literal=app.conf='# app settings
greeting=hello from app-config
'
kubectl -n "$NS" patch deployment app --type=json -p '[
  {"op": "replace", "path": "/spec/template/spec/volumes/0", "value": {"name": "config", "projected": {"sources": [{"configMap": {"name": "app-config"}}, {"configMap": {"name": "app-override"}}]}}},
  {"op": "replace", "path": "/spec/template/spec/containers/0/volumeMounts/0/mountPath", "value": "/etc/app"}
]'
