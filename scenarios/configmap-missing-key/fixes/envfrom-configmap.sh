#!/bin/sh
# Store the address under the key DATABASE_HOST in app-config and take the whole ConfigMap with envFrom in place of the broken env entry.
set -eu
kubectl -n "$NS" patch configmap app-config -p '{"data": {"DATABASE_HOST": "database"}}'
kubectl -n "$NS" patch deployment app --type=json -p '[
  {"op": "remove", "path": "/spec/template/spec/containers/0/env"},
  {"op": "add", "path": "/spec/template/spec/containers/0/envFrom", "value": [{"configMapRef": {"name": "app-config"}}]}
]'
