#!/bin/sh
# Create an empty web-settings, then lay settings.conf from another ConfigMap over /etc/web with a subPath mount: web-settings is mounted but hidden.
set -eu
kubectl -n "$NS" create configmap web-settings
kubectl -n "$NS" create configmap web-config --from-literal=settings.conf=mode=production
kubectl -n "$NS" patch deployment web --type=json -p '[
  {"op": "add", "path": "/spec/template/spec/volumes/-", "value": {"name": "override", "configMap": {"name": "web-config"}}},
  {"op": "add", "path": "/spec/template/spec/containers/0/volumeMounts/-", "value": {"name": "override", "mountPath": "/etc/web/settings.conf", "subPath": "settings.conf"}}
]'
