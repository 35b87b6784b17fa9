#!/bin/sh
# Keep /etc/config and mount only the file: volume config again at /etc/app/app.conf with subPath app.conf.
set -eu
kubectl -n "$NS" patch deployment app --type=json -p '[
  {"op": "add", "path": "/spec/template/spec/containers/0/volumeMounts/-",
   "value": {"name": "config", "mountPath": "/etc/app/app.conf", "subPath": "app.conf", "readOnly": true}}
]'
