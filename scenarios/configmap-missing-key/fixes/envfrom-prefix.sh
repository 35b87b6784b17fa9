#!/bin/sh
# Add a key HOST to app-config and import it with envFrom prefix DATABASE_ (HOST → DATABASE_HOST), dropping the broken env entry.
set -eu
kubectl -n "$NS" patch configmap app-config -p '{"data": {"HOST": "database"}}'
kubectl -n "$NS" patch deployment app --type=json -p '[
  {"op": "remove", "path": "/spec/template/spec/containers/0/env/0"},
  {"op": "add", "path": "/spec/template/spec/containers/0/envFrom", "value": [{"prefix": "DATABASE_", "configMapRef": {"name": "app-config"}}]}
]'
