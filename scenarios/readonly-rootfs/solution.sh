#!/bin/sh
# Mount an emptyDir volume at /var/run in container web (JSON patch); the root filesystem stays read-only.
set -eu
kubectl -n "$NS" patch deployment web --type=json -p '[
  {"op": "add", "path": "/spec/template/spec/volumes/-", "value": {"name": "run", "emptyDir": {}}},
  {"op": "add", "path": "/spec/template/spec/containers/0/volumeMounts/-", "value": {"name": "run", "mountPath": "/var/run"}}
]'
