#!/bin/sh
# Mount only the file at /etc/app/app.conf, with subPathExpr app.conf (a subPathExpr without variables is the plain path).
set -eu
kubectl -n "$NS" patch deployment app --type=json -p '[
  {"op": "add", "path": "/spec/template/spec/containers/0/volumeMounts/-",
   "value": {"name": "config", "mountPath": "/etc/app/app.conf", "subPathExpr": "app.conf", "readOnly": true}}
]'
