#!/bin/sh
# Create an empty web-settings and keep its volume declared, but mount another ConfigMap (web-config) at /etc/web: healthy, yet web-settings feeds nothing.
set -eu
kubectl -n "$NS" create configmap web-settings
kubectl -n "$NS" create configmap web-config --from-literal=settings.conf=mode=production
kubectl -n "$NS" patch deployment web --type=json -p '[
  {"op": "add", "path": "/spec/template/spec/volumes/-", "value": {"name": "real", "configMap": {"name": "web-config"}}},
  {"op": "replace", "path": "/spec/template/spec/containers/0/volumeMounts/0/name", "value": "real"}
]'
