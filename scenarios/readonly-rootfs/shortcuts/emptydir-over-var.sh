#!/bin/sh
# Mount the emptyDir over all of /var instead of where the app writes: /var, not just /var/run/web, becomes writable.
set -eu
kubectl -n "$NS" patch deployment web --type=json -p '[
  {"op": "add", "path": "/spec/template/spec/volumes/-", "value": {"name": "var", "emptyDir": {}}},
  {"op": "add", "path": "/spec/template/spec/containers/0/volumeMounts/-", "value": {"name": "var", "mountPath": "/var"}}
]'
