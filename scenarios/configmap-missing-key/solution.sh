#!/bin/sh
# Point the configMapKeyRef of DATABASE_HOST at the key the ConfigMap really has (db_host).
set -eu
kubectl -n "$NS" patch deployment app --type=json -p '[
  {"op": "replace", "path": "/spec/template/spec/containers/0/env/0/valueFrom/configMapKeyRef/key", "value": "db_host"}
]'
