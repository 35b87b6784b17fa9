#!/bin/sh
# Mount the emptyDir at /var/run/web only, the one directory the app writes in.
set -eu
kubectl -n "$NS" patch deployment web --type=json -p '[
  {"op": "add", "path": "/spec/template/spec/volumes/-", "value": {"name": "pid", "emptyDir": {}}},
  {"op": "add", "path": "/spec/template/spec/containers/0/volumeMounts/-", "value": {"name": "pid", "mountPath": "/var/run/web"}}
]'
