#!/bin/sh
# Project only key app.conf (items) into the volume and mount it at /etc/app.
set -eu
kubectl -n "$NS" patch deployment app --type=json -p '[
  {"op": "add", "path": "/spec/template/spec/volumes/0/configMap/items", "value": [{"key": "app.conf", "path": "app.conf"}]},
  {"op": "replace", "path": "/spec/template/spec/containers/0/volumeMounts/0/mountPath", "value": "/etc/app"}
]'
