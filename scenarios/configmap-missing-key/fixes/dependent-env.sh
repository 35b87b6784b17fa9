#!/bin/sh
# Take db_host from app-config into DB_HOST and set DATABASE_HOST to $(DB_HOST) (kubelet dependent-variable expansion): the value still comes from app-config.
set -eu
kubectl -n "$NS" patch deployment app --type=json -p '[
  {"op": "replace", "path": "/spec/template/spec/containers/0/env", "value": [
    {"name": "DB_HOST", "valueFrom": {"configMapKeyRef": {"name": "app-config", "key": "db_host"}}},
    {"name": "DATABASE_HOST", "value": "$(DB_HOST)"}
  ]}
]'
