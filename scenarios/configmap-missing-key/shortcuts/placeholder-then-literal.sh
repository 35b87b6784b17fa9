#!/bin/sh
# Give app-config a placeholder database_host=unused so the env entry resolves, then append a literal DATABASE_HOST=database after it: the later entry wins, so the address is hard-coded.
set -eu
kubectl -n "$NS" patch configmap app-config -p '{"data": {"database_host": "unused"}}'
kubectl -n "$NS" patch deployment app --type=json -p '[
  {"op": "add", "path": "/spec/template/spec/containers/0/env/-", "value": {"name": "DATABASE_HOST", "value": "database"}}
]'
