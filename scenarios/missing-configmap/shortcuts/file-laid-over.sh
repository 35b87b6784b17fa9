#!/bin/sh
# Create an empty web-settings, then lay settings.conf from another ConfigMap over it with a subPath mount. On a real cluster the pod never starts (the mount point cannot be made inside the read-only ConfigMap volume); mountsConfigMap would fail it anyway (unit-tested).
set -eu
kubectl -n "$NS" create configmap web-settings
kubectl -n "$NS" create configmap web-config --from-literal=settings.conf=mode=production
kubectl -n "$NS" patch deployment web --type=json -p '[
  {"op": "add", "path": "/spec/template/spec/volumes/-", "value": {"name": "override", "configMap": {"name": "web-config"}}},
  {"op": "add", "path": "/spec/template/spec/containers/0/volumeMounts/-", "value": {"name": "override", "mountPath": "/etc/web/settings.conf", "subPath": "settings.conf"}}
]'
