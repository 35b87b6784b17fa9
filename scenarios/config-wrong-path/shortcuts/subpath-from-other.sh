#!/bin/sh
# Keep app-config at /etc/config and pin /etc/app/app.conf with a subPath mount of another ConfigMap (app-file): the file the app reads is not app-config's.
set -eu
kubectl -n "$NS" create configmap app-file --from-literal=app.conf='greeting=hello from app-config'
kubectl -n "$NS" patch deployment app --type=json -p '[
  {"op": "add", "path": "/spec/template/spec/volumes/-", "value": {"name": "file", "configMap": {"name": "app-file"}}},
  {"op": "add", "path": "/spec/template/spec/containers/0/volumeMounts/-", "value": {"name": "file", "mountPath": "/etc/app/app.conf", "subPath": "app.conf"}}
]'
